// pir-promise: the resolution notification promises the PIR document later than the playbook's
// 10 business days after resolution.
#include "core/text.h"
#include "load/presence.h"
#include "model/describe.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

void check(const RuleContext& ctx, Findings& findings) {
  const Communication* resolution = resolution_communication(ctx.record);
  // A missing pir_share_by is comms-complete's finding (the template needs it).
  if (!resolution || !resolution->pir_share_by) return;
  const auto deadline = model::pir_deadline(ctx.record, ctx.calendar, model::kPirDeliveryDays);
  if (!deadline) return;  // no resolution_confirmed timestamp: timeline-milestones
  const Date promised = *resolution->pir_share_by;
  if (promised <= deadline->date) return;
  findings.add(resolution->pir_share_by.loc,
               "pir_share_by " + format_iso_date(promised) + " is later than " +
                   model::describe_deadline(*deadline, ctx.config),
               {model::resolution_note(ctx.record)});
}

}  // namespace

extern const RuleInfo kPirPromiseRule = {
    .rule = RuleId::pir_promise,
    .summary = "resolution comm's pir_share_by later than 10 business days after resolution",
    .description =
        "The resolution notification's `pir_share_by` (the date the customer is told the "
        "post-incident review document will be shared by) must be on or before the 10th business "
        "day after the UTC date of the `resolution_confirmed` milestone. That date is day 0 and "
        "is never counted; weekends, the configured holiday calendar (`calendar:`, default "
        "england-and-wales bank holidays) and extra `holidays:` are skipped. The 10th business "
        "day itself is in time. Records without a resolution notification, a `pir_share_by` or "
        "a `resolution_confirmed` timestamp are left to `comms-sequence`, `comms-complete` and "
        "`timeline-milestones`.",
    .rationale =
        "The playbook says \"Deliver written PIR to customer within 10 business days\", and the "
        "resolution template promises it: \"A post-incident review document will be shared by "
        "[date]\". Promising a later date writes a broken playbook commitment into the "
        "customer's inbox.",
    .bad_example =
        "timeline:\n"
        "  - milestone: resolution_confirmed\n"
        "    at: 2026-11-02T10:20:00Z     # Monday: day 0\n"
        "communications:\n"
        "  - type: resolution\n"
        "    pir_share_by: 2026-11-17     # the 11th business day\n",
    .good_example =
        "timeline:\n"
        "  - milestone: resolution_confirmed\n"
        "    at: 2026-11-02T10:20:00Z     # Monday: day 0\n"
        "communications:\n"
        "  - type: resolution\n"
        "    pir_share_by: 2026-11-16     # the 10th business day\n",
    .check = check,
};

}  // namespace esc
