// What the record's communications mean, answered once: the first one, the resolution notice,
// who sent one, the status it told the customer, and the names people read for it ("progress
// update #2" in a message, "Update 2" on the readout's timeline).
//
// Layer: core and load only, like the rest of model/.
#pragma once

#include <optional>
#include <string>

#include "load/record.h"

namespace esc {

// The first communication in the list (the playbook's "first customer update"), or nullptr.
const Communication* first_communication(const Record& r);
// The first communication of type resolution, or nullptr.
const Communication* resolution_communication(const Record& r);

// The person who sent a communication: its `owner` found by name (same_name: ignoring case and
// extra spaces) as the escalation lead, a previous lead or a stakeholder of the grid (a
// stakeholder has no title); nullopt when the owner is none of them.
std::optional<Person> sender_of(const Record& r, const Communication& c);

// The status a communication stated to the customer: its `status`, or `resolved` for a
// resolution notification (which says so by its nature). nullopt when unknown.
std::optional<Status> stated_status(const Communication& c);

// "initial notification", "progress update #2", "resolution notification", "communication #4"
// (type unknown).
std::string describe_communication(const Communication& c);
// The same name for a communication of a type (and, for a progress update, its number) that
// may not be written yet: every name of a communication shown to people comes from here.
std::string describe_communication(CommType type, std::optional<long long> number);
// A communication as the subject of a sentence: "the initial notification", "progress update
// #2", "the resolution notification", "communication #4" (type unknown), "the progress update
// listed as communication #3" (number unknown).
std::string communication_subject(const Communication& c);
// The short label of the readout's timeline: "Initial", "Update 2", "Update" (number unknown),
// "Resolution", "Comm 4" (type unknown).
std::string communication_label(const Communication& c);

}  // namespace esc
