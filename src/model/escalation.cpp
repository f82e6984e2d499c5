#include "model/escalation.h"

namespace esc {

namespace chr = std::chrono;

bool is_resolved(const Record& r) { return r.status && *r.status == Status::resolved; }

std::optional<Instant> milestone_time(const Record& r, Milestone m) {
  const TimelineRow* row = r.milestone(m);
  if (!row || !row->at) return std::nullopt;
  return row->at->utc;
}

std::optional<Date> resolution_date(const Record& r) {
  if (auto t = milestone_time(r, Milestone::resolution_confirmed)) return utc_date(*t);
  return std::nullopt;
}

Person lead_at(const Record& r, Instant t) {
  if (r.previous_leads)
    for (const PreviousLead& p : *r.previous_leads)
      if (p.until && t < p.until->utc) return Person{p.loc, p.name, p.title, p.contact};
  return r.escalation_lead;
}

std::string ordinal(int n) {
  const int tens = n % 100;
  const int ones = n % 10;
  const char* suffix = "th";
  if (tens < 11 || tens > 13) {
    if (ones == 1) suffix = "st";
    else if (ones == 2) suffix = "nd";
    else if (ones == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

Instant to_minute(Instant t) { return chr::floor<chr::minutes>(t); }

Instant add_duration(Instant t, const Duration& d, const Calendar& calendar) {
  if (d.business_days <= 0) return t + d.minutes;
  for (int i = 0; i < d.business_days; ++i) t = calendar.next_business_day_same_time(t);
  return t;
}

namespace model {

std::vector<UpdatePromise> update_promises(const Record& r, Instant now) {
  std::vector<UpdatePromise> out;
  const std::vector<Communication>& comms = r.comms();
  for (std::size_t i = 0; i < comms.size(); ++i) {
    const Communication& c = comms[i];
    if (!c.next_update_by) continue;
    UpdatePromise p;
    p.index = i;
    p.due = c.next_update_by->utc;
    p.made_at = c.sent_at ? c.sent_at->utc : p.due;
    for (std::size_t j = i + 1; j < comms.size(); ++j)
      if (comms[j].sent_at) {
        p.answered_by = j;
        p.answered_at = comms[j].sent_at->utc;
        break;
      }
    const Instant promised = to_minute(p.due);
    if (p.answered_at) {
      const Instant sent = to_minute(*p.answered_at);
      // The decision, once: the exact promised minute keeps the promise.
      if (sent <= promised) {
        p.state = UpdatePromise::State::kept;
      } else {
        p.state = UpdatePromise::State::missed;
        p.late = chr::duration_cast<chr::minutes>(sent - promised);
      }
    } else if (!is_resolved(r) && to_minute(now) > promised) {
      p.state = UpdatePromise::State::overdue;
      p.late = chr::duration_cast<chr::minutes>(to_minute(now) - promised);
    } else {
      p.state = UpdatePromise::State::open;
    }
    out.push_back(p);
  }
  return out;
}

std::optional<TriageWindow> triage_window(const Record& r, const Config& config,
                                          const Calendar& calendar, Instant now) {
  const auto signal = milestone_time(r, Milestone::first_signal);
  if (!signal) return std::nullopt;
  TriageWindow w;
  w.start = *signal;
  w.deadline = add_duration(to_minute(*signal), config.triage_window, calendar);
  w.end = milestone_time(r, Milestone::triage_completed);
  const Instant deadline = to_minute(w.deadline);
  if (w.end) {
    w.late = to_minute(*w.end) > deadline;
  } else if (to_minute(now) > deadline) {
    w.overdue = true;
  } else {
    w.running = true;
  }
  return w;
}

std::optional<PirDeadline> pir_deadline(const Record& r, const Calendar& calendar, int business_days) {
  const auto resolved = resolution_date(r);
  if (!resolved) return std::nullopt;
  PirDeadline d;
  d.resolved = *resolved;
  d.business_days = business_days;
  d.date = calendar.add_business_days(*resolved, business_days);
  if (business_days == kPirScheduleDays && r.pir.scheduled_for)
    d.done = utc_date(r.pir.scheduled_for->utc);
  if (business_days == kPirDeliveryDays && r.pir.delivered_at) d.done = *r.pir.delivered_at;
  return d;
}

std::vector<CommitmentState> commitment_states(const Record& r, Instant now) {
  std::vector<CommitmentState> out;
  if (!r.readout.commitments) return out;
  const Date today = utc_date(now);
  for (std::size_t i = 0; i < r.readout.commitments->size(); ++i) {
    const Commitment& c = (*r.readout.commitments)[i];
    CommitmentState s;
    s.index = i;
    if (c.due) s.due = *c.due;
    if (c.is_done()) {
      s.state = CommitmentState::State::done;
    } else if (c.due && *c.due < today) {
      s.state = CommitmentState::State::overdue;
      s.days_overdue = (today - *c.due).count();
    } else if (c.due && *c.due == today) {
      s.state = CommitmentState::State::due_today;
    }
    out.push_back(s);
  }
  return out;
}

Escalation::Escalation(const Record& record, const Config& config, const Calendar& calendar, Instant now)
    : record_(record),
      now_(now),
      triage_(triage_window(record, config, calendar, now)),
      promises_(update_promises(record, now)),
      pir_schedule_(pir_deadline(record, calendar, kPirScheduleDays)),
      pir_delivery_(pir_deadline(record, calendar, kPirDeliveryDays)),
      commitments_(commitment_states(record, now)) {}

const UpdatePromise* Escalation::pending_promise() const {
  if (promises_.empty()) return nullptr;
  const UpdatePromise& last = promises_.back();
  if (last.answered_at) return nullptr;
  return &last;
}

std::optional<Sla> Escalation::sla() const {
  if (record_.triage.impact.sla) return *record_.triage.impact.sla;
  return std::nullopt;
}

bool Escalation::closed_out() const {
  if (!resolved() || !record_.pir.delivered_at) return false;
  for (const CommitmentState& c : commitments_)
    if (c.state != CommitmentState::State::done) return false;
  return true;
}

}  // namespace model
}  // namespace esc
