// Baselines: today's findings recorded by fingerprint so that CI fails only on new ones. A
// fingerprint is the rule id, the record (its id, else its path) and the node path of the
// finding — never a line number, so unrelated edits do not invalidate it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/report.h"

namespace esc {

std::string fingerprint(const Diagnostic& d);

// The baseline file's JSON text for the counted findings of a batch.
std::string make_baseline(const std::vector<FileResult>& files);

// Marks findings present in the baseline (as many times as they were recorded) as baselined.
// Returns the number marked, or an error sentence for an unreadable or invalid baseline.
struct BaselineApplied {
  int count = 0;
  std::optional<std::string> error;
};
BaselineApplied apply_baseline(const std::string& baseline_json, const std::string& file,
                               std::vector<FileResult>& files);

}  // namespace esc
