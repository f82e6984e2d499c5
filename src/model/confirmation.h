// What a record lacks of the playbook's two checklists for customer communications: FACT
// CONFIRMATION ("complete before any external communication": the root cause, the affected
// systems, the status, and "written confirmation from technical owner before stating facts to
// customer") and "All owners must be confirmed before the first customer update is sent".
// Computed once here: `escalate next` and `escalate status` ask it before a communication (is
// the record ready?), facts-before-notification and owners-before-first-update after one (was
// it?), so the two can never disagree about what is unconfirmed.
//
// Layer: model (reads load and core only).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "load/record.h"

namespace esc::model {

// One thing not confirmed.
struct Unconfirmed {
  enum class Item {
    facts,                // the facts section itself
    confirmed_by,         // facts.confirmed_by, or facts.confirmations[entry].confirmed_by
    confirmed_at,         // likewise
    confirmation_ref,     // likewise
    affected,             // facts.affected
    status,               // facts.status
    root_cause,           // facts.root_cause written as a placeholder (absent is allowed: under investigation)
    owners_confirmed_at,  // owners_confirmed_at
    owner,                // the owner of stakeholders[entry]
  };
  enum class State {
    missing,            // not written
    invalid,            // written, but not a value of its type (the schema rule reports it)
    unfilled,           // empty or a placeholder ("TBD", "[Name]"): `value` says which
    empty_list,         // affected: []
    only_placeholders,  // affected: every item a placeholder
  };
  Item item;
  State state;
  std::optional<std::size_t> entry;  // the facts.confirmations or stakeholders index
  Loc loc;                           // the value, or where it belongs when missing
  std::string value;                 // the written text when unfilled
};

// The FACT CONFIRMATION checklist: without a facts section, that alone; with facts.confirmations
// listed, each entry's confirmed_by, confirmed_at and confirmation_ref (and a placeholder single
// facts.confirmation_ref), else the single facts.confirmed_by, confirmed_at and
// confirmation_ref; then affected, status and a placeholder root cause. Empty: confirmed.
std::vector<Unconfirmed> unconfirmed_facts(const Record& r);

// The owners: owners_confirmed_at, then each stakeholder whose owner is missing or unfilled.
// Empty: confirmed.
std::vector<Unconfirmed> unconfirmed_owners(const Record& r);

}  // namespace esc::model
