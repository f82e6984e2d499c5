#include "model/due.h"

#include <algorithm>

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
