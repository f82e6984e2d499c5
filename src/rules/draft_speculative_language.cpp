// speculative-language in drafts: the record rule's check (same id, same detector,
// find_speculative) applied to a draft's subject and body. Documented once, by the record rule.
#include "core/text.h"
#include "rules/draft_lint.h"

namespace esc {

namespace {

std::string finding(const TextMatch& m) {
  return concat({"'", quote_excerpt(m.text), "' is speculative language; state confirmed facts only"});
}

void check(const DraftContext& ctx, DraftFindings& findings) {
  if (ctx.draft.subject)
    for (const TextMatch& m : find_speculative(*ctx.draft.subject)) findings.add(ctx.draft.subject_mark(m.offset), finding(m));
  for (const TextMatch& m : find_speculative(ctx.draft.body)) {
    if (ctx.in_footer(m.offset)) continue;
    // Plans and promises may look ahead, as in the record rule.
    if (const Field* f = ctx.field_at(m.offset);
        f && (f->label == Label::next_action || f->label == Label::preventative_measures ||
              f->label == Label::next_update_by))
      continue;
    findings.add(ctx.draft.body_mark(m.offset), finding(m));
  }
}

}  // namespace

// Listed by the record rule's row (speculative_language.cpp), which is its documentation too.
void check_draft_speculative_language(const DraftContext& ctx, DraftFindings& findings) { check(ctx, findings); }

}  // namespace esc
