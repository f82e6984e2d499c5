// commitment-overdue: a follow-up commitment's due date is before --now.
#include "core/text.h"
#include "load/presence.h"
#include "model/describe.h"
#include "rules/rule.h"

namespace esc {

namespace {

void check(const RuleContext& ctx, Findings& findings) {
  const Date today = utc_date(ctx.now);
  for (const model::CommitmentState& s : model::commitment_states(ctx.record, ctx.now)) {
    // Due today is not overdue; a delivered commitment, on time or late, is not a promise open.
    if (s.state != model::CommitmentState::State::overdue) continue;
    const Commitment& c = (*ctx.record.readout.commitments)[s.index];
    std::string message = model::describe_commitment(c, s.index);
    if (c.owner && !is_placeholder_value(*c.owner)) message += ", owned by " + *c.owner + ",";
    message += " was due on " + format_iso_date(*c.due) + " and is " +
               describe_days(s.days_overdue) + " overdue (now " +
               format_iso_date(today) + "): deliver it or agree a new date with the customer";
    findings.add(c.due.loc, message);
  }
}

}  // namespace

extern const RuleInfo kCommitmentOverdueRule = {
    .rule = RuleId::commitment_overdue,
    .summary = "a commitment's due date before --now",
    .description =
        "A `readout.commitments` item whose `due` date is before the UTC date of `--now` is "
        "overdue; one warning per commitment, at its `due`. A commitment due today is not "
        "overdue, and neither is one that was delivered: `done: true`, or a `done_at` date "
        "(with a `reference` saying where the delivery is recorded). The record's status does "
        "not matter: commitments outlive the escalation.",
    .rationale =
        "The Exec Readout companion format lists \"Follow-up commitments and owner\" with a due "
        "date. They are promises to the customer made at the end of an escalation; a missed "
        "one reopens the wound the escalation closed.",
    .bad_example =
        "# checked with --now 2026-12-16T09:00:00Z\n"
        "readout:\n"
        "  commitments:\n"
        "    - commitment: Automate certificate renewal for all payment endpoints\n"
        "      owner: Sam Okafor\n"
        "      due: 2026-12-15\n",
    .good_example =
        "# checked with --now 2026-12-16T09:00:00Z: delivered, so no longer open\n"
        "readout:\n"
        "  commitments:\n"
        "    - commitment: Automate certificate renewal for all payment endpoints\n"
        "      owner: Sam Okafor\n"
        "      due: 2026-12-15\n"
        "      done: true\n"
        "      done_at: 2026-12-14\n"
        "      reference: OPS-2291\n",
    .check = check,
};

}  // namespace esc
