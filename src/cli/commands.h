// Subcommands and the options they share.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/time.h"
#include "report/baseline.h"
#include "report/report.h"
#include "write/atomic_file.h"

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

// The report of a batch (or the baseline file, --write-baseline), written as the files arrive:
// to --output (renamed into place at the end) or stdout. --baseline is applied to each file
// first. Problems with the outputs are kept and said by finish(), after the batch's errors, as
// if the report had been written at the end.
class BatchReport {
 public:
  BatchReport(const CommonOptions& o, const RunSettings& s, const ReportOptions& ropt);
  ~BatchReport();
  // `out` instead of --output/stdout (build: stdout waits while a side report uses it).
  void redirect(std::ostream& out) { redirect_ = &out; }
  void add(FileResult& file);
  std::size_t files() const { return files_; }
  // Prints `errors`, ends the report and returns the exit status.
  int finish(const std::vector<std::string>& errors);
  // Ends without a report (nothing to report, or a build interrupted): prints `errors` and
  // why the report could not be written, if it could not; puts no file in place; exit 2.
  int abandon(const std::vector<std::string>& errors);

 private:
  bool start();
  const CommonOptions& o_;
  ReportOptions ropt_;
  ReportFormat format_;
  bool started_ = false;
  std::optional<std::string> fatal_;  // --baseline unusable, --output not writable
  std::unique_ptr<Baseline> baseline_;
  std::unique_ptr<OutputFile> file_;
  std::ostream* out_ = nullptr;
  std::ostream* redirect_ = nullptr;
  std::unique_ptr<ReportWriter> writer_;
  std::unique_ptr<BaselineWriter> baseline_writer_;
  std::size_t files_ = 0;
};

// The whole report of files already collected (lint-comms).
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

class InputList;
// False, with an error printed, when one of `outputs` (the files the command is about to write;
// empty ones are skipped) is one of its inputs (`inputs`, or `other_inputs`: configuration,
// baseline, --incident): a report must not replace a record, a draft or a setting.
bool outputs_spare_inputs(const InputList& inputs, const std::vector<std::string>& other_inputs,
                          const std::vector<std::string>& outputs);

}  // namespace esc
