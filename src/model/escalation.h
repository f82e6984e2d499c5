// The model of an escalation: every deadline and promise the playbook asks of a record, worked
// out once from a loaded record, its configuration and `now`. Rules, the readout and
// `escalate status` read these answers; none of them recomputes a fact.
//
// Layer: core and load only (core -> load -> model -> rules -> render/report -> cli).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/time.h"
#include "load/config.h"
#include "load/record.h"
#include "model/communications.h"  // describe_communication and the other facts of a communication

namespace esc {

// --- Small facts of a record, asked by many readers ---------------------------------------------

bool is_resolved(const Record& r);
// The `at` of a milestone row, when the row and its timestamp exist.
std::optional<Instant> milestone_time(const Record& r, Milestone m);
// UTC date of resolution_confirmed.
std::optional<Date> resolution_date(const Record& r);
// The escalation lead at a time: the first previous lead whose `until` is after it, else the
// current `escalation_lead` (a lead hands over at exactly `until`).
Person lead_at(const Record& r, Instant t);

// "1st", "2nd", "3rd", "5th", "11th", "22nd": the Nth business day of a deadline.
std::string ordinal(int n);

// t truncated to the whole minute. The playbook keeps times in minutes: every promise and
// window is compared minute to minute ("an update sent at the exact promised minute keeps the
// promise"), so an update 30 seconds after the promised 10:40 is still in time.
Instant to_minute(Instant t);

// `t` plus a configured duration: minutes, or for "Nbd" the same UTC clock time N business
// days later (the triage window and the "1bd" cadence).
Instant add_duration(Instant t, const Duration& d, const Calendar& calendar);

namespace model {

// "Schedule within 5 business days of resolution." / "Deliver written PIR to customer within
// 10 business days."
inline constexpr int kPirScheduleDays = 5;
inline constexpr int kPirDeliveryDays = 10;

// --- Customer-update promises -------------------------------------------------------------------

// A communication's `next_update_by` and what became of it.
struct UpdatePromise {
  enum class State {
    kept,     // the next communication went out in or before the promised minute
    missed,   // the next communication went out after the promised minute
    open,     // nothing has followed yet and the promised minute has not passed at `now`
    overdue,  // nothing has followed yet and the promised minute has passed at `now`
  };
  std::size_t index = 0;                     // the communication that made the promise
  Instant made_at{};                         // its sent_at (the promise's start), or `due` when unknown
  Instant due{};                             // next_update_by, as written (seconds kept)
  std::optional<std::size_t> answered_by;    // the next communication with a sent_at
  std::optional<Instant> answered_at;        // its sent_at
  State state = State::open;
  // missed: how late, minute to minute (to_minute(answered) - to_minute(due)); overdue: how
  // long past the promised minute at `now`; otherwise zero.
  std::chrono::minutes late{0};
};

// Every promise of the record in communication order. A communication without next_update_by
// (the resolution notice) promises nothing. A promise counts as overdue only on a record that
// is not resolved (a resolved escalation owes no further update).
std::vector<UpdatePromise> update_promises(const Record& r, Instant now);

// --- Triage -------------------------------------------------------------------------------------

struct TriageWindow {
  Instant start{};                 // first_signal
  Instant deadline{};              // start + the configured triage window
  std::optional<Instant> end;      // triage_completed
  bool late = false;               // ended after the deadline's minute
  bool running = false;            // not ended and the deadline's minute not passed at now
  bool overdue = false;            // not ended and the deadline's minute passed at now
};
std::optional<TriageWindow> triage_window(const Record& r, const Config& config,
                                          const Calendar& calendar, Instant now);

// --- Post-incident review -----------------------------------------------------------------------

// The Nth business day after the UTC date of resolution_confirmed (SPEC 9: that date is day 0;
// a date is in time on or before the deadline).
struct PirDeadline {
  Date resolved{};                 // day 0
  int business_days = 0;           // N
  Date date{};                     // the Nth business day after `resolved`
  std::optional<Date> done;        // the meeting's UTC date / delivered_at
  bool in_time() const { return done && *done <= date; }
};
std::optional<PirDeadline> pir_deadline(const Record& r, const Calendar& calendar, int business_days);

// --- Commitments --------------------------------------------------------------------------------

struct CommitmentState {
  enum class State { open, due_today, overdue, done };
  std::size_t index = 0;
  std::optional<Date> due;
  State state = State::open;
  long long days_overdue = 0;       // overdue: whole days past `due` at now's UTC date
};
// Every readout commitment: done when marked done (or done_at set); a date before today's
// UTC date is overdue; due today is not overdue yet.
std::vector<CommitmentState> commitment_states(const Record& r, Instant now);

// --- The whole escalation -----------------------------------------------------------------------

class Escalation {
 public:
  Escalation(const Record& record, const Config& config, const Calendar& calendar, Instant now);

  const Record& record() const { return record_; }
  Instant now() const { return now_; }
  bool resolved() const { return is_resolved(record_); }
  Person lead() const { return esc::lead_at(record_, now_); }
  Person lead_at(Instant t) const { return esc::lead_at(record_, t); }
  const std::optional<TriageWindow>& triage() const { return triage_; }
  const std::vector<UpdatePromise>& promises() const { return promises_; }
  // The last promise, when it is still unanswered (open or overdue).
  const UpdatePromise* pending_promise() const;
  std::optional<Instant> resolved_at() const { return milestone_time(record_, Milestone::resolution_confirmed); }
  const std::optional<PirDeadline>& pir_schedule() const { return pir_schedule_; }
  const std::optional<PirDeadline>& pir_delivery() const { return pir_delivery_; }
  const std::vector<CommitmentState>& commitments() const { return commitments_; }
  std::optional<Sla> sla() const;

  // Resolved, the PIR delivered and every commitment done: nothing more is owed.
  bool closed_out() const;

 private:
  const Record& record_;
  Instant now_;
  std::optional<TriageWindow> triage_;
  std::vector<UpdatePromise> promises_;
  std::optional<PirDeadline> pir_schedule_, pir_delivery_;
  std::vector<CommitmentState> commitments_;
};

}  // namespace model
}  // namespace esc
