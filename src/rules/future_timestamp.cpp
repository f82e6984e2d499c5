// future-timestamp: something that already happened is stamped after --now.
#include <string>

#include "rules/group_b_helpers.h"
#include "rules/record_facts.h"
#include "rules/rule.h"

namespace esc {

namespace {

using namespace group_b;

void check_instant(const RuleContext& ctx, const Val<Timestamp>& v, const std::string& what,
                   Findings& findings) {
  if (!v || v->utc <= ctx.now) return;
  findings.add(v.loc, what + " is " + format_short(v->utc) + ", " + describe_span(v->utc - ctx.now) +
                          " after now (" + format_short(ctx.now) +
                          "): it records something that already happened, so it cannot be in the "
                          "future; correct the date and time");
}

std::string describe_row(const TimelineRow& row) {
  if (row.milestone) return "the " + std::string(name_of(*row.milestone)) + " milestone's time";
  if (row.event && !row.event->empty()) return "the time of the timeline event \"" + *row.event + "\"";
  return "the time of a timeline event";
}

void check(const RuleContext& ctx, Findings& findings) {
  const Record& r = ctx.record;
  if (r.timeline)
    for (const TimelineRow& row : *r.timeline) check_instant(ctx, row.at, describe_row(row), findings);
  for (const Communication& c : r.comms())
    check_instant(ctx, c.sent_at, comm_name(c) + "'s sent_at", findings);
  check_instant(ctx, r.facts.confirmed_at, "facts.confirmed_at", findings);
  check_instant(ctx, r.owners_confirmed_at, "owners_confirmed_at", findings);
  // A delivery date (or a timestamp, compared by its UTC date) is late only from the next day.
  const Val<Date>& delivered = r.pir.delivered_at;
  if (delivered && *delivered > utc_date(ctx.now))
    findings.add(delivered.loc, "pir.delivered_at is " + format_iso_date(*delivered) + ", after today (" +
                                    format_iso_date(utc_date(ctx.now)) +
                                    " UTC): a PIR cannot have been delivered in the future; correct the "
                                    "date, or remove it until the PIR is delivered");
}

}  // namespace

extern const RuleInfo kFutureTimestampRule = {
    .id = "future-timestamp",
    .default_severity = Severity::error,
    .kind = RuleKind::record,
    .summary = "a past event stamped after --now",
    .description =
        "Times of things that already happened may not be later than now (`--now`, default the "
        "current time): every timeline row's `at` (milestones and free events), every "
        "communication's `sent_at`, `facts.confirmed_at`, `owners_confirmed_at`, and "
        "`pir.delivered_at` — a date, or a timestamp compared by its UTC date, which may be today "
        "but not after today's UTC date. Exactly now passes. Promises and plans are never checked: "
        "`next_update_by`, `next_action.eta`, `pir.scheduled_for`, `pir_share_by` and commitment "
        "`due` dates may lie in the future.",
    .rationale =
        "The record is the escalation's history: the playbook asks for timestamped events "
        "(\"TIMESTAMP (UTC)\" in the timeline, \"Sent at (UTC)\" on every update). A past event "
        "stamped in the future is a typo (usually the day or the month) that makes every rule "
        "built on that time — promises kept, PIR deadlines, the readout timeline — quietly wrong.",
    .bad_example =
        "# checked with --now 2026-11-20T12:00:00Z\n"
        "timeline:\n"
        "  - {milestone: pir_scheduled, at: 2026-12-03T09:00:00Z, confirmed_by: Aoife Brennan, owner: Dana Whitfield}\n",
    .good_example =
        "# checked with --now 2026-11-20T12:00:00Z\n"
        "timeline:\n"
        "  - {milestone: pir_scheduled, at: 2026-11-03T09:00:00Z, confirmed_by: Aoife Brennan, owner: Dana Whitfield}\n",
    .check = check,
};

}  // namespace esc
