// Shared queries of the PIR, readout and commitment rules: the playbook's business-day
// deadlines counted from the resolution date, how to name the calendar in a message, and
// whether a readout text is really filled in.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/escalation.h"
#include "rules/rule.h"

namespace esc::group_c {

// "Schedule within 5 business days of resolution." / "Deliver written PIR to customer within
// 10 business days."
inline constexpr int kPirScheduleDays = model::kPirScheduleDays;
inline constexpr int kPirDeliveryDays = model::kPirDeliveryDays;

// The Nth business day after the UTC date of resolution_confirmed (SPEC 9: that date is day 0;
// a value is in time on or before `date`).
struct ResolutionDeadline {
  Date resolved;        // day 0
  int business_days;    // N
  Date date;            // the Nth business day after `resolved`
  std::string calendar; // "england-and-wales calendar", for messages
  Loc resolution_loc;   // resolution_confirmed's `at`, for a note
};

// The deadline, or nullopt when resolution_confirmed has no timestamp (timeline-milestones'
// business).
std::optional<ResolutionDeadline> resolution_deadline(const RuleContext& ctx, int business_days);

// "2026-11-16, the 10th business day after resolution on 2 Nov 2026 (england-and-wales
// calendar)"; `deadline_text` replaces the ISO date at the front when given.
std::string describe_deadline(const ResolutionDeadline& d, std::string_view deadline_text = {});

// A note at resolution_confirmed: "resolution confirmed here (day 0 of the count)".
Note resolution_note(const ResolutionDeadline& d);

// The calendar business days are counted in: "england-and-wales calendar", "calendar none:
// weekends only", plus "and 2 configured holidays" when `holidays:` lists any.
std::string describe_calendar(const Config& config);

// "2 Nov 2026".
std::string format_short_date(Date d);
// "1st", "2nd", "3rd", "5th", "11th", "22nd" (the model's, which names business-day deadlines).
using ::esc::ordinal;
// "1 day", "3 days".
std::string describe_days(long long days);

// Where to point for a value: its own place, or the section's when the whole section (pir,
// readout) is missing — values under a missing section carry no place of their own.
const Loc& value_or_section(const Loc& value, const Loc& section);

// The key is written in the record, whether or not its value was valid. A present but invalid
// value is the schema rule's finding; a rule that asks "is it missing?" should stay silent.
template <class T> bool key_written(const Val<T>& v, const Loc& parent) {
  return v.value.has_value() || (v.loc.mark.line != 0 && v.loc.mark != parent.mark);
}

// Why a readout text is not filled in — "is missing", "is empty", "is a placeholder (\"TBD\")",
// "contains the placeholder \"[X]\"" — or nullopt when it is. A key written with an invalid
// value (a list, a mapping) counts as filled: schema reports it.
std::optional<std::string> unfilled(const Text& text, const Loc& parent);

// `commitment #2 ("Share quarterly availability report with Northwind")`; long texts are cut.
std::string describe_commitment(const Commitment& c, std::size_t index);

}  // namespace esc::group_c
