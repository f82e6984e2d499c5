// lead-assigned: the escalation lead is missing, incomplete, or not the grid's escalation_lead.
#include <cctype>

#include "core/text.h"
#include "load/presence.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

// Reports a name, title or contact that is empty or a placeholder; true when it is filled.
bool filled(const Text& value, std::string_view field, std::string_view what, Findings& findings) {
  // Missing or not a string: schema (all three keys are required).
  if (!value) return false;
  if (!is_placeholder_value(*value)) return true;
  findings.add(value.loc, "escalation_lead." + std::string(field) + " is " +
                              describe_unfilled(*value) + ": " + std::string(what));
  return false;
}

void check(const RuleContext& ctx, Findings& findings) {
  const Person& lead = ctx.record.escalation_lead;
  const bool named = filled(lead.name, "name",
                            "assign the single accountable Escalation Lead by name", findings);
  filled(lead.title, "title",
         "give the Escalation Lead's job title (customer updates are signed \"Name, title, direct "
         "contact\")",
         findings);
  filled(lead.contact, "contact",
         "give the Escalation Lead's direct contact (customer updates are signed \"Name, title, "
         "direct contact\")",
         findings);
  // A previous lead signed the emails sent before their handover: the same three fields.
  if (ctx.record.previous_leads)
    for (const PreviousLead& p : *ctx.record.previous_leads) {
      const std::pair<const Text*, const char*> fields[] = {
          {&p.name, "name"}, {&p.title, "title"}, {&p.contact, "contact"}};
      for (const auto& [value, field] : fields)
        if (*value && is_placeholder_value(**value))
          findings.add(value->loc, p.loc.path + "." + field + " is " + describe_unfilled(**value) +
                                       ": the emails sent before this handover are signed \"Escalation "
                                       "Lead: [Name, title, direct contact]\"");
    }
  if (!named || !ctx.record.stakeholders) return;

  // The grid's escalation_lead must be the same person. A grid without one, or whose name is a
  // placeholder, is stakeholder-grid's finding.
  for (const Stakeholder& s : *ctx.record.stakeholders) {
    if (!s.role || *s.role != Role::escalation_lead) continue;
    if (!s.name || is_placeholder_value(*s.name)) continue;
    if (same_name(*s.name, *lead.name)) continue;
    findings.add(s.name.loc,
                 "the stakeholder grid names " + one_line(*s.name) +
                     " as escalation_lead, but the record's Escalation Lead is " +
                     one_line(*lead.name) +
                     ": the grid and escalation_lead must name the same single accountable owner",
                 {note_at(lead.name.loc, "escalation_lead.name")});
  }
}

}  // namespace

extern const RuleInfo kLeadAssignedRule = {
    .rule = RuleId::lead_assigned,
    .summary = "escalation lead missing or incomplete, or not the `escalation_lead` in the grid",
    .description =
        "`escalation_lead.name`, `.title` and `.contact` must each be filled in: a value that is "
        "empty or a placeholder (`TBD`, `?`, `n/a`, `[Name]`, `____` ...) is a finding at that "
        "value, one per field. A missing `escalation_lead` or a missing key in it is a `schema` "
        "finding instead. When the lead is named, every stakeholder with `role: escalation_lead` "
        "must carry the same name (compared ignoring case and extra spaces); a different name is "
        "a finding at the grid's name with a note at `escalation_lead.name`. A grid without an "
        "escalation_lead, or with a placeholder name there, is `stakeholder-grid`'s finding. "
        "After a handover, `previous_leads` lists who led before (name, title, contact, and "
        "`until` when they handed over): the emails sent before then are signed by them, so "
        "their three fields must be filled in too.",
    .rationale =
        "The triage checklist says \"Assign Escalation Lead (single accountable owner)\", and "
        "every customer update is signed \"Escalation Lead: [Name, title, direct contact]\". "
        "Two different people named as lead means nobody is singly accountable.",
    .bad_example =
        "escalation_lead:\n  name: Dana Whitfield\n  title: TBD\n  contact: dana.whitfield@example.com\n"
        "stakeholders:\n  - role: escalation_lead\n    name: Jordan Pike\n"
        "    contact: jordan.pike@example.com\n    owner: Jordan Pike\n",
    .good_example =
        "escalation_lead:\n  name: Dana Whitfield\n  title: Head of Customer Operations\n"
        "  contact: dana.whitfield@example.com\n"
        "stakeholders:\n  - role: escalation_lead\n    name: Dana Whitfield\n"
        "    contact: dana.whitfield@example.com\n    owner: Dana Whitfield\n",
    .check = check,
};

}  // namespace esc
