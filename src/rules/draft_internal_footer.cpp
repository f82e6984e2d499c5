// draft-internal-footer: the template's internal "Owner: ... Sent at (UTC): ..." line left in.
#include "rules/draft_lint.h"
#include "rules/rule.h"

namespace esc {

namespace {

void check(const DraftContext& ctx, DraftFindings& findings) {
  for (const Span& line : ctx.footer)
    findings.add(ctx.draft.body_mark(line.begin),
                 "the internal footer \"Owner: ... Sent at (UTC): ...\" is still in the draft; it belongs in the "
                 "incident record, not in the customer's inbox: delete the line");
}

}  // namespace

extern const RuleInfo kDraftInternalFooterRule = {
    .rule = RuleId::draft_internal_footer,
    .summary = "the internal \"Owner: ... Sent at (UTC): ...\" line left in",
    .description =
        "The playbook's templates end with `Owner: _____ Sent at (UTC): _____`, a line for the "
        "team's own log. A line that starts with `Owner:` or holds `Sent at (UTC):` is reported "
        "once, at its first character; its underscores are not also reported as placeholders.",
    .rationale =
        "The owner and send time go into the record's `communications` entry; in the email they "
        "show the customer the team's internal form.",
    .bad_example = "Escalation Lead: Dana Whitfield, Head of Customer Operations, dana.whitfield@example.com\n\n"
                   "Owner: _____ Sent at (UTC): _____\n",
    .good_example = "Escalation Lead: Dana Whitfield, Head of Customer Operations, dana.whitfield@example.com\n",
    .draft_check = check,
};

}  // namespace esc
