// triage-genuine: the escalation has not been confirmed genuine.
#include "rules/rule.h"

namespace esc {

namespace {

void check(const RuleContext& ctx, Findings& findings) {
  const Val<bool>& genuine = ctx.record.triage.genuine;
  // A missing key is the schema rule's finding; only a present `false` is ours.
  if (genuine && !*genuine)
    findings.add(genuine.loc,
                 "triage.genuine is false: confirm the escalation is genuine (not a routine support "
                 "ticket mislabelled) before working it as an escalation");
}

}  // namespace

extern const RuleInfo kTriageGenuineRule = {
    .rule = RuleId::triage_genuine,
    .summary = "triage.genuine is not true",
    .description =
        "The first item of the triage checklist: `triage.genuine` must be `true`, meaning the "
        "escalation lead confirmed this is a real escalation and not a routine support ticket "
        "that was mislabelled.",
    .rationale =
        "The playbook's initial triage starts with \"Confirm escalation is genuine\". Running "
        "the escalation machinery on a mislabelled ticket wastes executive attention and "
        "teaches people to ignore escalations.",
    .bad_example = "triage:\n  genuine: false\n",
    .good_example = "triage:\n  genuine: true\n",
    .check = check,
};

}  // namespace esc
