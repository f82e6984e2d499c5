// Small helpers shared by the triage, ownership, facts and severity rules: minute-level time
// comparison, how to say a time next to another, how to describe a value that names nobody,
// and how to say an amount of money in the configured currency.
#pragma once

#include <string>
#include <string_view>

#include "core/time.h"
#include "load/record.h"
#include "model/escalation.h"

namespace esc::group_a {

// t truncated to its minute: the model's (the playbook compares times minute to minute).
using ::esc::to_minute;

// "08:45 UTC" when both instants share a UTC date, else "2 Nov 2026 08:45 UTC": say the date
// only when it matters.
std::string format_beside(Instant t, Instant other);

// How a value that names nobody is described: "empty" or "a placeholder ('TBD')".
std::string describe_unfilled(std::string_view value);

// True when the key was written but its value could not be read (wrong type, bad timestamp,
// unknown enum value, empty): the schema rule has already reported it. A missing value carries
// its parent mapping's mark; a written but invalid one carries its own.
template <class T> bool reported_by_schema(const Val<T>& v, const Loc& parent) {
  return !v && v.loc.mark != parent.mark;
}

// "£180,000", "€1,250.50", "$0", "CHF 20,000": the configured ISO 4217 code as a symbol where
// it has a common one, thousands separated by commas, pence only when there are any.
std::string format_amount(double amount, std::string_view currency);

// A communication as the subject of a sentence: "the initial notification", "progress update
// #2", "communication #4".
std::string comm_subject(const Communication& c);

// Collapses runs of white space (line breaks included) to one space, for quoting in messages.
std::string one_line(std::string_view text);

}  // namespace esc::group_a
