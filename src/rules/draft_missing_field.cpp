// draft-missing-field: a label the draft's template requires is missing, or has no value.
#include <algorithm>

#include "core/text.h"
#include "rules/draft_lint.h"
#include "rules/rule.h"

namespace esc {

namespace {

std::string bare(Label l) {
  std::string_view t = label_text(l);
  if (t.ends_with(':')) t.remove_suffix(1);
  return std::string(t);
}

void check(const DraftContext& ctx, DraftFindings& findings) {
  if (!ctx.subject.type) return;  // no type, no template: draft-subject-format says so
  const DraftType type = *ctx.subject.type;
  // A missing field has no place of its own: it points at the subject, which chose the template.
  const Mark at{ctx.draft.subject_line, 1};
  for (Label required : required_labels(type)) {
    auto found = std::find_if(ctx.fields.begin(), ctx.fields.end(), [&](const Field& f) { return f.label == required; });
    if (found == ctx.fields.end()) {
      const std::string label = required == Label::update_as_of ? "Update as of [timestamp]:"
                                                                : std::string(label_text(required));
      findings.add(at, "the " + std::string(describe(type)) + " has no '" + label + "' line; the template requires it");
    }
  }
  // Present but empty. An empty status or next-update time is those rules' finding.
  for (const Field& f : ctx.fields) {
    if (f.label == Label::current_status || f.label == Label::next_update_by) continue;
    if (f.value_end > f.value_offset) continue;
    findings.add(ctx.draft.body_mark(f.label_offset), concat({"'", bare(f.label), "' has no value; fill it in before sending"}));
  }
  if (type == DraftType::resolution && ctx.pir_dates.empty())
    findings.add(at, "the resolution notification does not say when the post-incident review document will be "
                     "shared (\"A post-incident review document will be shared by [date].\")");
}

}  // namespace

extern const RuleInfo kDraftMissingFieldRule = {
    .rule = RuleId::draft_missing_field,
    .summary = "a label the template requires is missing (Current status:, Impact:, Next update by: ...)",
    .description =
        "The subject says which template the draft follows; each template's labels must be "
        "there. Initial notification: `Current status:`, `Impact:`, `Next update by:`, "
        "`Escalation Lead:`. Progress update: `Update as of [timestamp]:`, `Progress since last "
        "update:`, `Current status:`, `Next action:`, `Next update by:`, `Escalation Lead:`. "
        "Resolution notification: `Resolution summary:`, `Actions taken:`, `Preventative "
        "measures:`, `Escalation Lead:` and the sentence saying when the post-incident review "
        "document will be shared. Labels are found at the start of a line in any case (markdown "
        "`**Impact:**` too) or inside a line as the template capitalises them. A missing label "
        "points at the subject line (which chose the template); a label with nothing after it "
        "points at the label. A missing `Next update by:` line is this rule's finding; one that "
        "is present but wrong is `draft-next-update`'s.",
    .rationale =
        "\"TEMPLATE — complete all fields before sending\": every field answers a question the "
        "customer will otherwise ask — how bad is it, what is the status, who owns it, when do "
        "we hear next.",
    .bad_example =
        "Subject: Northwind Logistics — Escalation Opened: Card payments declined at EU checkout\n\n"
        "Priya Raman,\n\nCurrent status: Contained\n\nEscalation Lead: Dana Whitfield, Head of Customer "
        "Operations, dana.whitfield@example.com\n",
    .good_example =
        "Subject: Northwind Logistics — Escalation Opened: Card payments declined at EU checkout\n\n"
        "Priya Raman,\n\nCurrent status: Contained\nImpact: All card payments through the EU checkout were "
        "declined between 08:00 and 08:35 UTC.\nNext update by: Monday 2 November 2026, 09:45 UTC\n\n"
        "Escalation Lead: Dana Whitfield, Head of Customer Operations, dana.whitfield@example.com\n",
    .draft_check = check,
};

}  // namespace esc
