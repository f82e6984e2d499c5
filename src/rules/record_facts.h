// Questions many rules ask of a record, answered once: the first communication, the resolution
// notice, the resolution date, how to name a communication in a message.
#pragma once

#include <optional>
#include <string>

#include "core/calendar.h"
#include "core/time.h"
#include "load/record.h"
#include "model/escalation.h"  // is_resolved, milestone_time, resolution_date, lead_at,
                               // describe_communication

namespace esc {

// The first communication in the list (the playbook's "first customer update"), or nullptr.
const Communication* first_communication(const Record& r);
// The first communication of type resolution, or nullptr.
const Communication* resolution_communication(const Record& r);
// The person who sent a communication: its `owner` found by name (ignoring case and extra
// spaces) as the escalation lead, a previous lead or a stakeholder of the grid (a stakeholder
// has no title); nullopt when the owner is none of them.
std::optional<Person> sender_of(const Record& r, const Communication& c);
// Names compared as people write them: surrounding and repeated spaces and ASCII case ignored.
bool same_name(std::string_view a, std::string_view b);

// A note pointing at a value.
Note note_at(const Loc& loc, std::string message);

// The latest next update a communication sent at `sent` may promise under a cadence: `sent` plus
// minutes, or for "Nbd" the same UTC clock time N business days later.
Instant latest_promise(Instant sent, const Duration& cadence, const Calendar& calendar);

}  // namespace esc
