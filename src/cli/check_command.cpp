// escalate check: the batch runner plus the reports.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

#include "pipeline/batch.h"
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

BatchReport::BatchReport(const CommonOptions& o, const RunSettings& s, const ReportOptions& ropt)
    : o_(o), ropt_(ropt), format_(s.format) {
  ropt_.color = s.color;
  ropt_.quiet = o.quiet;
  ropt_.strict = o.strict;
  ropt_.tool_version = ESCALATE_VERSION;
}

BatchReport::~BatchReport() = default;

// Reads --baseline and opens the output, before the first file (or at the end of an empty
// batch). --write-baseline writes the baseline file instead of the report, before --baseline
// is applied.
bool BatchReport::start() {
  if (started_) return !fatal_;
  started_ = true;
  const std::string& path = o_.write_baseline.empty() ? o_.output : o_.write_baseline;
  if (o_.write_baseline.empty() && !o_.baseline.empty()) {
    std::string text;
    if (auto err = read_file(o_.baseline, text, 64 * 1024 * 1024)) {
      fatal_ = *err;
      return false;
    }
    baseline_ = std::make_unique<Baseline>();
    if (auto err = baseline_->parse(text, o_.baseline)) {
      fatal_ = *err;
      return false;
    }
  }
  if (redirect_) {
    out_ = redirect_;
  } else if (path.empty() || (o_.write_baseline.empty() && is_stdout_path(path))) {
    out_ = &std::cout;
  } else {
    std::cout.flush();
    file_ = std::make_unique<OutputFile>();
    if (auto err = file_->open(path)) {
      fatal_ = *err;
      return false;
    }
    out_ = &file_->stream();
  }
  if (o_.write_baseline.empty())
    writer_ = make_report_writer(format_, *out_, ropt_);
  else
    baseline_writer_ = std::make_unique<BaselineWriter>(*out_);
  return true;
}

void BatchReport::add(FileResult& file) {
  ++files_;
  if (!start()) return;
  if (baseline_) ropt_.baselined += baseline_->apply(file);
  if (writer_) writer_->add(file);
  if (baseline_writer_) baseline_writer_->add(file);
}

int BatchReport::abandon(const std::vector<std::string>& errors) {
  for (const std::string& e : errors) print_error(e);
  if (fatal_) print_error(*fatal_);
  if (file_) file_->abandon();
  return kExitUsage;
}

int BatchReport::finish(const std::vector<std::string>& errors) {
  for (const std::string& e : errors) print_error(e);
  start();
  if (fatal_) {
    print_error(*fatal_);
    if (file_) file_->abandon();
    return kExitUsage;
  }
  std::optional<std::string> err;
  if (baseline_writer_) baseline_writer_->finish();
  if (writer_) err = writer_->finish();
  if (file_) {
    if (err) file_->abandon();
    else err = file_->commit();
  } else {
    out_->flush();
  }
  if (err) {
    print_error(*err);
    return kExitUsage;
  }
  if (baseline_writer_) {
    const int n = baseline_writer_->findings();
    if (!o_.quiet) std::cerr << "escalate: wrote " << n << " finding" << (n == 1 ? "" : "s") << " to " << o_.write_baseline << "\n";
    return errors.empty() ? kExitClean : kExitUsage;
  }
  if (!errors.empty()) return kExitUsage;
  const Totals& t = writer_->totals();
  if (t.errors > 0 || (o_.strict && t.warnings > 0)) return kExitFindings;
  return kExitClean;
}

int finish_report(const CommonOptions& o, const RunSettings& s, std::vector<FileResult>& files,
                  const std::vector<std::string>& errors, const ReportOptions& ropt) {
  BatchReport report(o, s, ropt);
  for (FileResult& f : files) report.add(f);
  return report.finish(errors);
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
  const BatchOptions options = batch_options(o, *settings);
  PreparedBatch batch = prepare_batch(options);
  std::vector<std::string> errors = std::move(batch.errors);
  if (batch.config_failed || (batch.inputs.empty() && !errors.empty())) {
    for (const std::string& e : errors) print_error(e);
    return kExitUsage;
  }
  if (batch.inputs.empty()) {
    print_error("no *.yaml or *.yml records found in " + o.paths.front());
    return kExitUsage;
  }
  if (!outputs_spare_inputs(batch.inputs, {o.config, o.baseline}, {o.output, o.write_baseline})) return kExitUsage;
  BatchReport report(o, *settings, ReportOptions{});
  run_batch(batch, options, [&](FileResult& f) { report.add(f); }, errors);
  if (report.files() == 0) return report.abandon(errors);  // every file unreadable
  return report.finish(errors);
}

}  // namespace esc
