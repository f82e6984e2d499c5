// Whether a value of the record was written, filled in, or already reported by the schema, and
// where to point for it: the questions every rule asks before it looks at a value.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostic.h"
#include "core/text.h"
#include "load/record.h"

namespace esc {

// True when the key was written but its value could not be read (wrong type, bad timestamp,
// unknown enum value, empty): the schema rule has already reported it. A missing value carries
// its parent mapping's mark; a written but invalid one carries its own.
template <class T> bool reported_by_schema(const Val<T>& v, const Loc& parent) {
  return !v && v.loc.mark != parent.mark;
}

// The key is written in the record, whether or not its value was valid. A present but invalid
// value is the schema rule's finding; a rule that asks "is it missing?" should stay silent.
template <class T> bool key_written(const Val<T>& v, const Loc& parent) {
  return v.value.has_value() || (v.loc.mark.line != 0 && v.loc.mark != parent.mark);
}

// Where to point for a value: its own place, or the section's when the whole section (pir,
// readout) is missing — values under a missing section carry no place of their own.
inline const Loc& value_or_section(const Loc& value, const Loc& section) {
  return value.mark.line == 0 ? section : value;
}

// Why a text value is not filled in — "is missing", or why_unfilled()'s "is empty", "is a
// placeholder (\"TBD\")", "contains the placeholder \"[X]\"" — or nullopt when it is. A key
// written with an invalid value (a list, a mapping) counts as filled: schema reports it.
inline std::optional<std::string> why_unfilled(const Text& text, const Loc& parent) {
  if (!text) {
    if (key_written(text, parent)) return std::nullopt;  // invalid type: schema's finding
    return "is missing";
  }
  return why_unfilled(*text);
}

// A note pointing at a value.
inline Note note_at(const Loc& loc, std::string message) { return Note{loc.mark, std::move(message)}; }

}  // namespace esc
