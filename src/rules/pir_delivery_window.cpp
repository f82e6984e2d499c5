// pir-delivery-window: the written PIR reached the customer later than 10 business days after
// resolution, or has not reached them and that deadline has passed.
#include "core/text.h"
#include "load/presence.h"
#include "model/describe.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

void check(const RuleContext& ctx, Findings& findings) {
  const Record& r = ctx.record;
  const Val<Date>& delivered = r.pir.delivered_at;
  if (delivered) {
    const auto deadline = model::pir_deadline(ctx.record, ctx.calendar, model::kPirDeliveryDays);
    if (!deadline || *delivered <= deadline->date) return;
    findings.add(delivered.loc,
                 "the written PIR was delivered on " + format_iso_date(*delivered) +
                     ", later than " + model::describe_deadline(*deadline, ctx.config),
                 {model::resolution_note(ctx.record)});
    return;
  }
  if (!is_resolved(r)) return;
  // A written but invalid delivered_at is the schema rule's finding.
  if (key_written(delivered, r.pir.loc)) return;
  const auto deadline = model::pir_deadline(ctx.record, ctx.calendar, model::kPirDeliveryDays);
  if (!deadline || utc_date(ctx.now) <= deadline->date) return;
  findings.add(value_or_section(delivered.loc, r.pir.loc),
               "the written PIR has not been delivered (no pir.delivered_at) and was due by " +
                   model::describe_deadline(*deadline, ctx.config) + "; deliver it and record the date",
               {model::resolution_note(ctx.record)});
}

}  // namespace

extern const RuleInfo kPirDeliveryWindowRule = {
    .rule = RuleId::pir_delivery_window,
    .summary = "PIR delivered later than 10 business days after resolution, or undelivered past that deadline",
    .description =
        "`pir.delivered_at` (a date, or a timestamp compared by its UTC date) must be on or "
        "before the 10th business day after the UTC date of `resolution_confirmed` (day 0, never "
        "counted; weekends, the configured holiday calendar and extra `holidays:` are skipped). "
        "On a resolved record without `pir.delivered_at`, the rule fires once `--now`'s UTC date "
        "is after that 10th business day; on the day itself the PIR is still in time.",
    .rationale =
        "The playbook's post-incident review: \"Deliver written PIR to customer within 10 "
        "business days.\" The customer was promised the document in the resolution notification; "
        "a late or forgotten PIR undoes the trust the escalation rebuilt.",
    .bad_example =
        "timeline:\n"
        "  - milestone: resolution_confirmed\n"
        "    at: 2026-11-02T10:20:00Z   # Monday: day 0\n"
        "pir:\n"
        "  delivered_at: 2026-11-17     # the 11th business day\n",
    .good_example =
        "timeline:\n"
        "  - milestone: resolution_confirmed\n"
        "    at: 2026-11-02T10:20:00Z   # Monday: day 0\n"
        "pir:\n"
        "  delivered_at: 2026-11-12\n",
    .check = check,
};

}  // namespace esc
