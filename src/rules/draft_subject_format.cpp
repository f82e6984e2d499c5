// draft-subject-format: the subject is not "ACCOUNT — Escalation Opened|Update #N|Resolved: TITLE".
#include "rules/draft_lint.h"
#include "rules/rule.h"

namespace esc {

namespace {

constexpr std::string_view kTemplate = "ACCOUNT — Escalation Opened|Update #N|Resolved: TITLE";

void check(const DraftContext& ctx, DraftFindings& findings) {
  const Draft& d = ctx.draft;
  if (!d.subject) {
    findings.add({1, 1}, std::string(d.format == DraftFormat::email ? "the message has no Subject header"
                                                                    : "the draft has no subject line") +
                             "; start it with \"Subject: " + std::string(kTemplate) +
                             "\" so the customer and the type checks know which update this is");
    return;
  }
  if (d.subject->empty()) {
    findings.add(d.subject_mark(0), "the subject is empty; write \"" + std::string(kTemplate) + "\"");
    return;
  }
  if (!ctx.subject.type) {
    findings.add(d.subject_mark(0), "subject \"" + quote_excerpt(*d.subject) +
                                        "\" matches none of the three templates (\"" + std::string(kTemplate) +
                                        "\"), so the draft's type is unknown and the template's fields were "
                                        "not checked");
    return;
  }
  if (ctx.subject.problem) findings.add(d.subject_mark(ctx.subject.problem->offset), ctx.subject.problem->message);
}

}  // namespace

extern const RuleInfo kDraftSubjectFormatRule = {
    .rule = RuleId::draft_subject_format,
    .summary = "subject not \"ACCOUNT — Escalation Opened|Update #N|Resolved: TITLE\"",
    .description =
        "The subject must follow the playbook's templates: the account, a spaced em dash, then "
        "`Escalation Opened`, `Escalation Update #N` or `Escalation Resolved`, a colon and the "
        "title. The subject also decides the draft's type (initial notification, progress "
        "update, resolution notification), which decides the fields `draft-missing-field` "
        "requires. A draft without a subject, or whose subject names none of the three, gets "
        "one finding and its template fields are not checked. Otherwise the first departure "
        "from the template is reported (a hyphen instead of the em dash, `Update 2` instead of "
        "`Update #2`, a missing title).",
    .rationale =
        "The subject is how the customer and everyone on copy thread and find the updates of "
        "one escalation: \"Subject: [ACCOUNT NAME] — Escalation Update [#N]: [BRIEF "
        "DESCRIPTION]\".",
    .bad_example = "Subject: Northwind Logistics - Escalation Update 2 - card payments\n",
    .good_example = "Subject: Northwind Logistics — Escalation Update #2: Card payments declined at EU checkout\n",
    .draft_check = check,
};

}  // namespace esc
