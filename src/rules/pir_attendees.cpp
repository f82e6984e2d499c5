// pir-attendees: the post-incident review's attendees lack one of the four roles the playbook
// names.
#include "core/text.h"
#include <algorithm>
#include <array>

#include "load/presence.h"
#include "model/describe.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

// "Attend with: Escalation Lead, Engineering Lead, CSM, Customer Primary Contact."
constexpr std::array kRequired = {Role::escalation_lead, Role::engineering_lead, Role::csm,
                                  Role::customer_primary};

// "the Customer Success Manager (csm)"
std::string describe_role(Role role) {
  return "the " + std::string(role_title(role)) + " (" + std::string(name_of(role)) + ")";
}

void check(const RuleContext& ctx, Findings& findings) {
  const Pir& pir = ctx.record.pir;
  if (!is_resolved(ctx.record)) return;
  const bool attendees_written = key_written(pir.attendees, pir.loc);
  // Nothing to check before the review is scheduled (pir-scheduled reminds about that).
  if (!pir.scheduled_for && !attendees_written) return;
  if (attendees_written && !pir.attendees) return;  // not a list: schema's finding
  // An unknown role ("cms") is schema's finding, with a "did you mean"; judging the list before
  // it is fixed would report the same typo twice.
  if (pir.attendees && std::ranges::any_of(*pir.attendees, [](const Val<Role>& a) { return !a; }))
    return;

  std::vector<std::string> missing;
  for (Role role : kRequired) {
    const bool listed =
        pir.attendees && std::ranges::any_of(*pir.attendees, [role](const Val<Role>& a) {
          return a && *a == role;
        });
    if (!listed) missing.push_back(describe_role(role));
  }
  if (missing.empty()) return;
  if (!pir.attendees) {
    findings.add(value_or_section(pir.attendees.loc, pir.loc),
                 "the PIR is scheduled but pir.attendees is missing; list " + join_and(missing));
    return;
  }
  findings.add(pir.attendees.loc, "pir.attendees lack " + join_and(missing));
}

}  // namespace

extern const RuleInfo kPirAttendeesRule = {
    .rule = RuleId::pir_attendees,
    .summary = "PIR attendees lack escalation lead, engineering lead, CSM or customer primary contact",
    .description =
        "On a resolved record whose post-incident review is scheduled (`pir.scheduled_for`) or "
        "has `pir.attendees`, the attendees must include all four roles the playbook names: "
        "`escalation_lead`, `engineering_lead`, `csm` and `customer_primary`. Other roles may "
        "attend too. One finding names every missing role with its playbook title. A missing "
        "`pir.attendees` on a scheduled review counts as all four missing; an unscheduled review "
        "is `pir-scheduled`'s business. A list holding an unknown role is left to `schema` until "
        "it is fixed.",
    .rationale =
        "The playbook's post-incident review: \"Attend with: Escalation Lead, Engineering Lead, "
        "CSM, Customer Primary Contact.\" Without the customer in the room the review is an "
        "internal post-mortem; without engineering nobody can answer for the root cause.",
    .bad_example =
        "status: resolved\n"
        "pir:\n"
        "  scheduled_for: 2026-11-05T14:00:00Z\n"
        "  attendees: [escalation_lead, engineering_lead, csm]\n",
    .good_example =
        "status: resolved\n"
        "pir:\n"
        "  scheduled_for: 2026-11-05T14:00:00Z\n"
        "  attendees: [escalation_lead, engineering_lead, csm, customer_primary]\n",
    .check = check,
};

}  // namespace esc
