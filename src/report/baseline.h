// Baselines: today's findings recorded by fingerprint so that CI fails only on new ones. A
// fingerprint is the rule id, the record (its id, else its path) and the node path of the
// finding — never a line number, so unrelated edits do not invalidate it.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "report/report.h"

namespace esc {

std::string fingerprint(const Diagnostic& d);

// The baseline file's JSON text for the counted findings of a batch.
std::string make_baseline(const std::vector<FileResult>& files);

// The baseline file written as the records finish (the findings list is its last key, so
// nothing waits): add() each file in input order, then finish().
class BaselineWriter {
 public:
  explicit BaselineWriter(std::ostream& out) : out_(out) {}
  void add(const FileResult& file);
  void finish();
  int findings() const { return findings_; }

 private:
  std::ostream& out_;
  int findings_ = 0;
};

// A baseline read from its file: how many times each fingerprint was recorded.
class Baseline {
 public:
  // Parses the file's text; an error sentence when it is not a baseline.
  std::optional<std::string> parse(const std::string& baseline_json, const std::string& file);
  // Marks the findings of one file that the baseline records (each recorded finding is used
  // once, in input order) as baselined; returns how many.
  int apply(FileResult& file);

 private:
  std::map<std::string, int> remaining_;
};

// Marks findings present in the baseline (as many times as they were recorded) as baselined.
// Returns the number marked, or an error sentence for an unreadable or invalid baseline.
struct BaselineApplied {
  int count = 0;
  std::optional<std::string> error;
};
BaselineApplied apply_baseline(const std::string& baseline_json, const std::string& file,
                               std::vector<FileResult>& files);

}  // namespace esc
