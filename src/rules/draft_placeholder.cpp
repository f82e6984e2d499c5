// draft-placeholder: unfilled template fields left in a draft.
#include "rules/draft_lint.h"
#include "rules/rule.h"

namespace esc {

namespace {

void check(const DraftContext& ctx, DraftFindings& findings) {
  for (const TextMatch& m : ctx.subject_placeholders)
    findings.add(ctx.draft.subject_mark(m.offset),
                 "unfilled placeholder '" + quote_excerpt(m.text) + "' in the subject; fill it in before sending");
  for (const TextMatch& m : ctx.body_placeholders) {
    std::string where;
    if (const Field* f = ctx.field_at(m.offset)) {
      std::string_view label = label_text(f->label);
      if (label.ends_with(':')) label.remove_suffix(1);
      where = " in '" + std::string(label) + "'";
    }
    findings.add(ctx.draft.body_mark(m.offset),
                 "unfilled placeholder '" + quote_excerpt(m.text) + "'" + where + "; fill it in before sending");
  }
}

}  // namespace

extern const RuleInfo kDraftPlaceholderRule = {
    .rule = RuleId::draft_placeholder,
    .summary = "unfilled template fields: [Customer Name], _____, TBD, TODO, XX, <NAME>, {{...}}",
    .description =
        "Finds what the playbook's templates leave to be filled in, in the subject and the "
        "body: the templates' bracketed fields (`[ACCOUNT NAME]`, `[Customer Name]`, `[Date and "
        "time — do not miss this commitment]`, `[Name, title, direct contact]`, ... in any "
        "case and with any dash), brackets that ask for text (`[Insert ...]`, `[Your name]`, "
        "`[Contact name]`, `[DATE]`: every word a field word), runs of three or more "
        "underscores, whole-word `TBD`, `TBC`, `TODO`, `XX` or more X's (a hyphen joins words: "
        "`XX-large` is a size), `<...>` that is not an e-mail address, URL or HTML tag, and "
        "`{{...}}`. Other bracketed text is not a placeholder: a mail gateway's `[EXTERNAL]` "
        "subject tag or a banner `[Confidential – for Northwind Logistics only]`. Each one is "
        "a finding at its first character. Placeholders on the internal footer line are left "
        "to `draft-internal-footer`, and a field whose value is a placeholder gets only this "
        "finding (not also `draft-status-value` or `draft-next-update`).",
    .rationale =
        "\"TEMPLATE — complete all fields before sending\". A customer who reads \"[Customer "
        "Name],\" knows they are reading a form letter in the middle of an outage.",
    .bad_example = "[Customer Name],\n\nCurrent status: Contained\nImpact: TBD\n",
    .good_example = "Priya Raman,\n\nCurrent status: Contained\nImpact: All card payments through the EU checkout were declined.\n",
    .draft_check = check,
};

}  // namespace esc
