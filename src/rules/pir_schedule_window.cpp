// pir-schedule-window: the post-incident review meeting is later than 5 business days after
// resolution.
#include "core/text.h"
#include "load/presence.h"
#include "model/describe.h"
#include "rules/rule.h"

namespace esc {

namespace {

void check(const RuleContext& ctx, Findings& findings) {
  const Val<Timestamp>& scheduled = ctx.record.pir.scheduled_for;
  if (!scheduled) return;  // not scheduled: pir-scheduled
  const auto deadline = model::pir_deadline(ctx.record, ctx.calendar, model::kPirScheduleDays);
  if (!deadline) return;  // no resolution_confirmed timestamp: timeline-milestones
  // SPEC 9: a timestamp is compared by its UTC date; any time on the deadline date is in time.
  const Date meeting = utc_date(scheduled->utc);
  if (meeting <= deadline->date) return;
  findings.add(scheduled.loc,
               "the PIR is scheduled for " + format_short(scheduled->utc) + ", later than " +
                   model::describe_deadline(*deadline, ctx.config, format_short_date(deadline->date)),
               {model::resolution_note(ctx.record)});
}

}  // namespace

extern const RuleInfo kPirScheduleWindowRule = {
    .rule = RuleId::pir_schedule_window,
    .summary = "PIR scheduled later than 5 business days after resolution_confirmed",
    .description =
        "`pir.scheduled_for` (the review meeting itself, not the `pir_scheduled` milestone that "
        "records when it was booked) must fall on or before the 5th business day after the UTC "
        "date of `resolution_confirmed`. That date is day 0 and is never counted; weekends, the "
        "configured holiday calendar and extra `holidays:` are skipped. The meeting is compared "
        "by its UTC date, so any time on the 5th business day is in time. For a resolution on "
        "Wed 23 Dec 2026 with the england-and-wales calendar the 5th business day is Mon 4 Jan "
        "2027 (Christmas, Boxing Day's substitute and New Year's Day are skipped); with "
        "`calendar: none` it is Wed 30 Dec 2026.",
    .rationale =
        "The playbook's post-incident review: \"Schedule within 5 business days of resolution. "
        "Attend with: Escalation Lead, Engineering Lead, CSM, Customer Primary Contact.\" The "
        "review is most useful while the incident is fresh in everyone's mind.",
    .bad_example =
        "timeline:\n"
        "  - milestone: resolution_confirmed\n"
        "    at: 2026-11-02T10:20:00Z          # Monday: day 0\n"
        "pir:\n"
        "  scheduled_for: 2026-11-10T14:00:00Z # the 6th business day\n",
    .good_example =
        "timeline:\n"
        "  - milestone: resolution_confirmed\n"
        "    at: 2026-11-02T10:20:00Z          # Monday: day 0\n"
        "pir:\n"
        "  scheduled_for: 2026-11-09T14:00:00Z # the 5th business day\n",
    .check = check,
};

}  // namespace esc
