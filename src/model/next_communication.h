// What the customer is owed next, and whether the record is ready for it: the playbook's
// "complete before any external communication" (facts confirmed in writing by the technical
// owner) and "All owners must be confirmed before the first customer update is sent".
// `escalate next` drafts that communication; `escalate status` lists a record that is not ready.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "load/record.h"
#include "model/escalation.h"

namespace esc::model {

// The communication a record calls for next.
struct NextCommunication {
  CommType type = CommType::initial;
  std::optional<long long> number;  // progress: one more than the record's last progress number
  std::size_t index = 0;            // its place in `communications` once it is written
  // A progress number past kMaxUpdateNumber, which the record could not hold: where the last
  // number is (the communication numbered kMaxUpdateNumber). Nothing can be drafted then.
  std::optional<Loc> out_of_numbers;
  // "initial notification", "progress update #3", "resolution notification".
  std::string name() const { return describe_communication(type, number); }
};

// The initial notification when nothing has been sent, the resolution notification once the
// record's status is resolved, else the next numbered progress update. nullopt once the
// resolution notification has been sent: the customer is owed no further update.
std::optional<NextCommunication> next_communication(const Record& r);

// Something the record lacks before a customer communication may go out.
struct Missing {
  std::string what;  // "facts.confirmed_by (the technical owner who confirmed the facts in writing)"
  Loc loc;           // where it should be (its parent when absent)
  // The short name: `what` up to its explanation ("facts.confirmed_by", "owners_confirmed_at",
  // "the owner of the Customer Executive Sponsor").
  std::string key() const;
};

// Facts not confirmed in writing (facts, confirmed_by, confirmed_at, confirmation_ref, affected,
// status; a root cause that is a placeholder), owners not confirmed (owners_confirmed_at, an
// owner in the stakeholder grid that is missing or a placeholder), and what the email itself
// needs from the record (the lead's name, title and contact; the customer primary contact's
// name and contact; for the resolution notification the escalation_opened and
// resolution_confirmed times). Empty: ready. The facts and owners are model/confirmation.h's,
// which facts-before-notification and owners-before-first-update read after the communication.
std::vector<Missing> missing_before_communication(const Record& r, CommType type);

// Only the facts and owners (the playbook's two checklists: unconfirmed_facts, then
// unconfirmed_owners, in words), for a record with nothing sent.
std::vector<Missing> facts_or_owners_unconfirmed(const Record& r);

}  // namespace esc::model
