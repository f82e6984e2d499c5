// Small queries shared by the timeline and communication rules (timeline-order,
// timeline-matches-comms, comms-sequence, update-*, comms-status-consistent): how to say a time
// next to another one, how to name a communication, and what status it told the customer.
#pragma once

#include <optional>
#include <string>

#include "load/record.h"
#include "model/escalation.h"

namespace esc::group_b {

// t truncated to its minute: the model's (the playbook compares times minute to minute).
using ::esc::to_minute;

// "10:40 UTC" when `t` falls on the same UTC date as `reference`, else "2 Nov 2026 10:40 UTC".
std::string format_near(Instant t, Instant reference);

// The status a communication stated to the customer: its `status`, or `resolved` for a
// resolution notification (which says so by its nature). nullopt when unknown.
std::optional<Status> stated_status(const Communication& c);

// A communication as the subject of a sentence: "progress update #2", "the initial
// notification", "the resolution notification", "communication #4" (type unknown), "the
// progress update listed as communication #3" (number unknown).
std::string comm_name(const Communication& c);

// "`contained`": a status as the record spells it, for messages.
std::string quoted_status(Status s);

}  // namespace esc::group_b
