// What an escalation owes next: every deadline of the model that is still ahead or already
// missed at `now` — the pending customer update, a running triage window, the PIR to schedule
// and to deliver, open commitments. `escalate status` lists them; its calendar feed is made of
// them. Only the model's answers are used, so status, check and the readout agree.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "model/escalation.h"

namespace esc::model {

struct DueItem {
  enum class Kind {
    customer_update,
    triage,
    pir_schedule,
    pir_delivery,
    commitment,
    confirm_first,       // facts or owners not confirmed, nothing sent to the customer yet
    stakeholder_update,  // an "At key milestones" stakeholder not told of a milestone reached
  };
  Kind kind = Kind::customer_update;
  std::string record;        // the record's id, or its file when it has none
  std::string file;          // as the user gave it
  Mark mark;                 // where the deadline is written (or comes from)
  std::string what;          // "customer update", "PIR to schedule"
  std::string detail;        // "promised by progress update #1", "5th business day after ..."
  std::string owner;         // who must act (the lead at `now`, or the commitment's owner)
  // The deadline. A time (customer update, triage) is in time up to the end of its minute; a
  // date (PIR, commitment) up to the end of the UTC day, so `due` is then the next midnight.
  // What the playbook asks for without a deadline (confirm_first, stakeholder_update) is due
  // now (`now` to the minute) and never overdue.
  Instant due{};
  std::optional<Date> day;   // set for date deadlines
  bool overdue = false;
  std::chrono::minutes delta{0};  // overdue: how long past; otherwise how long until `due`
  std::string uid;           // stable across runs: "<record>.<kind>.<n>@escalate"
};

std::string_view kind_name(DueItem::Kind k);  // "customer-update", "pir-schedule", ...

// The items of one escalation, soonest first. A resolved escalation whose PIR is delivered owes
// nothing more and yields none. A promise or triage window is listed until it is answered.
std::vector<DueItem> due_items(const Escalation& e, const std::string& file);

}  // namespace esc::model
