// Reads one incident record: text -> YAML tree -> validated against the field table -> typed
// Record. Problems in the file are diagnostics (yaml-syntax, schema, timestamp-utc); the typed
// record is still built from every valid part so the playbook rules can run.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "load/record.h"
#include "load/yaml_tree.h"

namespace esc {

struct LoadResult {
  std::optional<Record> record;  // missing when the file is not a YAML mapping at all
  std::vector<Diagnostic> diagnostics;
};

LoadResult load_record(std::string_view text, const std::string& file, const ParseLimits& limits);

// Builds the typed record from a tree that validate_shape() has checked (invalid parts are left
// missing). Exposed for tests.
Record build_record(const YNode& root, const std::string& file);

}  // namespace esc
