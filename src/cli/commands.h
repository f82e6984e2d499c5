// Subcommands and the options they share.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "report/report.h"

namespace esc {

enum ExitCode { kExitClean = 0, kExitFindings = 1, kExitUsage = 2 };

struct CommonOptions {
  std::vector<std::string> paths;
  std::string config;
  std::string now_text;
  bool now_given = false;  // --now was on the command line (even as --now '')
  std::string format;
  std::string output;
  bool strict = false;
  int jobs = 0;
  bool quiet = false;
  bool no_color = false;
  std::string stdin_filename;
  std::string baseline;
  std::string write_baseline;
  std::vector<std::string> exclude;  // --exclude GLOB (check, build)
};

// Resolved once per run: the clock, the report format, colour.
struct RunSettings {
  Instant now{};
  ReportFormat format = ReportFormat::text;
  bool color = false;
  bool progress = false;
};

// Turns CommonOptions into RunSettings; prints a usage error and returns nullopt when invalid.
std::optional<RunSettings> resolve_settings(const CommonOptions& o);

// Writes the report to --output or stdout; returns the exit status for the totals.
// --baseline FILE: marks the findings the file records as baselined. Returns how many, or
// nullopt after printing why the file cannot be used (the caller exits 2).
std::optional<int> apply_baseline_file(const std::string& path, std::vector<FileResult>& files);

int finish_report(const CommonOptions& o, const RunSettings& s, std::vector<FileResult>& files,
                  const std::vector<std::string>& errors, const ReportOptions& ropt);

// The batch options every record command shares.
struct BatchOptions;
BatchOptions batch_options(const CommonOptions& o, const RunSettings& s);

int cmd_check(const CommonOptions& o);
int cmd_rules(bool markdown = false);
int cmd_explain(const std::string& rule);
int cmd_schema(const std::string& which);
int cmd_init(const std::string& id);

// Prints "escalate: error: MESSAGE" to stderr.
void print_error(const std::string& message);

}  // namespace esc
