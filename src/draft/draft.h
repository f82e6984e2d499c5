// Reading a customer-email draft: an .eml message (RFC 5322 headers, RFC 2047 subjects, MIME
// quoted-printable / base64 bodies, multipart -> the first text/plain part) or plain text whose
// first line may be "Subject: ...". The result is what a person reads in a mail client: the
// decoded subject and the decoded body, with a line map so every finding points at the
// line:col of that decoded text.
//
// Line numbers: a header keeps the line where it starts in the file (folded headers are shown
// unfolded and decoded); the body's decoded lines are numbered from the line where the body
// (or the chosen MIME part's content) starts in the file. For 7bit/8bit bodies and text drafts
// these are the file's own lines; for quoted-printable and base64 they are the decoded lines.
// Columns count code points of the decoded text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace esc {

enum class DraftFormat { email, text };

// .eml -> email; .txt/.md -> text; anything else (stdin without a name) is sniffed: a header
// block with From/To/Date/MIME-Version/Content-Type/Message-ID is an email.
DraftFormat draft_format_for(std::string_view path, std::string_view bytes);

// A problem reading the draft itself (the draft-syntax rule): empty, binary, invalid UTF-8,
// an unsupported charset or encoding, no text part.
struct DraftProblem {
  Mark mark;  // line 0: the whole file
  std::string message;
};

struct Draft {
  DraftFormat format = DraftFormat::text;
  // False when there is nothing to lint (empty or binary file): only `problems` count.
  bool readable = true;
  std::vector<DraftProblem> problems;

  std::optional<std::string> subject;  // decoded, trimmed; nullopt when the draft has none
  int subject_line = 0;                // the line of the Subject header (or first line)
  int subject_col = 0;                 // the column of the subject's first character
  std::string subject_display;         // the whole line as shown ("Subject: ...")

  std::string body;                    // decoded text, "\n" line ends, valid UTF-8
  int body_first_line = 1;             // the line number of the body's first line
  std::vector<std::size_t> line_starts;  // byte offset of each body line

  // Where a byte offset into `subject` or `body` is, as line:col of the decoded text. Asking
  // in increasing order (as every rule does) costs linear time in total, even on one 1 MB line:
  // the column of the last answer is remembered. So a Draft belongs to one thread at a time.
  Mark subject_mark(std::size_t offset) const;
  Mark body_mark(std::size_t offset) const;
  // Index (0-based) of the body line holding a byte offset, and that line's text.
  std::size_t body_line_index(std::size_t offset) const;
  std::string_view body_line(std::size_t index) const;
  // The decoded line shown for a line number (subject or body), for the report's caret.
  std::string display_line(int line) const;

 private:
  struct ColumnCache {
    std::size_t line = static_cast<std::size_t>(-1);
    std::size_t offset = 0;
    int col = 1;
  };
  mutable ColumnCache body_cache_, subject_cache_;
};

// Reads a draft from its bytes. Never throws on bad input: problems become `problems`.
Draft read_draft(std::string_view bytes, DraftFormat format);

// The body of a draft built from a string (tests): the text as the body, no subject.
void set_body(Draft& draft, std::string body, int first_line);

}  // namespace esc
