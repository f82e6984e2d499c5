// stakeholder-grid: a required role is missing from the grid, or a stakeholder has no name or
// contact.
#include <algorithm>
#include <array>

#include "core/text.h"
#include "load/presence.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {


// The ROLE column of the playbook's stakeholder grid.
std::string_view grid_purpose(Role r) {
  switch (r) {
    case Role::escalation_lead: return "single accountable owner";
    case Role::customer_primary: return "day-to-day liaison";
    case Role::customer_exec_sponsor: return "exec relationship";
    case Role::engineering_lead: return "technical resolution";
    case Role::csm: return "account health";
    case Role::internal_exec_sponsor: return "leadership visibility";
    case Role::legal: return "risk and contractual";
  }
  return "";
}

constexpr std::array kAlwaysRequired = {Role::escalation_lead,  Role::customer_primary,
                                        Role::customer_exec_sponsor, Role::engineering_lead,
                                        Role::csm,              Role::internal_exec_sponsor};

void check(const RuleContext& ctx, Findings& findings) {
  const Record& r = ctx.record;
  // A missing grid, or one that is not a list, is the schema rule's finding.
  if (!r.stakeholders) return;

  const auto missing = [&](Role role, std::string_view why, std::vector<Note> notes) {
    findings.add(r.stakeholders.loc,
                 "the stakeholder grid has no " + std::string(role_title(role)) + " (role: " +
                     std::string(name_of(role)) + ", " + std::string(grid_purpose(role)) + ")" +
                     std::string(why) + ": add the person, their contact and who owns the relationship",
                 std::move(notes));
  };
  for (Role role : kAlwaysRequired)
    if (!r.stakeholder(role)) missing(role, "", {});
  const Val<bool>& regulatory = r.triage.impact.regulatory_exposure;
  if (regulatory && *regulatory && !r.stakeholder(Role::legal))
    missing(Role::legal, " although triage.impact.regulatory_exposure is true",
            {note_at(regulatory.loc, "regulatory exposure declared here")});

  for (const Stakeholder& s : *r.stakeholders) {
    const std::string who = s.role ? "the " + std::string(role_title(*s.role)) : "a stakeholder";
    // Missing keys are schema's (name and contact are required); only written values here.
    const bool named = s.name && !is_placeholder_value(*s.name);
    // Once an email has gone out, the customer primary contact's name is the [Customer Name]
    // greeting of every email: comms-complete reports it then, with that consequence.
    const bool greeting = s.role && *s.role == Role::customer_primary && !r.comms().empty();
    if (s.name && !named && !greeting)
      findings.add(s.name.loc, "the name of " + who + " in the stakeholder grid is " +
                                   describe_unfilled(*s.name) +
                                   ": name the person who fills the role");
    if (s.contact && is_placeholder_value(*s.contact))
      findings.add(s.contact.loc,
                   "the contact of " + who + (named ? " (" + one_line(*s.name) + ")" : "") +
                       " in the stakeholder grid is " + describe_unfilled(*s.contact) +
                       ": give a direct contact (the grid's CONTACT column)");
    // "a@x, b@y": the emails go to one contact, so build would refuse what check let through.
    else if (s.contact && std::count(s.contact->begin(), s.contact->end(), '@') > 1)
      findings.add(s.contact.loc,
                   "the contact of " + who + (named ? " (" + one_line(*s.name) + ")" : "") +
                       " in the stakeholder grid holds more than one e-mail address: give one direct "
                       "contact (more recipients go in a communication's to: or cc:)");
  }
}

}  // namespace

extern const RuleInfo kStakeholderGridRule = {
    .rule = RuleId::stakeholder_grid,
    .summary = "a required role missing (legal only when `regulatory_exposure`); contact missing",
    .description =
        "The grid in `stakeholders` must have a row for each of `escalation_lead`, "
        "`customer_primary`, `customer_exec_sponsor`, `engineering_lead`, `csm` and "
        "`internal_exec_sponsor`, and for `legal` when `triage.impact.regulatory_exposure` is "
        "true. Each missing role is one finding at the `stakeholders` list, naming the role with "
        "its playbook title. A stakeholder whose `contact` or `name` is written but empty or a "
        "placeholder (`TBD`, `?`, `[Name]` ...) is a finding at that value: a role filled by "
        "nobody is as good as missing. (Once a communication exists, a placeholder name of the "
        "`customer_primary` is `comms-complete`'s finding instead: it is the greeting of every "
        "email.) A missing grid, or a missing `role`/`name`/`contact` key, "
        "is `schema`'s finding; a placeholder `owner` is `owner-missing`'s.",
    .rationale =
        "The playbook's stakeholder grid lists who must be kept informed, how often and by whom: "
        "Escalation Lead, Customer Primary Contact, Customer Executive Sponsor, Internal "
        "Engineering Lead, Customer Success Manager, Internal Exec Sponsor, and \"Legal / "
        "Compliance (if required)\". A missing row is a stakeholder nobody updates; a missing "
        "contact is one nobody can reach.",
    .bad_example =
        "stakeholders:\n  - role: escalation_lead\n    name: Dana Whitfield\n"
        "    contact: dana.whitfield@example.com\n    owner: Dana Whitfield\n"
        "  - role: customer_primary\n    name: Priya Raman\n    contact: TBD\n"
        "    owner: Dana Whitfield\n  # no customer_exec_sponsor, engineering_lead, csm, "
        "internal_exec_sponsor\n",
    .good_example =
        "stakeholders:\n  - role: escalation_lead\n    name: Dana Whitfield\n"
        "    contact: dana.whitfield@example.com\n    owner: Dana Whitfield\n"
        "  - role: customer_primary\n    name: Priya Raman\n"
        "    contact: priya.raman@northwind.example\n    owner: Dana Whitfield\n"
        "  - role: customer_exec_sponsor\n    name: Tomás Ferreira\n"
        "    contact: tomas.ferreira@northwind.example\n    owner: Malik Chen\n"
        "  - role: engineering_lead\n    name: Sam Okafor\n    contact: sam.okafor@example.com\n"
        "    owner: Sam Okafor\n"
        "  - role: csm\n    name: Aoife Brennan\n    contact: aoife.brennan@example.com\n"
        "    owner: Aoife Brennan\n"
        "  - role: internal_exec_sponsor\n    name: Malik Chen\n    contact: malik.chen@example.com\n"
        "    owner: Dana Whitfield\n",
    .check = check,
};

}  // namespace esc
