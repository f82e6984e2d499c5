// readout-sla: the SLA was breached but the exec readout does not say how.
#include "core/text.h"
#include "load/presence.h"
#include "model/describe.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

void check(const RuleContext& ctx, Findings& findings) {
  // Like the other readout content, the breach detail is required once the record is resolved
  // (SPEC 9); an ongoing record's readout is a draft.
  if (!is_resolved(ctx.record)) return;
  const Val<Sla>& sla = ctx.record.triage.impact.sla;
  if (!sla || *sla != Sla::breached) return;
  const Readout& readout = ctx.record.readout;
  const Text& detail = readout.sla_breach_detail;
  const auto why = why_unfilled(detail, readout.loc);
  if (!why) return;
  findings.add(value_or_section(detail.loc, readout.loc),
               "triage.impact.sla is breached but readout.sla_breach_detail " + *why +
                   ": say which SLA was breached and by how much",
               {note_at(sla.loc, "SLA assessed as breached here")});
}

}  // namespace

extern const RuleInfo kReadoutSlaRule = {
    .rule = RuleId::readout_sla,
    .summary = "SLA breached but no breach detail",
    .description =
        "On a resolved record whose `triage.impact.sla` is `breached`, "
        "`readout.sla_breach_detail` must say what was breached: missing, empty, a placeholder "
        "(`TBD`, `_____`) or text containing a placeholder token is a finding. Unresolved "
        "records are not checked: like the rest of the readout, the detail is required once the "
        "record is resolved. An SLA that is `at_risk` or `within` needs no detail.",
    .rationale =
        "The Exec Readout companion format has \"SLA status: Breached / Within SLA (circle) "
        "Breach detail: _____\". A breach is the first thing leadership and the account team "
        "will be asked about; \"breached\" without the figures invites guesses about credits.",
    .bad_example =
        "status: resolved\n"
        "triage:\n"
        "  impact:\n"
        "    sla: breached\n"
        "readout:\n"
        "  sla_breach_detail: TBD\n",
    .good_example =
        "status: resolved\n"
        "triage:\n"
        "  impact:\n"
        "    sla: breached\n"
        "readout:\n"
        "  sla_breach_detail: Monthly availability of 99.95% breached; 99.91% delivered.\n",
    .check = check,
};

}  // namespace esc
