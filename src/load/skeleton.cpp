#include "load/skeleton.h"

#include "load/enums.h"

namespace esc {

std::string record_skeleton(const std::string& id, const std::string& schema) {
  std::string s =
      "# yaml-language-server: $schema=" + schema + "\n"
      "# New escalation record. Replace every TBD; `escalate check` lists what is still missing.\n"
      "# Keys starting x- (x-jira: OPS-123) are yours: accepted anywhere, ignored by every check.\n"
      "version: 1\n"
      "id: " + id + "\n"
      "title: TBD                 # one line: the [BRIEF DESCRIPTION] of email subjects\n"
      "summary: TBD               # the [issue description] of the initial notification\n"
      "\n"
      "account:\n"
      "  name: TBD\n"
      "  contract_tier: TBD\n"
      "\n"
      "severity: P3                # P1 | P2 | P3, by the playbook's criteria (escalate explain severity-criteria)\n"
      "status: ongoing             # ongoing | contained | resolved\n"
      "\n"
      "escalation_lead:\n"
      "  name: TBD\n"
      "  title: TBD\n"
      "  contact: TBD\n"
      "# previous_leads:            # after a handover: who led before, and until when\n"
      "#   - name: TBD\n"
      "#     title: TBD\n"
      "#     contact: TBD\n"
      "#     until: 2026-01-01T00:00:00Z\n"
      "\n"
      "triage:\n"
      "  genuine: false            # set true once confirmed genuine (not a mislabelled ticket)\n"
      "  impact:\n"
      "    outage: partial         # complete | partial | none\n"
      "    customers_affected: 1\n"
      "    revenue_at_risk: 0\n"
      "    sla: within             # breached | at_risk | within (at_risk stays valid after resolution)\n"
      "    reputational_exposure: low  # high | medium | low\n"
      "    regulatory_exposure: false\n"
      "    workaround_available: false\n"
      "\n"
      "facts:                      # confirm in writing before the first customer update\n"
      "  root_cause: TBD\n"
      "  root_cause_status: hypothesis  # confirmed | hypothesis\n"
      "  affected: []\n"
      "  status: ongoing\n"
      "  confirmed_by: TBD\n"
      "  # confirmed_at: 2026-01-01T00:00:00Z\n"
      "  confirmation_ref: TBD\n"
      "  # Confirmed more than once? List each confirmation instead of the three keys above;\n"
      "  # every communication is checked against what had been confirmed when it was sent:\n"
      "  # confirmations:\n"
      "  #   - what: [affected, status]   # root_cause | affected | status (default: all three)\n"
      "  #     confirmed_by: TBD\n"
      "  #     confirmed_at: 2026-01-01T00:00:00Z\n"
      "  #     confirmation_ref: TBD\n"
      "\n"
      "# owners_confirmed_at: 2026-01-01T00:00:00Z\n"
      "\n"
      "stakeholders:\n";
  for (std::size_t i = 0; i < enum_count<Role>(); ++i) {
    Role r = static_cast<Role>(i);
    if (r == Role::legal) {
      s += "  # legal is required when triage.impact.regulatory_exposure is true:\n"
           "  # - role: legal\n  #   name: TBD\n  #   contact: TBD\n  #   owner: TBD\n";
      continue;
    }
    s += "  - role: " + std::string(name_of(r)) + "\n    name: TBD\n    contact: TBD\n    owner: TBD\n";
  }
  s += "\ntimeline: []   # UTC. Replace [] with rows as milestones happen, in this order:\n";
  for (std::size_t i = 0; i < enum_count<Milestone>(); ++i) {
    Milestone m = static_cast<Milestone>(i);
    s += "#  - milestone: " + std::string(name_of(m)) + "\n#    at: 2026-01-01T00:00:00Z\n"
         "#    confirmed_by: TBD\n#    owner: TBD\n";
  }
  s += "\n"
       "communications: []           # initial, then progress (number 1..N), then resolution\n"
       "\n"
       "# pir:\n"
       "#   scheduled_for: 2026-01-01T14:00:00Z\n"
       "#   attendees: [escalation_lead, engineering_lead, csm, customer_primary]\n"
       "#   delivered_at: 2026-01-01\n"
       "#   lessons_logged: false\n"
       "\n"
       "# readout:\n"
       "#   impact_summary: TBD\n"
       "#   resolution_actions: []\n"
       "#   sla_breach_detail: TBD\n"
       "#   customer_sentiment: TBD\n"
       "#   commitments:           # follow-up commitments, each with an owner and a due date\n"
       "#     - commitment: TBD\n"
       "#       owner: TBD\n"
       "#       due: 2026-01-01\n"
       "#       done: false        # true once delivered, with done_at and reference:\n"
       "#       # done_at: 2026-01-01\n"
       "#       # reference: TBD   # where the delivery is recorded (ticket, document, email)\n";
  return s;
}

}  // namespace esc
