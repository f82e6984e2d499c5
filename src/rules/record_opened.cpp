// record-opened: the timeline has no escalation_opened milestone.
#include "rules/rule.h"

namespace esc {

namespace {

void check(const RuleContext& ctx, Findings& findings) {
  const Record& r = ctx.record;
  // No timeline (or one that is not a list) is the schema rule's finding.
  if (!r.timeline) return;
  // A row without a valid `at` is reported by schema (`at` is required on every row), so any
  // escalation_opened row at all settles this rule.
  if (r.milestone(Milestone::escalation_opened)) return;
  findings.add(r.timeline.loc,
               "the timeline has no escalation_opened milestone: open the incident record "
               "formally and add the \"" +
                   std::string(milestone_title(Milestone::escalation_opened)) +
                   "\" row (milestone: escalation_opened) with its UTC timestamp, confirmed_by "
                   "and owner");
}

}  // namespace

extern const RuleInfo kRecordOpenedRule = {
    .rule = RuleId::record_opened,
    .summary = "no `escalation_opened` milestone with a timestamp",
    .description =
        "The timeline must contain a row `milestone: escalation_opened`. The finding points at "
        "the `timeline` list. A row that exists but lacks a valid `at` is reported by `schema` "
        "(every row requires `at`), not here; a missing timeline is also `schema`'s. This rule "
        "owns the missing `escalation_opened` row: `timeline-milestones` reports the other "
        "missing milestones.",
    .rationale =
        "The triage checklist ends with \"Open incident record and timestamp triage start\", and "
        "the playbook's timeline stub has \"Escalation formally opened\" as row 2. Without it "
        "there is no record of when the escalation machinery started, and the exec readout's "
        "\"Escalation opened\" is blank.",
    .bad_example =
        "timeline:\n  - milestone: first_signal\n    at: 2026-11-02T08:00:00Z\n"
        "    confirmed_by: Sam Okafor\n    owner: Sam Okafor\n"
        "  - milestone: triage_completed\n    at: 2026-11-02T08:13:00Z\n"
        "    confirmed_by: Dana Whitfield\n    owner: Dana Whitfield\n",
    .good_example =
        "timeline:\n  - milestone: first_signal\n    at: 2026-11-02T08:00:00Z\n"
        "    confirmed_by: Sam Okafor\n    owner: Sam Okafor\n"
        "  - milestone: escalation_opened\n    at: 2026-11-02T08:04:00Z\n"
        "    confirmed_by: Dana Whitfield\n    owner: Dana Whitfield\n"
        "  - milestone: triage_completed\n    at: 2026-11-02T08:13:00Z\n"
        "    confirmed_by: Dana Whitfield\n    owner: Dana Whitfield\n",
    .check = check,
};

}  // namespace esc
