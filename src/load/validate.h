// Checks a YAML tree against a Shape from the field table: required and unknown keys (with
// "did you mean"), duplicate keys, types, enums, ranges, one-line strings, control characters,
// timestamps and dates. Every problem is a `schema` diagnostic at the offending node, or at the
// parent mapping when a key is missing; a timestamp with a non-UTC offset is `timestamp-utc`.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "load/fields.h"
#include "load/yaml_tree.h"

namespace esc {

// Diagnostics are appended to `out` with `file` and node paths filled in.
void validate_shape(const YNode& root, const Shape& shape, const std::string& file,
                    std::vector<Diagnostic>& out);

// The scalar conversions the validator accepts, shared with the typed builders so that a value
// the validator passed always converts.
bool scalar_is_bool(const YNode& n, bool* value = nullptr);
bool scalar_is_integer(const YNode& n, long long* value = nullptr);
bool scalar_is_number(const YNode& n, double* value = nullptr);
bool is_valid_id(std::string_view id);
// An extension key (`x-jira`, as in OpenAPI): accepted in every mapping of the record and the
// configuration, with any value, and ignored by every check.
bool is_extension_key(std::string_view key);
// A child's node path: "path.key" ("key" at the top) and "path[i]", each built in one
// allocation (the loader and the validator build one for every key of every record).
std::string key_path(const std::string& path, std::string_view key);
std::string item_path(const std::string& path, std::size_t i);

}  // namespace esc
