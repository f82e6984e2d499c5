// Diagnostics are values: a rule id, a severity, a location, a message and notes that point at
// related places. Rules return them; reports turn sorted lists of them into text, JSON, JUnit,
// SARIF or GitHub workflow commands. Nothing here prints.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace esc {

// A position in a source file. line and col are 1-based; 0 means "the whole file" (for
// problems such as an empty file, which have no better place to point at).
struct Mark {
  int line = 0;
  int col = 0;
  friend auto operator<=>(const Mark&, const Mark&) = default;
};

// "incident.yaml:12:5", or just the path when the mark is the whole file (line 0): how every
// message and report names a place.
std::string format_location(std::string_view path, Mark mark);

enum class Severity { off, info, warning, error };

// "error", "warning", "info", "off".
std::string_view to_string(Severity s);
// Parses "error" / "warning" / "info" / "off"; nullopt otherwise.
std::optional<Severity> parse_severity(std::string_view s);

struct Note {
  Mark mark;
  std::string message;
};

// Why a finding does not count: a waiver in the record, or a baseline file.
enum class Suppression { none, waived, baselined };

struct Diagnostic {
  std::string rule;       // stable kebab-case rule id, e.g. "update-promise-kept"
  Severity severity = Severity::error;
  std::string file;       // the path as the user gave it (or --stdin-filename)
  Mark mark;              // where the problem is
  std::string message;    // one sentence, specific and actionable
  std::vector<Note> notes;  // related places in the same file
  std::string node_path;  // e.g. "communications[2].sent_at"; stable across unrelated edits
  std::string record_id;  // the record's id when known (for baseline fingerprints)
  Suppression suppression = Suppression::none;
  std::string suppression_reason;  // the waiver's reason or "baseline"
};

// Report order: file, line, column, rule, message.
bool diagnostic_less(const Diagnostic& a, const Diagnostic& b);
void sort_diagnostics(std::vector<Diagnostic>& diags);

// True when the finding counts towards the exit status (not suppressed, not off).
bool counts(const Diagnostic& d);

}  // namespace esc
