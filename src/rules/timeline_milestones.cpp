// timeline-milestones: a milestone that the record's status requires is missing.
#include <string>
#include <vector>

#include "load/presence.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

struct Requirement {
  Milestone milestone;
  std::string why;  // "which every record requires"
};

// The milestones the playbook's timeline stub requires at this point of the escalation, in
// the stub's order. escalation_opened is left out: a missing one is record-opened's finding.
std::vector<Requirement> required_milestones(const Record& r, Status status) {
  const bool resolved = status == Status::resolved;
  const std::string by_status = resolved ? "which a resolved record requires"
                                         : "which a " + std::string(name_of(status)) + " record requires";
  std::vector<Requirement> out;
  out.push_back({Milestone::first_signal, "which every record requires"});
  out.push_back({Milestone::triage_completed, "which every record requires"});
  if (resolved) out.push_back({Milestone::root_cause_identified, by_status});
  if (status != Status::ongoing) out.push_back({Milestone::containment, by_status});
  if (resolved)
    out.push_back({Milestone::customer_notified, by_status});
  else if (!r.comms().empty())
    out.push_back({Milestone::customer_notified, "which is required once a communication has been sent"});
  if (resolved) {
    out.push_back({Milestone::resolution_confirmed, by_status});
    out.push_back({Milestone::closure_comms_sent, by_status});
    if (r.pir.scheduled_for)
      out.push_back({Milestone::pir_scheduled,
                     "which is required once the PIR is scheduled (pir.scheduled_for is set)"});
  }
  return out;
}

void check(const RuleContext& ctx, Findings& findings) {
  const Record& r = ctx.record;
  // A missing status or timeline is the schema rule's finding.
  if (!r.status || !r.timeline) return;
  for (const Requirement& req : required_milestones(r, *r.status)) {
    // A row whose `at` is missing or invalid is still there: that is a schema finding.
    if (r.milestone(req.milestone)) continue;
    const auto row = static_cast<int>(req.milestone) + 1;
    findings.add(r.timeline.loc,
                 "the timeline has no " + std::string(name_of(req.milestone)) + " milestone (row " +
                     std::to_string(row) + ", \"" + std::string(milestone_title(req.milestone)) +
                     "\"), " + req.why + ": add it with its time, who confirmed it and its owner");
  }
}

}  // namespace

extern const RuleInfo kTimelineMilestonesRule = {
    .rule = RuleId::timeline_milestones,
    .summary = "a milestone the status requires is missing",
    .description =
        "The timeline must hold the playbook's milestones that the record's `status` has reached "
        "(one row each, `milestone` with `at`, `confirmed_by` and `owner`):\n"
        "- every record: `first_signal` and `triage_completed` (and `escalation_opened`, which "
        "`record-opened` checks);\n"
        "- once any communication exists: `customer_notified`;\n"
        "- `contained`: also `containment`;\n"
        "- `resolved`: rows 1-8 of the stub, i.e. also `root_cause_identified`, `containment`, "
        "`customer_notified`, `resolution_confirmed` and `closure_comms_sent`; and "
        "`pir_scheduled` once `pir.scheduled_for` is set.\n"
        "There is one finding per missing milestone, at the `timeline` list. A milestone row "
        "whose `at` is missing or invalid counts as present (that is a `schema` finding); a "
        "missing `escalation_opened` is reported by `record-opened` only. Whether the milestones "
        "are in the right order is `timeline-order`'s business.",
    .rationale =
        "The playbook's fact confirmation asks to \"Establish timeline of events\" using its "
        "Incident Timeline Stub (rows 1-9: first signal, escalation opened, triage completed, "
        "root cause identified, containment, customer first notified, resolution confirmed, "
        "customer closure comms sent, post-incident review scheduled). The timeline is what the "
        "exec readout and the PIR are built from; a resolved escalation with a gap in it cannot "
        "show when the customer was told or when the fix was confirmed.",
    .bad_example =
        "status: contained\n"
        "communications: []   # none sent yet\n"
        "timeline:\n"
        "  - {milestone: first_signal, at: 2026-11-02T08:00:00Z, confirmed_by: Sam Okafor, owner: Sam Okafor}\n"
        "  - {milestone: escalation_opened, at: 2026-11-02T08:04:00Z, confirmed_by: Dana Whitfield, owner: Dana Whitfield}\n"
        "  - {milestone: triage_completed, at: 2026-11-02T08:13:00Z, confirmed_by: Dana Whitfield, owner: Dana Whitfield}\n"
        "  # no containment row, yet the status says contained\n",
    .good_example =
        "status: contained\n"
        "communications: []\n"
        "timeline:\n"
        "  - {milestone: first_signal, at: 2026-11-02T08:00:00Z, confirmed_by: Sam Okafor, owner: Sam Okafor}\n"
        "  - {milestone: escalation_opened, at: 2026-11-02T08:04:00Z, confirmed_by: Dana Whitfield, owner: Dana Whitfield}\n"
        "  - {milestone: triage_completed, at: 2026-11-02T08:13:00Z, confirmed_by: Dana Whitfield, owner: Dana Whitfield}\n"
        "  - {milestone: containment, at: 2026-11-02T08:35:00Z, confirmed_by: Sam Okafor, owner: Sam Okafor}\n",
    .check = check,
};

}  // namespace esc
