#include "model/due.h"

#include <algorithm>

#include "core/text.h"
#include "model/milestone_updates.h"
#include "model/next_communication.h"

namespace esc::model {

namespace chr = std::chrono;

namespace {

std::string comm_label(const Communication& c) {
  const std::string name = describe_communication(c);
  return c.type && *c.type != CommType::progress ? "the " + name : name;
}

std::string name_of(const Person& p) { return p.name && !p.name->empty() ? *p.name : std::string(); }

// A deadline at an instant: in time up to the end of its minute.
void set_minute_deadline(DueItem& item, Instant due, Instant now) {
  item.due = to_minute(due);
  const Instant n = to_minute(now);
  item.overdue = n > item.due;
  item.delta = chr::duration_cast<chr::minutes>(item.overdue ? n - item.due : item.due - n);
}

// Asked for now, with no deadline of its own: due now, never overdue.
void set_now(DueItem& item, Instant now) {
  item.due = to_minute(now);
  item.overdue = false;
  item.delta = chr::minutes(0);
}

// A deadline on a date: in time up to the end of that UTC day.
void set_day_deadline(DueItem& item, Date day, Instant now) {
  item.day = day;
  item.due = Instant(day + chr::days(1));
  item.overdue = utc_date(now) > day;
  item.delta = chr::floor<chr::minutes>(item.overdue ? now - item.due : item.due - now);
}

}  // namespace

std::string_view kind_name(DueItem::Kind k) {
  switch (k) {
    case DueItem::Kind::customer_update: return "customer-update";
    case DueItem::Kind::triage: return "triage";
    case DueItem::Kind::pir_schedule: return "pir-schedule";
    case DueItem::Kind::pir_delivery: return "pir-delivery";
    case DueItem::Kind::commitment: return "commitment";
    case DueItem::Kind::confirm_first: return "confirm-first";
    case DueItem::Kind::stakeholder_update: return "stakeholder-update";
  }
  return "";
}

std::vector<DueItem> due_items(const Escalation& e, const std::string& file) {
  std::vector<DueItem> out;
  const Record& r = e.record();
  if (e.resolved() && r.pir.delivered_at) return out;  // closed out: quiet
  const std::string record = r.id && !r.id->empty() ? *r.id : file;
  const std::string lead = name_of(e.lead());
  auto item = [&](DueItem::Kind kind, std::size_t n, Mark mark, std::string what) {
    DueItem i;
    i.kind = kind;
    i.record = record;
    i.file = file;
    i.mark = mark;
    i.what = std::move(what);
    i.owner = lead;
    i.uid = record + "." + std::string(kind_name(kind)) + "." + std::to_string(n) + "@escalate";
    return i;
  };

  if (!e.resolved()) {
    if (const auto& t = e.triage(); t && !t->end) {
      const TimelineRow* row = r.milestone(Milestone::first_signal);
      DueItem i = item(DueItem::Kind::triage, 0, row ? row->at.loc.mark : r.root.mark, "triage window");
      i.detail = "triage_completed not recorded; window from the first signal at " + format_hhmm(t->start);
      set_minute_deadline(i, t->deadline, e.now());
      out.push_back(std::move(i));
    }
    if (const UpdatePromise* p = e.pending_promise()) {
      const Communication& c = r.comms()[p->index];
      DueItem i = item(DueItem::Kind::customer_update, p->index, c.next_update_by.loc.mark, "customer update");
      i.detail = "next update promised by " + comm_label(c);
      set_minute_deadline(i, p->due, e.now());
      out.push_back(std::move(i));
    }
  }

  // "FACT CONFIRMATION — complete before any external communication" and "All owners must be
  // confirmed before the first customer update is sent": while nothing has gone to the customer,
  // what is still unconfirmed blocks the initial notification. No deadline of its own: due now.
  if (r.comms().empty()) {
    const std::vector<Missing> missing = facts_or_owners_unconfirmed(r);
    if (!missing.empty()) {
      DueItem i = item(DueItem::Kind::confirm_first, 0, missing.front().loc.mark, "confirm facts/owners");
      std::vector<std::string> keys;
      for (const Missing& m : missing) keys.push_back(m.key());
      i.detail = "before the initial notification: " + join_and(keys);
      set_now(i, e.now());
      out.push_back(std::move(i));
    }
  }
  // "At key milestones": a stakeholder not reached by a communication since a key milestone.
  for (const MilestoneUpdate& u : milestone_updates_due(r, e.now())) {
    const Stakeholder& s = (*r.stakeholders)[u.stakeholder];
    const TimelineRow* row = r.milestone(u.milestone);
    DueItem i = item(DueItem::Kind::stakeholder_update, u.stakeholder, row ? row->at.loc.mark : r.root.mark,
                     "stakeholder update");
    const std::string who = (s.name && !s.name->empty() ? *s.name + " (" : std::string("the (")) +
                            (s.role ? std::string(role_title(*s.role)) : std::string("stakeholder")) + ")";
    i.detail = who + " hears at key milestones: " + std::string(milestone_title(u.milestone)) + " at " +
               format_hhmm(u.reached_at) + (u.last ? " came after " + comm_label(r.comms()[*u.last]) + ", the last update they had"
                                                   : std::string(", and no communication has reached them"));
    set_now(i, e.now());
    out.push_back(std::move(i));
  }

  const Mark resolved_mark = [&] {
    const TimelineRow* row = r.milestone(Milestone::resolution_confirmed);
    return row ? row->at.loc.mark : r.root.mark;
  }();
  if (e.resolved() && e.pir_schedule() && !r.pir.scheduled_for) {
    const PirDeadline& d = *e.pir_schedule();
    DueItem i = item(DueItem::Kind::pir_schedule, 0, resolved_mark, "PIR to schedule");
    i.detail = "review meeting by the " + ordinal(d.business_days) + " business day after resolution on " +
               format_iso_date(d.resolved);
    set_day_deadline(i, d.date, e.now());
    out.push_back(std::move(i));
  }
  if (e.resolved() && e.pir_delivery() && !r.pir.delivered_at) {
    const PirDeadline& d = *e.pir_delivery();
    DueItem i = item(DueItem::Kind::pir_delivery, 0, resolved_mark, "PIR to deliver");
    i.detail = "written PIR to the customer by the " + ordinal(d.business_days) +
               " business day after resolution on " + format_iso_date(d.resolved);
    set_day_deadline(i, d.date, e.now());
    out.push_back(std::move(i));
  }
  for (const CommitmentState& s : e.commitments()) {
    if (s.state == CommitmentState::State::done || !s.due) continue;
    const Commitment& c = (*r.readout.commitments)[s.index];
    DueItem i = item(DueItem::Kind::commitment, s.index, c.due.loc.mark, "commitment");
    i.detail = c.commitment && !c.commitment->empty() ? *c.commitment : "commitment #" + std::to_string(s.index + 1);
    if (c.owner && !c.owner->empty()) i.owner = *c.owner;
    set_day_deadline(i, *s.due, e.now());
    out.push_back(std::move(i));
  }
  std::stable_sort(out.begin(), out.end(), [](const DueItem& a, const DueItem& b) { return a.due < b.due; });
  return out;
}

}  // namespace esc::model
