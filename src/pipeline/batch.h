// Runs the check pipeline over a batch of record files on N worker threads. Results come back
// in input order whatever the number of workers, so every report is identical for any -j.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/first_ids.h"
#include "pipeline/inputs.h"
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
  std::vector<std::string> exclude;  // --exclude globs, relative to the working folder
};

// Called on a worker thread for every record that loaded (for `build`).
using RecordHook = std::function<void(const InputFile&, const Config&, const CheckedRecord&, FileResult&)>;

// The configuration of each input of a batch, kept as runs of inputs that share one (a
// folder's), so that it costs nothing per input.
class ConfigRuns {
 public:
  void push_back(std::shared_ptr<const Config> config);
  const std::shared_ptr<const Config>& operator[](std::size_t i) const;
  const std::shared_ptr<const Config>& front() const { return configs_.front(); }
  std::size_t size() const { return size_; }
  // Iterates over the runs: every configuration in use, each at least once.
  auto begin() const { return configs_.begin(); }
  auto end() const { return configs_.end(); }

 private:
  std::vector<std::size_t> starts_;  // index of each run's first input
  std::vector<std::shared_ptr<const Config>> configs_;
  std::size_t size_ = 0;
};

// The inputs of a batch with the configuration that applies to each one.
struct PreparedBatch {
  InputList inputs;
  ConfigRuns configs;  // one per input
  std::vector<std::string> errors;                     // exit 2 when non-empty
  bool config_failed = false;
};
PreparedBatch prepare_batch(const BatchOptions& options);

// Reads and checks one input. `id`/`id_mark` receive the record's id when it has a valid one.
// A file that cannot be read is an I/O error (exit 2) in `read_error`, not a finding.
FileResult check_input(const InputFile& in, const Config& config, Instant now, const RecordHook& hook,
                       std::string* id, Mark* id_mark, std::optional<std::string>& read_error);

// A duplicate-id finding for `file`, whose id was first used by `first_path` at `first_mark`;
// nullopt when the configuration turns the rule off.
std::optional<Diagnostic> duplicate_id_finding(const std::string& file, const std::string& id, Mark mark,
                                               const std::string& first_path, Mark first_mark,
                                               const Config& config);

// The record's id and its mark, read again from the file (for duplicate-id's first record);
// nullopt when the file no longer reads as a record with an id.
std::optional<IdAt> reread_id(const InputFile& in, const Config& config);

// Remembers the first record of every id for a batch of `batch`'s size, reading an earlier
// record again when its id's fingerprint matches.
FirstIds first_ids_for(const PreparedBatch& batch);

unsigned worker_count(int requested, std::size_t n);

// Checks every input of a prepared batch on worker threads and hands each readable file's
// result, with its duplicate-id finding added, to `on_file` in input order, one call at a time,
// on any of the workers (so every report is identical for any -j). Workers stay a few records
// ahead of `on_file`, so memory does not grow with the batch. An unreadable file's error is appended to `errors`.
void run_batch(const PreparedBatch& batch, const BatchOptions& options,
               const std::function<void(FileResult&)>& on_file, std::vector<std::string>& errors);

// The whole batch at once, for commands that need every result together (memory grows with the
// batch: reports use the streaming run_batch above).
struct BatchResult {
  std::vector<FileResult> files;
  std::vector<std::string> errors;  // environment and configuration problems: exit 2
};
BatchResult run_batch(const BatchOptions& options);

// Loads a configuration file, printing nothing. Problems are appended as "file:line:col: msg".
std::shared_ptr<const Config> load_config_file(const std::string& path, std::vector<std::string>& errors);

// The source lines the findings (and their notes) point at.
std::map<int, std::string> source_lines_for(std::string_view text, const std::vector<Diagnostic>& diags);

}  // namespace esc
