// The one description of the record format (and of the configuration file). The loader
// validates against it, `escalate schema` turns it into JSON Schema, and `escalate init` walks
// it: none of them can drift from the others.
#pragma once

#include <span>
#include <string_view>

namespace esc {

enum class FieldType {
  string,     // one line, no control characters
  text,       // free text; line breaks allowed
  integer,
  number,
  boolean,
  enumeration,
  timestamp,  // RFC 3339 with a zone
  date,       // YYYY-MM-DD
  date_or_timestamp,
  duration,   // "15m", "1h", "1bd"
  id,         // ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$
  mapping,
  list,
  any_mapping,  // a mapping whose keys are free (config: rules)
  calendar,     // one of enum_values, or the path of an iCalendar file ("*.ics")
};

struct FieldSpec;

// A variant of a mapping's shape, chosen by a key's value (communications' `type`) or by the
// presence of a key (timeline rows with `milestone` or `event`).
struct Variant {
  std::string_view key;
  std::string_view value;  // empty: the variant applies when `key` is present
  std::span<const FieldSpec> fields;
};

struct Shape {
  std::span<const FieldSpec> fields = {};  // keys every variant allows
  std::span<const Variant> variants = {};  // empty: one shape
};

struct FieldSpec {
  std::string_view key;
  FieldType type;
  bool required;
  std::string_view description;
  std::span<const std::string_view> enum_values = {};
  const Shape* shape = nullptr;  // mapping, or list of mappings
  FieldType item_type = FieldType::string;  // for lists
  int min = -1;  // integer minimum / list minimum items
  int max = -1;  // integer maximum / list maximum items
};

// The highest progress update number a record may hold.
inline constexpr int kMaxUpdateNumber = 9999;

// The incident record, version 1.
const Shape& record_shape();
// The configuration file, .escalate.yaml.
const Shape& config_shape();

}  // namespace esc
