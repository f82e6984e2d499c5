// The measures of one escalation for reports across escalations: how long triage, the first
// customer notification, containment and resolution took, whether each deadline of the playbook
// was met, and the facts confirmed before the first notification. Every figure is read from
// the model (model/escalation.h) — the same answers `check` and the readout use.
//
// Layer: model (reads load and core only).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "model/escalation.h"

namespace esc::model {

// Whether a deadline was met, or where it stands at `now` when nothing has happened yet.
enum class Verdict {
  in_time,  // done on or before the deadline
  late,     // done after the deadline
  pending,  // not done yet, the deadline still ahead at `now`
  overdue,  // not done, the deadline passed at `now`
};
std::string_view verdict_name(Verdict v);  // "in_time", "late", "pending", "overdue"

// The triage window's verdict (minute to minute, as triage-window decides).
Verdict triage_verdict(const TriageWindow& w);
// A PIR deadline's verdict: done compared by date; not done is overdue from the day after.
Verdict pir_verdict(const PirDeadline& d, Instant now);

// --- Facts confirmed before they are stated ---------------------------------------------------

// Whether a communication states `fact` ("root_cause", "affected" or "status"): every
// communication states the affected systems and the status; the resolution notification also
// states the root cause once the record calls it confirmed.
bool communication_states(const Record& r, const Communication& c, std::string_view fact);

// The earliest written confirmation of a fact, to the minute: facts.confirmed_at (which
// confirms every fact) or a facts.confirmations entry that covers it. The first listed wins a
// tie, facts.confirmed_at first.
struct FactConfirmation {
  Instant at{};        // minute
  Loc loc;             // its confirmed_at
  std::string source;  // "facts.confirmed_at", "facts.confirmations[1]"
};
std::optional<FactConfirmation> first_confirmation(const Record& r, std::string_view fact);

// The facts a communication states, each confirmed at or before the minute it was sent.
// nullopt when the communication has no sent_at.
std::optional<bool> facts_confirmed_before(const Record& r, const Communication& c);

// --- One escalation, measured -----------------------------------------------------------------

struct Measures {
  std::optional<Instant> first_signal;     // where every time below is measured from
  std::optional<Instant> opened;           // escalation_opened
  // Minutes from the first signal's minute to the event's minute.
  std::optional<std::chrono::minutes> triage, first_notification, containment, resolution;
  std::optional<Verdict> triage_verdict;   // absent without a first signal
  std::optional<bool> facts_before_first_notification;  // absent before a notification is sent
  // Customer-update promises by state, and the worst miss (the promise made by communication
  // `worst_miss_index`, answered `worst_miss` late).
  int promises_kept = 0, promises_missed = 0, promises_open = 0, promises_overdue = 0;
  std::chrono::minutes worst_miss{0};
  std::optional<std::size_t> worst_miss_index;
  std::optional<Verdict> pir_schedule, pir_delivery;  // resolved records only
  // Commitments: done, overdue (not done, due date passed), open (the rest, due today included).
  int commitments_open = 0, commitments_done = 0, commitments_overdue = 0;
};

Measures measure(const Escalation& e);

}  // namespace esc::model
