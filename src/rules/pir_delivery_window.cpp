// pir-delivery-window: the written PIR reached the customer later than 10 business days after
// resolution, or has not reached them and that deadline has passed.
#include "rules/group_c_helpers.h"
#include "rules/record_facts.h"
#include "rules/rule.h"

namespace esc {

namespace {

void check(const RuleContext& ctx, Findings& findings) {
  const Record& r = ctx.record;
  const Val<Date>& delivered = r.pir.delivered_at;
  if (delivered) {
    const auto deadline = group_c::resolution_deadline(ctx, group_c::kPirDeliveryDays);
    if (!deadline || *delivered <= deadline->date) return;
    findings.add(delivered.loc,
                 "the written PIR was delivered on " + format_iso_date(*delivered) +
                     ", later than " + group_c::describe_deadline(*deadline),
                 {group_c::resolution_note(*deadline)});
    return;
  }
  if (!is_resolved(r)) return;
  // A written but invalid delivered_at is the schema rule's finding.
  if (group_c::key_written(delivered, r.pir.loc)) return;
  const auto deadline = group_c::resolution_deadline(ctx, group_c::kPirDeliveryDays);
  if (!deadline || utc_date(ctx.now) <= deadline->date) return;
  findings.add(group_c::value_or_section(delivered.loc, r.pir.loc),
               "the written PIR has not been delivered (no pir.delivered_at) and was due by " +
                   group_c::describe_deadline(*deadline) + "; deliver it and record the date",
               {group_c::resolution_note(*deadline)});
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
