// Reports are pure functions of the sorted diagnostics of a batch: text (gcc style with source
// line and caret), JSON, JUnit XML, SARIF 2.1.0 and GitHub workflow commands.
#pragma once

#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace esc {

enum class ReportFormat { text, json, junit, sarif, github };
std::optional<ReportFormat> parse_report_format(std::string_view s);

// One input file and its findings (sorted), with the source lines the findings point at (line
// number -> text without the line end) so the text report can show them with a caret.
struct FileResult {
  std::string path;                      // as the user gave it (or --stdin-filename)
  std::string record_id;                 // empty when unknown
  std::vector<Diagnostic> diagnostics;   // sorted; includes suppressed ones
  std::map<int, std::string> source_lines;
};

struct ReportOptions {
  bool color = false;      // ANSI colour (text only)
  bool quiet = false;      // text: findings only, no summary line when clean
  std::string tool_version;
  std::string noun = "record";  // "record" for check/build, "draft" for lint-comms
  bool strict = false;     // --strict: warnings fail the run (JUnit: warnings are failures)
  int baselined = 0;       // findings matched by --baseline (reported in the summary). Reports
                           // show the larger of this and the baselined findings in `files`, so
                           // setting it while keeping them in `files` never counts them twice.
};

// Counts for the summary line and exit status.
// Findings whose severity is `off` are ignored by every report. suppressed = waived + baselined
// (suppressed findings still in `files`); files_with_findings counts files with a counted finding.
struct Totals {
  int errors = 0, warnings = 0, infos = 0, suppressed = 0;
  int files = 0, files_with_findings = 0;
  int waived = 0, baselined = 0;
};
Totals count_totals(const std::vector<FileResult>& files);
// Adds one file to running totals (count_totals is this over a batch).
void add_to_totals(Totals& t, const FileResult& file);

// "3 errors, 1 warning in 2 of 40 records" / "no problems in 40 records".
std::string summary_line(const Totals& t, const ReportOptions& opt);
// The last line of the line-by-line reports (text, GitHub): summary_line() and a line break;
// nothing under --quiet when nothing was found.
void write_summary_line(std::ostream& out, const Totals& t, const ReportOptions& opt);

// A report written while a batch runs: add() each file in input order as it finishes, then
// finish() once. Only the file being added is held in memory; the formats whose counts come
// before the list (JSON, JUnit, SARIF) set the list aside in a temporary file until finish().
// The output is byte for byte what the whole batch at once would give.
class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  void add(const FileResult& file) {
    add_to_totals(totals_, file);
    write_file(file);
  }
  // Writes the rest of the report. An error sentence when the temporary file failed.
  virtual std::optional<std::string> finish() = 0;
  const Totals& totals() const { return totals_; }

 protected:
  virtual void write_file(const FileResult& file) = 0;
  Totals totals_;
};
std::unique_ptr<ReportWriter> make_report_writer(ReportFormat f, std::ostream& out, const ReportOptions& opt);
std::unique_ptr<ReportWriter> make_text_writer(std::ostream& out, const ReportOptions& opt);
std::unique_ptr<ReportWriter> make_json_writer(std::ostream& out, const ReportOptions& opt);
std::unique_ptr<ReportWriter> make_junit_writer(std::ostream& out, const ReportOptions& opt);
std::unique_ptr<ReportWriter> make_sarif_writer(std::ostream& out, const ReportOptions& opt);
std::unique_ptr<ReportWriter> make_github_writer(std::ostream& out, const ReportOptions& opt);

// The whole report of a batch at once (the writer above, fed every file).
void write_report(ReportFormat f, std::ostream& out, const std::vector<FileResult>& files,
                  const ReportOptions& opt);

// A path relative to the current directory with '/' separators, for SARIF and GitHub
// ("fixtures/bad.yaml"); absolute paths outside the current directory are kept absolute
// (as file:// URIs in SARIF).
std::string relative_uri(std::string_view path);

// Small helpers shared by the report writers.
namespace report_detail {
// "path:line:col", "path:line" (col 0) or "path" (line 0).
std::string location(std::string_view path, const Mark& mark);
// The text with every invalid UTF-8 sequence replaced by U+FFFD (one per bad byte).
std::string valid_utf8(std::string_view text);
// valid_utf8() with control characters (C0 but tab, DEL, C1) replaced by U+FFFD; CR and LF are
// kept when keep_line_breaks is true.
std::string without_controls(std::string_view text, bool keep_line_breaks);
// FNV-1a, 64 bits, over fields separated by NUL, as 16 hex digits: stable across platforms and
// releases (SARIF partialFingerprints, JUnit test case names).
std::string stable_hash(std::initializer_list<std::string_view> fields);
}  // namespace report_detail

}  // namespace esc
