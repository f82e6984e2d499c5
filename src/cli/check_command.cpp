// escalate check: the batch runner plus the reports.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

#include "cli/batch.h"
#include "cli/commands.h"
#include "core/file.h"
#include "report/baseline.h"
#include "write/atomic_file.h"

namespace esc {

namespace {

bool env_set(const char* name) {
  const char* v = std::getenv(name);
  return v && *v;
}

}  // namespace

std::optional<RunSettings> resolve_settings(const CommonOptions& o) {
  RunSettings s;
  if (o.now_given && o.now_text.empty()) {
    print_error("--now needs a time, e.g. --now 2026-11-20T12:00:00Z (leave --now out for the real clock)");
    return std::nullopt;
  }
  if (o.now_text.empty()) {
    s.now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  } else {
    TimeError err;
    auto ts = parse_timestamp(o.now_text, &err);
    if (!ts) {
      print_error("--now: " + err.message);
      return std::nullopt;
    }
    s.now = ts->utc;
  }
  if (!o.format.empty()) {
    auto format = parse_report_format(o.format);
    if (!format) {
      print_error("--format must be text, json, junit, sarif or github, got '" + o.format + "'");
      return std::nullopt;
    }
    s.format = *format;
  } else if (const char* gha = std::getenv("GITHUB_ACTIONS"); gha && std::string(gha) == "true") {
    s.format = ReportFormat::github;
  }
  bool tty = (o.output.empty() || is_stdout_path(o.output)) && ::isatty(STDOUT_FILENO);
  s.color = tty && !o.no_color && !env_set("NO_COLOR") && s.format == ReportFormat::text;
  s.progress = ::isatty(STDERR_FILENO) && !env_set("CI") && !env_set("GITHUB_ACTIONS") && !o.quiet;
  return s;
}

std::optional<int> apply_baseline_file(const std::string& path, std::vector<FileResult>& files) {
  std::string text;
  if (auto err = read_file(path, text, 64 * 1024 * 1024)) {
    print_error(*err);
    return std::nullopt;
  }
  BaselineApplied applied = apply_baseline(text, path, files);
  if (applied.error) {
    print_error(*applied.error);
    return std::nullopt;
  }
  return applied.count;
}

int finish_report(const CommonOptions& o, const RunSettings& s, std::vector<FileResult>& files,
                  const std::vector<std::string>& errors, const ReportOptions& ropt_in) {
  for (const std::string& e : errors) print_error(e);
  ReportOptions ropt = ropt_in;
  if (!o.write_baseline.empty()) {
    std::cout.flush();
    if (auto err = write_output_file(o.write_baseline, make_baseline(files))) {
      print_error(*err);
      return kExitUsage;
    }
    int n = 0;
    for (const FileResult& f : files)
      for (const Diagnostic& d : f.diagnostics) n += counts(d) ? 1 : 0;
    if (!o.quiet) std::cerr << "escalate: wrote " << n << " finding" << (n == 1 ? "" : "s") << " to " << o.write_baseline << "\n";
    return errors.empty() ? kExitClean : kExitUsage;
  }
  if (!o.baseline.empty()) {
    const std::optional<int> baselined = apply_baseline_file(o.baseline, files);
    if (!baselined) return kExitUsage;
    ropt.baselined = *baselined;
  }
  ropt.color = s.color;
  ropt.quiet = o.quiet;
  ropt.strict = o.strict;
  ropt.tool_version = ESCALATE_VERSION;
  if (o.output.empty() || is_stdout_path(o.output)) {
    write_report(s.format, std::cout, files, ropt);
    std::cout.flush();
  } else {
    std::ostringstream out;
    write_report(s.format, out, files, ropt);
    if (auto err = write_output_file(o.output, out.str())) {
      print_error(*err);
      return kExitUsage;
    }
  }
  if (!errors.empty()) return kExitUsage;
  Totals t = count_totals(files);
  if (t.errors > 0 || (o.strict && t.warnings > 0)) return kExitFindings;
  return kExitClean;
}

BatchOptions batch_options(const CommonOptions& o, const RunSettings& s) {
  BatchOptions bo;
  bo.paths = o.paths;
  bo.stdin_name = o.stdin_filename;
  bo.config_path = o.config;
  bo.now = s.now;
  bo.jobs = o.jobs;
  bo.progress = s.progress;
  bo.exclude = o.exclude;
  return bo;
}

int cmd_check(const CommonOptions& o) {
  auto settings = resolve_settings(o);
  if (!settings) return kExitUsage;
  if (o.paths.empty()) {
    print_error("no records given; try 'escalate check .' or 'escalate check --help'");
    return kExitUsage;
  }
  BatchResult result = run_batch(batch_options(o, *settings));
  if (result.files.empty() && !result.errors.empty()) {
    for (const std::string& e : result.errors) print_error(e);
    return kExitUsage;
  }
  if (result.files.empty()) {
    print_error("no *.yaml or *.yml records found in " + o.paths.front());
    return kExitUsage;
  }
  return finish_report(o, *settings, result.files, result.errors, ReportOptions{});
}

}  // namespace esc
