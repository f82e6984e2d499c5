// Runs the check pipeline over a batch of record files on N worker threads. Results come back
// in input order whatever the number of workers, so every report is identical for any -j.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/inputs.h"
#include "load/config.h"
#include "report/report.h"
#include "rules/engine.h"

namespace esc {

struct BatchOptions {
  std::vector<std::string> paths;
  std::string stdin_name;
  std::string config_path;  // --config; empty: discover per input folder
  Instant now{};
  int jobs = 0;             // 0: all cores
  bool progress = false;    // draw a progress bar on stderr
};

// Called on a worker thread for every record that loaded (for `build`).
using RecordHook = std::function<void(const InputFile&, const Config&, const CheckedRecord&, FileResult&)>;

struct BatchResult {
  std::vector<FileResult> files;
  std::vector<std::string> errors;  // environment and configuration problems: exit 2
};

BatchResult run_batch(const BatchOptions& options, const RecordHook& hook = {});

// Loads a configuration file, printing nothing. Problems are appended as "file:line:col: msg".
std::shared_ptr<const Config> load_config_file(const std::string& path, std::vector<std::string>& errors);

// The source lines the findings (and their notes) point at.
std::map<int, std::string> source_lines_for(std::string_view text, const std::vector<Diagnostic>& diags);

}  // namespace esc
