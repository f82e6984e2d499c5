// commitment-incomplete: a follow-up commitment in the exec readout has no owner or no due date.
#include "core/text.h"
#include "load/presence.h"
#include "model/describe.h"
#include "rules/rule.h"

namespace esc {

namespace {

void check(const RuleContext& ctx, Findings& findings) {
  const auto& commitments = ctx.record.readout.commitments;
  if (!commitments) return;
  for (std::size_t i = 0; i < commitments->size(); ++i) {
    const Commitment& c = (*commitments)[i];
    // Only a key that is not written at all is ours: an owner written as a placeholder is
    // owner-missing's, and a value of the wrong type (a due date that is not a date) is schema's.
    const bool no_owner = !key_written(c.owner, c.loc);
    const bool no_due = !key_written(c.due, c.loc);
    if (!no_owner && !no_due) continue;
    const std::string what = no_owner && no_due ? "no owner and no due date"
                              : no_owner        ? "no owner"
                                                : "no due date";
    const std::string fix = no_owner && no_due ? "add `owner:` and `due: YYYY-MM-DD`"
                            : no_owner         ? "add `owner:` naming who delivers it"
                                               : "add `due: YYYY-MM-DD`";
    findings.add(c.loc, model::describe_commitment(c, i) + " has " + what + ": " + fix);
  }
}

}  // namespace

extern const RuleInfo kCommitmentIncompleteRule = {
    .rule = RuleId::commitment_incomplete,
    .summary = "a follow-up commitment without owner or due date",
    .description =
        "Every item of `readout.commitments` must have an `owner` and a `due` date, whatever "
        "the record's status. One finding per commitment names what is missing, at the "
        "commitment. An owner that is written but empty or a placeholder (`TBD`, `[Name]`) is "
        "`owner-missing`'s finding, and a `due` that is not a valid date is `schema`'s.",
    .rationale =
        "The Exec Readout companion format ends with \"Follow-up commitments and owner\" in "
        "three columns: COMMITMENT, OWNER, DUE DATE. A commitment without an owner is nobody's "
        "job; one without a date is never late, so it never gets done.",
    .bad_example =
        "readout:\n"
        "  commitments:\n"
        "    - commitment: Automate certificate renewal for all payment endpoints\n"
        "      owner: Sam Okafor\n",
    .good_example =
        "readout:\n"
        "  commitments:\n"
        "    - commitment: Automate certificate renewal for all payment endpoints\n"
        "      owner: Sam Okafor\n"
        "      due: 2026-12-15\n",
    .check = check,
};

}  // namespace esc
