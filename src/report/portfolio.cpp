#include "report/portfolio.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text.h"

namespace esc::portfolio {

namespace chr = std::chrono;
using CState = model::CommitmentState::State;

std::string_view commitment_state_name(CState s) {
  switch (s) {
    case CState::open: return "open";
    case CState::due_today: return "due_today";
    case CState::overdue: return "overdue";
    case CState::done: return "done";
  }
  return "";
}

Row make_row(const model::Escalation& e, const Config& config, const std::vector<Diagnostic>& findings,
             const std::string& file) {
  const Record& r = e.record();
  Row row;
  row.id = r.id && !r.id->empty() ? *r.id : file;
  row.file = file;
  if (r.account.name) row.account = *r.account.name;
  if (r.severity) row.severity = *r.severity;
  if (r.status) row.status = *r.status;
  row.m = model::measure(e);
  if (row.m.opened) row.month = format_iso_date(utc_date(*row.m.opened)).substr(0, 7);
  row.triage_target = describe(config.triage_window);
  row.triage_target_minutes = config.triage_window.business_days > 0 ? 0 : config.triage_window.minutes.count();
  if (row.m.worst_miss_index) row.worst_miss_by = describe_communication(r.comms()[*row.m.worst_miss_index]);
  if (const auto& d = e.pir_schedule()) {
    row.pir_schedule_by = d->date;
    row.pir_scheduled = d->done;
  }
  if (const auto& d = e.pir_delivery()) {
    row.pir_delivery_by = d->date;
    row.pir_delivered = d->done;
  }
  for (const model::CommitmentState& s : e.commitments()) {
    const Commitment& c = (*r.readout.commitments)[s.index];
    CommitmentLine line;
    line.record = row.id;
    if (c.commitment) line.commitment = *c.commitment;
    if (c.owner) line.owner = *c.owner;
    line.due = s.due;
    line.state = s.state;
    line.days_overdue = s.days_overdue;
    row.commitments.push_back(std::move(line));
  }
  for (const Diagnostic& d : findings) {
    if (d.suppression != Suppression::none) {
      ++row.waived;
      continue;
    }
    if (d.severity == Severity::error) ++row.errors;
    else if (d.severity == Severity::warning) ++row.warnings;
    else if (d.severity == Severity::info) ++row.infos;
    ++row.findings[d.rule];
  }
  return row;
}

std::optional<int> Distribution::percentile(int p) const {
  if (minutes.empty()) return std::nullopt;
  const std::size_t n = minutes.size();
  // ceil(p * n / 100) in integers, at least rank 1.
  std::size_t rank = (static_cast<std::size_t>(p) * n + 99) / 100;
  rank = std::clamp<std::size_t>(rank, 1, n);
  return minutes[rank - 1];
}

Aggregator::Aggregator(Instant now, FilterText filters) {
  s_.now = now;
  s_.filters = std::move(filters);
}

void Aggregator::left_out(bool no_opened) {
  ++s_.left_out;
  if (no_opened) ++s_.no_opened;
}

void Aggregator::not_loaded(NotLoaded n) { s_.not_loaded.push_back(std::move(n)); }

namespace {

void count(Share& share, const std::optional<model::Verdict>& v, std::size_t* pending) {
  if (!v) return;
  if (*v == model::Verdict::pending) {
    if (pending) ++*pending;
    return;
  }
  ++share.of;
  if (*v == model::Verdict::in_time) ++share.met;
}

void observe(Distribution& d, const std::optional<chr::minutes>& m) {
  if (m) d.minutes.push_back(static_cast<int>(std::clamp<long long>(m->count(), -2'000'000'000LL, 2'000'000'000LL)));
}

// Commitments still owed, in the order a reader acts on them: most overdue first, then the
// soonest due, then those without a date.
bool owed_first(const CommitmentLine& a, const CommitmentLine& b) {
  if (a.days_overdue != b.days_overdue) return a.days_overdue > b.days_overdue;
  if (a.due.has_value() != b.due.has_value()) return a.due.has_value();
  if (a.due && *a.due != *b.due) return *a.due < *b.due;
  if (a.record != b.record) return a.record < b.record;
  return a.commitment < b.commitment;
}

}  // namespace

void Aggregator::add(const Row& row) {
  ++s_.records;
  const std::size_t sev = row.severity ? static_cast<std::size_t>(*row.severity) : 3;
  ++s_.by_severity[sev];
  ++s_.by_month[row.month.empty() ? "unknown" : row.month][sev];
  const model::Measures& m = row.m;

  s_.triage_targets.insert(row.triage_target);
  if (row.triage_target_minutes > 0 && (s_.triage_targets.size() == 1 || row.triage_target_minutes < s_.triage_target_minutes))
    s_.triage_target_minutes = row.triage_target_minutes;
  observe(s_.triage, m.triage);
  count(s_.triage_within, m.triage_verdict, &s_.triage_pending);
  observe(s_.first_notification, m.first_notification);
  if (m.facts_before_first_notification) {
    ++s_.facts_before_notification.of;
    if (*m.facts_before_first_notification) ++s_.facts_before_notification.met;
  }
  observe(s_.containment, m.containment);
  observe(s_.resolution, m.resolution);
  if (sev < 3) {
    observe(s_.containment_by_severity[sev], m.containment);
    observe(s_.resolution_by_severity[sev], m.resolution);
  }

  s_.promises_kept += m.promises_kept;
  s_.promises_missed += m.promises_missed;
  s_.promises_open += m.promises_open;
  s_.promises_overdue += m.promises_overdue;
  s_.promises.met += m.promises_kept;
  s_.promises.of += m.promises_kept + m.promises_missed + m.promises_overdue;
  if (m.worst_miss_index) {
    s_.worst_misses.push_back({row.id, row.worst_miss_by, m.worst_miss.count()});
    auto longer = [](const Miss& a, const Miss& b) {
      return a.minutes != b.minutes ? a.minutes > b.minutes : a.record < b.record;
    };
    std::sort(s_.worst_misses.begin(), s_.worst_misses.end(), longer);
    if (s_.worst_misses.size() > kWorstMissesShown) s_.worst_misses.resize(kWorstMissesShown);
  }

  count(s_.pir_schedule, m.pir_schedule, &s_.pir_schedule_pending);
  count(s_.pir_delivery, m.pir_delivery, &s_.pir_delivery_pending);

  s_.commitments_open += m.commitments_open;
  s_.commitments_done += m.commitments_done;
  s_.commitments_overdue += m.commitments_overdue;
  for (const CommitmentLine& c : row.commitments)
    if (c.state != CState::done) s_.outstanding.push_back(c);
  // Bounded: sort and trim once the list is twice the size shown.
  if (s_.outstanding.size() >= 2 * kOutstandingShown) {
    std::sort(s_.outstanding.begin(), s_.outstanding.end(), owed_first);
    s_.outstanding.resize(kOutstandingShown);
  }

  for (const auto& [rule, n] : row.findings) {
    auto& f = s_.findings[rule];
    f.first += n;
    ++f.second;
  }
  ++s_.accounts[row.account.empty() ? "(no account)" : row.account];
}

Summary Aggregator::finish() {
  for (Distribution* d : {&s_.triage, &s_.first_notification, &s_.containment, &s_.resolution})
    std::sort(d->minutes.begin(), d->minutes.end());
  for (auto* set : {&s_.containment_by_severity, &s_.resolution_by_severity})
    for (Distribution& d : *set) std::sort(d.minutes.begin(), d.minutes.end());
  std::sort(s_.outstanding.begin(), s_.outstanding.end(), owed_first);
  if (s_.outstanding.size() > kOutstandingShown) s_.outstanding.resize(kOutstandingShown);
  std::sort(s_.not_loaded.begin(), s_.not_loaded.end(),
            [](const NotLoaded& a, const NotLoaded& b) { return a.file < b.file; });
  return std::move(s_);
}

namespace {

constexpr MetricInfo kMetrics[] = {
    {"escalations", "Escalations by severity and month",
     "Records in the report, counted by their severity and by the UTC month of the "
     "escalation_opened milestone (\"unknown\" when the record has none).",
     ""},
    {"triage-time", "Time to triage",
     "From the first_signal milestone to triage_completed, minute to minute. Within target: "
     "triage completed no later than the configured triage window after the first signal (the "
     "exact minute is in time), as triage-window decides. Share within = in time / (in time + "
     "late + still untriaged past the window); records still inside the window are not counted.",
     "Initial triage complete within 15 minutes of escalation signal"},
    {"first-notification", "Time to first customer notification",
     "From the first_signal milestone to the sent_at of the first communication, minute to "
     "minute.",
     ""},
    {"facts-first", "Facts confirmed before the first notification",
     "Share of escalations with a first communication sent whose stated facts (affected "
     "systems, status; the root cause on a resolution notice) each had a written confirmation "
     "(facts.confirmed_at or a facts.confirmations entry) at or before the minute it was sent.",
     "Fact confirmation complete before any external communication"},
    {"containment-time", "Time to containment",
     "From the first_signal milestone to the containment milestone, minute to minute, by "
     "severity.",
     ""},
    {"resolution-time", "Time to resolution",
     "From the first_signal milestone to resolution_confirmed, minute to minute, by severity.", ""},
    {"promises-kept", "Customer-update promises kept",
     "Every next_update_by promised in a communication: kept when the next communication was "
     "sent in or before the promised minute, missed when after (by how much), overdue when "
     "nothing followed and the minute has passed on an unresolved record, open otherwise. Share "
     "kept = kept / (kept + missed + overdue). The worst misses are the longest delays.",
     "Next update by: do not miss this commitment"},
    {"pir-scheduled", "PIR scheduled within 5 business days",
     "Resolved escalations whose pir.scheduled_for falls on or before the 5th business day after "
     "the UTC date of resolution_confirmed (day 0), on the configured holiday calendar. Share = "
     "in time / (in time + late + unscheduled past the deadline).",
     "Schedule within 5 business days of resolution"},
    {"pir-delivered", "PIR delivered within 10 business days",
     "Resolved escalations whose pir.delivered_at falls on or before the 10th business day after "
     "the UTC date of resolution_confirmed. Share = in time / (in time + late + undelivered past "
     "the deadline).",
     "Deliver written PIR to customer within 10 business days"},
    {"commitments", "Follow-up commitments",
     "The readout's commitments: done when marked done (done: true or done_at), overdue when not "
     "done and the due date is before today's UTC date, open otherwise (due today included).",
     "Follow-up commitments and owner"},
    {"findings", "Most frequent findings",
     "The findings escalate check reports for the records (same rules, configuration and "
     "waivers; waived findings not counted), by rule: how many findings and in how many "
     "escalations.",
     ""},
    {"accounts", "Accounts with the most escalations", "Escalations per account.name.", ""},
    {"percentiles", "Median and 90th percentile",
     "Nearest rank: the p-th percentile of N sorted values is the value at rank ceil(p/100 x N) "
     "(the median is p = 50, so always an observed value; for an even N the lower middle).",
     ""},
};

}  // namespace

std::span<const MetricInfo> metrics() { return kMetrics; }

void write_metrics_markdown(std::ostream& out) {
  out << "| metric | definition | playbook target |\n|---|---|---|\n";
  for (const MetricInfo& m : kMetrics)
    out << "| " << m.name << " | " << m.definition << " | "
        << (m.target.empty() ? std::string() : concat({"\"", m.target, "\""})) << " |\n";
}

std::string format_share(const Share& s) {
  const auto r = s.ratio();
  if (!r) return "n/a";
  const double pct = std::round(*r * 1000.0) / 10.0;
  char buf[32];
  if (pct == std::floor(pct)) std::snprintf(buf, sizeof buf, "%.0f%%", pct);
  else std::snprintf(buf, sizeof buf, "%.1f%%", pct);
  return buf;
}

std::string format_minutes(long long minutes) {
  const bool negative = minutes < 0;
  long long m = negative ? -minutes : minutes;
  std::string out;
  if (m < 60) {
    out = std::to_string(m) + " min";
  } else if (m < 24 * 60) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld h %02lld min", m / 60, m % 60);
    out = buf;
  } else {
    const long long d = m / (24 * 60), h = m % (24 * 60) / 60;
    out = std::to_string(d) + " d " + std::to_string(h) + " h";
  }
  return negative ? "-" + out : out;
}

}  // namespace esc::portfolio
