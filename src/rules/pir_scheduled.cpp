// pir-scheduled: a resolved record whose post-incident review is not scheduled — an error once
// the 5-business-day deadline has passed, a reminder (info) while it is still ahead.
#include "core/text.h"
#include "load/presence.h"
#include "model/describe.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

void check(const RuleContext& ctx, Findings& findings) {
  const Record& r = ctx.record;
  if (!is_resolved(r)) return;
  const Val<Timestamp>& scheduled = r.pir.scheduled_for;
  // A written but invalid scheduled_for is the schema rule's finding.
  if (key_written(scheduled, r.pir.loc)) return;
  const auto deadline = model::pir_deadline(ctx.record, ctx.calendar, model::kPirScheduleDays);
  if (!deadline) return;  // no resolution_confirmed timestamp: timeline-milestones
  const Loc& where = value_or_section(scheduled.loc, r.pir.loc);
  const std::string missing = r.pir.present ? "no pir.scheduled_for" : "no pir section";
  if (utc_date(ctx.now) > deadline->date) {
    findings.add(where,
                 "the PIR is not scheduled (" + missing + ") and its window closed on " +
                     model::describe_deadline(*deadline, ctx.config, format_human_date(deadline->date)),
                 {model::resolution_note(ctx.record)});
  } else {
    findings.remind(
        where,
        "the PIR is not scheduled yet (" + missing + "): schedule it for no later than " +
            model::describe_deadline(*deadline, ctx.config, format_human_date(deadline->date)),
        {model::resolution_note(ctx.record)});
  }
}

}  // namespace

extern const RuleInfo kPirScheduledRule = {
    .rule = RuleId::pir_scheduled,
    .summary = "resolved, PIR not scheduled, and the 5-business-day deadline has passed (info while still in time)",
    .description =
        "On a resolved record, `pir.scheduled_for` (when the post-incident review meeting is) "
        "must be set. The deadline is the 5th business day after the UTC date of "
        "`resolution_confirmed` (day 0, never counted; weekends and the configured holiday "
        "calendar are skipped). While `--now`'s UTC date is on or before the deadline the "
        "finding is an info-level reminder naming the day; from the day after it is an error. "
        "A scheduled PIR that is too late is `pir-schedule-window`'s finding; the "
        "`pir_scheduled` timeline milestone (when it was booked) does not count as a schedule.",
    .rationale =
        "The playbook's post-incident review: \"Schedule within 5 business days of resolution.\" "
        "A review that is never scheduled is how lessons get lost once the pressure is off.",
    .bad_example =
        "status: resolved\n"
        "timeline:\n"
        "  - milestone: resolution_confirmed\n"
        "    at: 2026-11-02T10:20:00Z\n"
        "pir:\n"
        "  attendees: [escalation_lead, engineering_lead, csm, customer_primary]\n",
    .good_example =
        "status: resolved\n"
        "timeline:\n"
        "  - milestone: resolution_confirmed\n"
        "    at: 2026-11-02T10:20:00Z\n"
        "pir:\n"
        "  scheduled_for: 2026-11-05T14:00:00Z\n"
        "  attendees: [escalation_lead, engineering_lead, csm, customer_primary]\n",
    .check = check,
};

}  // namespace esc
