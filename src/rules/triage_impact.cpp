// triage-impact: the business impact (revenue risk, SLA status, reputational exposure) was not
// really assessed.
#include "load/presence.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

void check(const RuleContext& ctx, Findings& findings) {
  const Impact& impact = ctx.record.triage.impact;
  // A missing `impact`, or a missing or invalid key in it, is the schema rule's finding: every
  // key this rule cares about is required there.
  if (!impact.present) return;

  // Revenue risk: zero is the skeleton's default. Next to a complete outage or a breached SLA
  // (which carries service credits) it says nobody assessed the money at stake.
  if (impact.revenue_at_risk && *impact.revenue_at_risk == 0) {
    const bool complete = impact.outage && *impact.outage == Outage::complete;
    const bool breached = impact.sla && *impact.sla == Sla::breached;
    if (complete || breached) {
      std::vector<Note> notes;
      if (complete) notes.push_back(note_at(impact.outage.loc, "the outage is complete"));
      if (breached) notes.push_back(note_at(impact.sla.loc, "the SLA is breached"));
      const std::string why = complete && breached ? "the outage is complete and the SLA is breached"
                              : complete          ? "the outage is complete"
                                                  : "the SLA is breached";
      findings.add(impact.revenue_at_risk.loc,
                   "revenue at risk is 0 although " + why +
                       ": assess the revenue at risk (orders that could not be taken, service "
                       "credits, contract value) and record it in triage.impact.revenue_at_risk",
                   std::move(notes));
    }
  }
  // SLA status: every value is an assessment. `at_risk` stays true after resolution when the
  // SLA is measured over a period (monthly availability) that has not closed yet.
}

}  // namespace

extern const RuleInfo kTriageImpactRule = {
    .rule = RuleId::triage_impact,
    .summary = "revenue risk, SLA status or reputational exposure not assessed",
    .description =
        "The triage checklist asks for an assessment of revenue risk, SLA breach status and "
        "reputational exposure. The schema already requires `triage.impact` with "
        "`revenue_at_risk` (a number, not negative), `sla` (breached/at_risk/within) and "
        "`reputational_exposure` (high/medium/low): a missing, empty or invalid value is a "
        "`schema` finding and this rule stays silent, so each problem is reported once. This "
        "rule catches values that are present and valid but show that no assessment was made:\n"
        "- `revenue_at_risk: 0` while the outage is `complete` or the SLA is `breached` (zero is "
        "the skeleton's default; a complete outage or a breached SLA puts money at risk). If it "
        "really is zero, waive the rule for the record with the reason.\n"
        "`sla` (breached, at_risk or within) is an assessment whatever the status: a monthly "
        "availability SLA stays at risk until its measurement period closes, often weeks after "
        "resolution, and the exec readout circles At risk. "
        "`reputational_exposure` has no value that means \"not assessed\" and no contradiction "
        "the tool can check reliably, so only the schema checks it.",
    .rationale =
        "The playbook's initial triage (\"complete within 15 minutes of escalation signal\") "
        "includes \"Assess business impact: revenue risk, SLA breach status, reputational "
        "exposure\". Severity, the cadence of updates and the exec readout all follow from that "
        "assessment; a default left in place sets the wrong level of response.",
    .bad_example =
        "triage:\n  genuine: true\n  impact:\n    outage: complete\n    customers_affected: 1\n"
        "    revenue_at_risk: 0\n    sla: breached\n    reputational_exposure: high\n"
        "    regulatory_exposure: false\n    workaround_available: false\n",
    .good_example =
        "triage:\n  genuine: true\n  impact:\n    outage: complete\n    customers_affected: 1\n"
        "    revenue_at_risk: 180000\n    sla: breached\n    reputational_exposure: high\n"
        "    regulatory_exposure: false\n    workaround_available: false\n",
    .check = check,
};

}  // namespace esc
