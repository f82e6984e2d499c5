#include "core/text.h"
#include "render/readout_content.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "model/escalation.h"

namespace esc::readout {

namespace chr = std::chrono;

namespace {

// A value for the page; a missing one, or a placeholder such as "TBD", shows the fallback —
// a VP must never read "TBD" as if it were a fact.
std::string text_or(const Text& t, const char* fallback = kNotRecorded) {
  return t && !is_unfilled(*t) ? *t : std::string(fallback);
}

std::string two_digits(long long v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// Short milestone names for the timeline flags (milestone_title() is the playbook's long form).
std::string_view short_label(Milestone m) {
  static constexpr std::array<std::string_view, enum_count<Milestone>()> labels = {
      "First signal", "Opened",   "Triaged",     "Root cause",  "Contained",
      "Customer notified", "Resolved", "Closure sent", "PIR booked"};
  return labels[static_cast<std::size_t>(m)];
}

std::string_view level_name(Priority p) {
  static constexpr std::array<std::string_view, 3> names = {"P1 \u2014 Critical", "P2 \u2014 High",
                                                            "P3 \u2014 Medium"};
  return names[static_cast<std::size_t>(p)];
}

std::string assessment(const Impact& impact, const Config& config) {
  std::vector<std::string> parts;
  if (impact.outage) {
    static constexpr std::array<const char*, 3> outage = {"Complete outage", "Partial outage", "No outage"};
    parts.emplace_back(outage[static_cast<std::size_t>(*impact.outage)]);
  }
  if (impact.customers_affected)
    parts.push_back(std::to_string(*impact.customers_affected) +
                    (*impact.customers_affected == 1 ? " customer affected" : " customers affected"));
  if (impact.revenue_at_risk)
    parts.push_back(format_money(*impact.revenue_at_risk, config.currency) + " revenue at risk");
  if (impact.sla) {
    static constexpr std::array<const char*, 3> sla = {"SLA breached", "SLA at risk", "SLA met"};
    parts.emplace_back(sla[static_cast<std::size_t>(*impact.sla)]);
  }
  if (impact.reputational_exposure) {
    static constexpr std::array<const char*, 3> rep = {"high", "medium", "low"};
    parts.push_back(std::string(rep[static_cast<std::size_t>(*impact.reputational_exposure)]) +
                    " reputational exposure");
  }
  if (impact.regulatory_exposure)
    parts.emplace_back(*impact.regulatory_exposure ? "regulatory exposure" : "no regulatory exposure");
  if (impact.customer_exec_escalation && *impact.customer_exec_escalation)
    parts.emplace_back("customer executives escalated");
  if (impact.workaround_available)
    parts.emplace_back(*impact.workaround_available ? "workaround available" : "no workaround");
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : " \u00B7 ") + p;
  return out;
}

void build_timeline(const Record& r, const Config& config, const Calendar& calendar, Instant now, Timeline& t) {
  for (std::size_t i = 0; i < enum_count<Milestone>(); ++i) {
    const auto m = static_cast<Milestone>(i);
    if (m == Milestone::pir_scheduled) continue;  // days later: it belongs on the PIR row
    if (auto at = milestone_time(r, m)) t.marks.push_back({*at, std::string(short_label(m)), Tone::neutral});
  }
  if (const auto triage = model::triage_window(r, config, calendar, now))
    t.marks.push_back({triage->deadline, "Triage due", triage->late || triage->overdue ? Tone::bad : Tone::deadline});
  std::stable_sort(t.marks.begin(), t.marks.end(),
                   [](const TimeMark& a, const TimeMark& b) { return a.at < b.at; });

  const auto& comms = r.comms();
  for (const Communication& c : comms)
    if (c.sent_at) t.sent.push_back(c.sent_at->utc);
  // The model decides each promise (to the minute, as update-promise-kept); the page shows it.
  for (const model::UpdatePromise& m : model::update_promises(r, now)) {
    const Communication& c = comms[m.index];
    if (!c.sent_at) continue;
    UpdatePromise p{communication_label(c), m.made_at, m.due, m.answered_at, UpdatePromise::State::open, m.late};
    if (m.state == model::UpdatePromise::State::kept) p.state = UpdatePromise::State::kept;
    if (m.state == model::UpdatePromise::State::missed) p.state = UpdatePromise::State::missed;
    if (m.state == model::UpdatePromise::State::overdue) p.state = UpdatePromise::State::overdue;
    t.promises.push_back(std::move(p));
  }

  const auto schedule = model::pir_deadline(r, calendar, model::kPirScheduleDays);
  const auto delivery = model::pir_deadline(r, calendar, model::kPirDeliveryDays);
  if (!schedule || !delivery) return;
  t.pir_start = schedule->resolved;
  const Date start = schedule->resolved;
  const Date schedule_by = schedule->date;
  const Date deliver_by = delivery->date;
  for (Date d = start; d <= start + chr::days(60); d += chr::days(1))
    if (!calendar.is_business_day(d)) t.non_working.push_back(d);
  t.pir_marks.push_back({start, "Resolved", Tone::neutral});
  if (auto booked = milestone_time(r, Milestone::pir_scheduled))
    t.pir_marks.push_back({utc_date(*booked), "Booked", Tone::neutral});
  if (r.pir.scheduled_for) {
    const Date meeting = utc_date(r.pir.scheduled_for->utc);
    t.pir_marks.push_back({meeting, "Review", schedule->in_time() ? Tone::good : Tone::bad});
  }
  t.pir_marks.push_back({schedule_by, "Review due", Tone::deadline});
  if (const Communication* res = resolution_communication(r); res && res->pir_share_by)
    t.pir_marks.push_back({*res->pir_share_by, "Promised", Tone::neutral});
  if (r.pir.delivered_at)
    t.pir_marks.push_back({*r.pir.delivered_at, "Delivered", delivery->in_time() ? Tone::good : Tone::bad});
  t.pir_marks.push_back({deliver_by, "PIR due", Tone::deadline});
  std::stable_sort(t.pir_marks.begin(), t.pir_marks.end(),
                   [](const DayMark& a, const DayMark& b) { return a.day < b.day; });
}

}  // namespace

std::string format_day(Date d) {
  static constexpr std::array<const char*, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const chr::year_month_day ymd{d};
  return std::to_string(unsigned{ymd.day()}) + " " + months[unsigned{ymd.month()} - 1];
}

std::string format_clock(Instant t, Date base) {
  const Date day = utc_date(t);
  const chr::hh_mm_ss hms{t - day};
  std::string clock = two_digits(hms.hours().count()) + ":" + two_digits(hms.minutes().count());
  return day == base ? clock : format_day(day) + " " + clock;
}

namespace {

// The due-date cell: the date, or for a delivered commitment "Done", when and where.
std::string commitment_due(const Commitment& m) {
  const auto day = [](Date d) { return format_day(d) + " " + std::to_string(int{chr::year_month_day{d}.year()}); };
  if (!m.is_done()) return m.due ? day(*m.due) : std::string(kNotRecorded);
  std::string cell = "Done";
  if (m.done_at) cell += " " + day(*m.done_at);
  if (m.reference && !m.reference->empty() && !is_placeholder_value(*m.reference)) cell += " (" + *m.reference + ")";
  return cell;
}

}  // namespace

Content build_content(const Record& r, const Config& config, const Calendar& calendar, bool draft, Instant now) {
  Content c;
  c.draft = draft;
  c.id = text_or(r.id, "(no id)");
  c.title = text_or(r.title, "");
  c.account = text_or(r.account.name);
  c.tier = text_or(r.account.contract_tier, "");
  c.severity = r.severity ? std::string(level_name(*r.severity)) : "Severity not set";
  c.level = r.severity.value;
  c.state = r.status.value;
  static constexpr std::array<const char*, 3> statuses = {"Ongoing", "Contained", "Resolved"};
  c.status = r.status ? statuses[static_cast<std::size_t>(*r.status)] : "Status not set";
  c.lead_name = text_or(r.escalation_lead.name);
  c.lead_title = text_or(r.escalation_lead.title, "");

  const auto opened = milestone_time(r, Milestone::escalation_opened);
  const auto resolved = milestone_time(r, Milestone::resolution_confirmed);
  // The labels say UTC; the values stay short enough for a quarter of the page.
  auto when = [](Instant t) {
    return format_day(utc_date(t)) + " " + std::to_string(int{chr::year_month_day{utc_date(t)}.year()}) + ", " +
           format_clock(t, utc_date(t));
  };
  if (r.previous_leads && !r.previous_leads->empty()) {
    std::vector<std::string> before;
    for (const PreviousLead& p : *r.previous_leads) before.push_back(text_or(p.name));
    const PreviousLead& last = r.previous_leads->back();
    c.lead_since = "Lead" + (last.until ? " since " + when(last.until->utc) : std::string()) + ", after " +
                   join_and(before);
  }
  c.opened = opened ? when(*opened) : kNotRecorded;
  c.resolved = resolved ? when(*resolved) : is_resolved(r) ? kNotRecorded : "Not yet resolved";
  if (opened && resolved && *resolved >= *opened)
    c.resolved_note = describe_span(*resolved - *opened) + " after opening";

  const std::string threshold = format_money(config.p1_revenue_threshold, config.currency);
  const std::array<std::string, 3> criteria = {
      "Complete service outage; revenue impact > " + threshold +
          "; major customer SLA breach; regulatory or legal exposure",
      "Partial degradation affecting multiple customers; measurable revenue impact; customer exec "
      "escalation required",
      "Limited scope; single customer or internal impact; workarounds available; no immediate "
      "revenue risk"};
  for (std::size_t i = 0; i < 3; ++i)
    c.severity_rows.push_back({std::string(level_name(static_cast<Priority>(i))), criteria[i],
                               r.severity && static_cast<std::size_t>(*r.severity) == i});
  if (r.triage.impact.present) c.assessment = assessment(r.triage.impact, config);

  c.impact_summary = text_or(r.readout.impact_summary);
  c.root_cause = text_or(r.facts.root_cause);
  c.root_cause_heading = r.facts.root_cause_status && *r.facts.root_cause_status == RootCauseStatus::hypothesis
                             ? "Root cause (hypothesis, not yet confirmed)"
                             : "Root cause (confirmed)";
  if (r.readout.resolution_actions)
    for (const Text& a : *r.readout.resolution_actions)
      if (a && !a->empty()) c.actions.push_back(*a);

  if (r.triage.impact.sla) {
    // At risk is a third state beside the paper form's two (SPEC section 4): a monthly SLA
    // stays at risk until its measurement period closes.
    switch (*r.triage.impact.sla) {
      case Sla::breached: c.sla = SlaMark::breached; break;
      case Sla::at_risk: c.sla = SlaMark::at_risk; break;
      case Sla::within: c.sla = SlaMark::within; break;
    }
  }
  c.breach_detail = r.readout.sla_breach_detail && !r.readout.sla_breach_detail->empty()
                        ? *r.readout.sla_breach_detail
                        : (c.sla == SlaMark::breached ? kNotRecorded : "");
  c.sentiment = text_or(r.readout.customer_sentiment);
  if (r.readout.commitments)
    for (const Commitment& m : *r.readout.commitments)
      c.commitments.push_back({text_or(m.commitment), text_or(m.owner), commitment_due(m)});
  build_timeline(r, config, calendar, now, c.timeline);
  return c;
}

std::vector<const Text*> shown_fields(const Record& r) {
  std::vector<const Text*> fields = {&r.id,
                                     &r.title,
                                     &r.account.name,
                                     &r.account.contract_tier,
                                     &r.escalation_lead.name,
                                     &r.escalation_lead.title,
                                     &r.readout.impact_summary,
                                     &r.facts.root_cause};
  if (r.readout.resolution_actions)
    for (const Text& a : *r.readout.resolution_actions) fields.push_back(&a);
  fields.push_back(&r.readout.sla_breach_detail);
  fields.push_back(&r.readout.customer_sentiment);
  if (r.readout.commitments)
    for (const Commitment& m : *r.readout.commitments) {
      fields.push_back(&m.commitment);
      fields.push_back(&m.owner);
    }
  std::erase_if(fields, [](const Text* t) { return !*t; });
  return fields;
}

}  // namespace esc::readout
