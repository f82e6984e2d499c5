#include "model/measures.h"

namespace esc::model {

namespace chr = std::chrono;

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::in_time: return "in_time";
    case Verdict::late: return "late";
    case Verdict::pending: return "pending";
    case Verdict::overdue: return "overdue";
  }
  return "";
}

Verdict triage_verdict(const TriageWindow& w) {
  if (w.end) return w.late ? Verdict::late : Verdict::in_time;
  return w.overdue ? Verdict::overdue : Verdict::pending;
}

Verdict pir_verdict(const PirDeadline& d, Instant now) {
  if (d.done) return d.in_time() ? Verdict::in_time : Verdict::late;
  return utc_date(now) > d.date ? Verdict::overdue : Verdict::pending;
}

bool communication_states(const Record& r, const Communication& c, std::string_view fact) {
  if (fact != "root_cause") return true;
  return c.type && *c.type == CommType::resolution && r.facts.root_cause && r.facts.root_cause_status &&
         *r.facts.root_cause_status == RootCauseStatus::confirmed;
}

std::optional<FactConfirmation> first_confirmation(const Record& r, std::string_view fact) {
  std::optional<FactConfirmation> best;
  auto consider = [&](const Val<Timestamp>& at, const std::string& source) {
    if (!at) return;
    const Instant t = to_minute(at->utc);
    if (best && best->at <= t) return;
    best = FactConfirmation{t, at.loc, source};
  };
  const Facts& f = r.facts;
  consider(f.confirmed_at, "facts.confirmed_at");
  if (f.confirmations)
    for (const Confirmation& c : *f.confirmations)
      if (c.covers(fact)) consider(c.confirmed_at, c.loc.path);
  return best;
}

std::optional<bool> facts_confirmed_before(const Record& r, const Communication& c) {
  if (!c.sent_at) return std::nullopt;
  const Instant sent = to_minute(c.sent_at->utc);
  for (std::string_view fact : {"root_cause", "affected", "status"}) {
    if (!communication_states(r, c, fact)) continue;
    const auto confirmed = first_confirmation(r, fact);
    if (!confirmed || confirmed->at > sent) return false;
  }
  return true;
}

Measures measure(const Escalation& e) {
  const Record& r = e.record();
  Measures m;
  m.first_signal = milestone_time(r, Milestone::first_signal);
  m.opened = milestone_time(r, Milestone::escalation_opened);
  auto since_signal = [&](std::optional<Instant> t) -> std::optional<chr::minutes> {
    if (!m.first_signal || !t) return std::nullopt;
    return chr::duration_cast<chr::minutes>(to_minute(*t) - to_minute(*m.first_signal));
  };
  if (e.triage()) {
    m.triage_verdict = triage_verdict(*e.triage());
    m.triage = since_signal(e.triage()->end);
  }
  if (!r.comms().empty()) {
    const Communication& first = r.comms().front();
    if (first.sent_at) m.first_notification = since_signal(first.sent_at->utc);
    m.facts_before_first_notification = facts_confirmed_before(r, first);
  }
  m.containment = since_signal(milestone_time(r, Milestone::containment));
  m.resolution = since_signal(e.resolved_at());

  for (const UpdatePromise& p : e.promises()) {
    switch (p.state) {
      case UpdatePromise::State::kept: ++m.promises_kept; break;
      case UpdatePromise::State::open: ++m.promises_open; break;
      case UpdatePromise::State::overdue: ++m.promises_overdue; break;
      case UpdatePromise::State::missed:
        ++m.promises_missed;
        if (!m.worst_miss_index || p.late > m.worst_miss) {
          m.worst_miss = p.late;
          m.worst_miss_index = p.index;
        }
        break;
    }
  }
  if (e.resolved()) {
    if (e.pir_schedule()) m.pir_schedule = pir_verdict(*e.pir_schedule(), e.now());
    if (e.pir_delivery()) m.pir_delivery = pir_verdict(*e.pir_delivery(), e.now());
  }
  for (const CommitmentState& c : e.commitments()) {
    if (c.state == CommitmentState::State::done) ++m.commitments_done;
    else if (c.state == CommitmentState::State::overdue) ++m.commitments_overdue;
    else ++m.commitments_open;
  }
  return m;
}

}  // namespace esc::model
