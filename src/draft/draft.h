// Reading a customer-email draft: an .eml message (RFC 5322 headers, RFC 2047 subjects, MIME
// quoted-printable / base64 bodies in any charset iconv knows, text/plain and text/html parts,
// multipart/alternative read as both alternatives) or plain text whose first line may be
// "Subject: ...". The result is what a person reads in a mail client: the decoded subject and
// the decoded body (HTML as its text), with a map back to the file as stored.
//
// Two kinds of positions. The rules work in the decoded text: body_mark() numbers the decoded
// lines from the line where the part's content starts in the file, columns in code points.
// locate() turns such a mark into a position in the file as stored, which is what findings
// report: for 7bit/8bit and quoted-printable text the raw line:col of the same character; for
// base64 and HTML parts the part's Content-Type line (with the decoded line to quote). Headers
// keep the line where they start in the file.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/codecs.h"
#include "core/diagnostic.h"

namespace esc {

enum class DraftFormat { email, text };

// .eml -> email; .txt/.md -> text; anything else (stdin without a name) is sniffed: a header
// block with From/To/Date/MIME-Version/Content-Type/Message-ID is an email.
DraftFormat draft_format_for(std::string_view path, std::string_view bytes);

// A problem reading the draft itself (the draft-syntax rule): empty, binary, invalid UTF-8,
// an unknown charset or encoding, no text part.
struct DraftProblem {
  Mark mark;  // in the file as stored; line 0: the whole file
  std::string message;
};

// The bytes of an .eml file as stored and where its lines start: raw positions and the raw
// lines shown under findings.
struct StoredFile {
  std::string bytes;
  std::vector<std::size_t> line_starts;  // split at "\n" only ("\r\n" ends a line too)

  explicit StoredFile(std::string_view text);
  // line:col of a byte offset; columns count characters as shown by display_line(). Asking in
  // increasing order costs linear time in total, even on one 1 MB line (the last answer is
  // remembered), so a StoredFile belongs to one thread at a time, like its Draft.
  Mark mark_of(std::size_t offset) const;
  // The raw line (1-based) as text: invalid UTF-8 bytes and control characters as U+FFFD.
  std::string display_line(int line) const;

 private:
  struct Cache {
    std::size_t line = static_cast<std::size_t>(-1);
    std::size_t offset = 0;
    std::size_t chars = 0;  // characters shown from the line's start to offset
  };
  mutable Cache cache_;
};

// A finding's place in the file as stored (see Draft::locate).
struct Located {
  Mark mark;
  std::optional<std::string> decoded;  // for base64 and HTML parts: the decoded text there (with
                                       // up to 20 characters before it)
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
  std::optional<std::string> date_header;  // the Date header as written (email drafts)

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
  // The line shown under a finding at a line of the file (the decoded subject for its header).
  std::string display_line(int line) const;

  // Where a mark of the decoded text (body_mark) is in the file as stored. Marks before the
  // body (headers) and marks of text drafts are already there. Linear in total when asked in
  // increasing order, as body_mark is.
  Located locate(Mark decoded) const;

  // The file as stored (email drafts; null for text drafts, whose lines are the file's).
  std::shared_ptr<const StoredFile> file;
  // Per byte of `body` (and one past its end), its offset in `file`; empty when the body is
  // not a copy of the file's characters (base64, HTML): then every position is `part_mark`.
  SourceOffsets body_source;
  Mark part_mark;          // the Content-Type line of the part the body was read from
  std::string part_name;   // "the text/html part", for notes quoting the decoded text
  // The message's other alternative (multipart/alternative: the text/html part when the body
  // is the text/plain one). Same subject; its own body, problems and map.
  std::vector<Draft> alternatives;

 private:
  struct ColumnCache {
    std::size_t line = static_cast<std::size_t>(-1);
    std::size_t offset = 0;
    int col = 1;
  };
  mutable ColumnCache body_cache_, subject_cache_;
  mutable ColumnCache locate_cache_;  // offset: the byte of column col on body line `line`
};

// Reads a draft from its bytes. Never throws on bad input: problems become `problems`.
Draft read_draft(std::string_view bytes, DraftFormat format);

// Sets the body: line ends become "\n", invalid UTF-8 becomes U+FFFD (a problem). `source`, when
// given, holds each byte's offset in draft.file and is kept in step. Tests build drafts with it.
void set_body(Draft& draft, std::string body, int first_line, SourceOffsets source = {});

}  // namespace esc
