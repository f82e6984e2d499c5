// How the model's deadlines and commitments are said in a sentence, once, for every message
// that states them: a PIR deadline with its count, the calendar it is counted in, a commitment.
//
// Layer: core and load only, like the rest of model/.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "model/escalation.h"

namespace esc::model {

// "2026-11-16, the 10th business day after resolution on 2 Nov 2026 (england-and-wales
// calendar)"; `deadline_text` replaces the ISO date at the front when given.
std::string describe_deadline(const PirDeadline& d, const Config& config, std::string_view deadline_text = {});

// A note at resolution_confirmed's `at`: "resolution confirmed here (day 0 of the count)". Only
// for a record with a PIR deadline (which needs that timestamp).
Note resolution_note(const Record& r);

// The calendar business days are counted in: "england-and-wales calendar", "calendar none:
// weekends only", plus "and 2 configured holidays" when `holidays:` lists any.
std::string describe_calendar(const Config& config);

// `commitment #2 ("Share quarterly availability report with Northwind")`; long texts are cut
// on a code-point boundary, at a word when there is one in the second half.
std::string describe_commitment(const Commitment& c, std::size_t index);

}  // namespace esc::model
