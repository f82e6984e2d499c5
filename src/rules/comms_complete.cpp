// comms-complete: a field that a customer email's template needs is empty or a placeholder.
#include <optional>
#include <string>

#include "core/text.h"
#include "load/presence.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

// One template field: `what` names the value, `fills` says where the email uses it.
void field(const Text& value, const std::string& what, const std::string& fills, Findings& findings) {
  // A missing key is the schema rule's finding; an empty or placeholder value is ours.
  if (!value) return;
  if (auto why = why_unfilled(*value))
    findings.add(value.loc, what + " " + *why + ", but it fills " + fills +
                                ": complete every template field before the email is sent");
}

void list(const Val<TextList>& items, const std::string& what, const std::string& fills, Findings& findings) {
  if (!items) return;
  for (std::size_t i = 0; i < items->size(); ++i)
    field((*items)[i], what + " item " + std::to_string(i + 1), fills, findings);
}

void check_communication(const Communication& c, Findings& findings) {
  if (!c.type) return;
  const std::string of = communication_subject(c) + "'s ";
  switch (*c.type) {
    case CommType::initial:
      field(c.impact, of + "impact", "\"Impact:\" in the initial notification", findings);
      break;
    case CommType::progress:
      field(c.progress, of + "progress", "\"Progress since last update:\" in the progress update", findings);
      field(c.next_action.action, of + "next_action.action", "\"Next action:\" in the progress update",
            findings);
      break;
    case CommType::resolution:
      field(c.resolution_summary, of + "resolution_summary",
            "\"Resolution summary:\" in the resolution notification", findings);
      list(c.actions_taken, of + "actions_taken", "\"Actions taken:\" in the resolution notification", findings);
      list(c.preventative_measures, of + "preventative_measures",
           "\"Preventative measures:\" in the resolution notification", findings);
      break;
  }
}

void check(const RuleContext& ctx, Findings& findings) {
  const Record& r = ctx.record;
  const std::vector<Communication>& comms = r.comms();
  // Record-level template fields matter once there is an email to fill; a new record may still
  // carry the skeleton's placeholders.
  if (comms.empty()) return;
  for (const Communication& c : comms) check_communication(c, findings);

  field(r.account.name, "account.name", "[ACCOUNT NAME] in the subject of every customer email", findings);
  field(r.title, "title", "[BRIEF DESCRIPTION] in the subject of every customer email", findings);
  bool has_initial = false;
  for (const Communication& c : comms) has_initial = has_initial || (c.type && *c.type == CommType::initial);
  if (has_initial)
    field(r.summary, "summary", "[issue description] in the initial notification", findings);
  // A missing customer primary contact, or a missing contact for them, is stakeholder-grid's.
  if (const Stakeholder* customer = r.stakeholder(Role::customer_primary))
    field(customer->name, "the customer primary contact's name",
          "the [Customer Name] greeting of every customer email", findings);
}

}  // namespace

extern const RuleInfo kCommsCompleteRule = {
    .rule = RuleId::comms_complete,
    .summary = "a field its template needs is missing or a placeholder",
    .description =
        "Every field that a communication's template is filled from must hold a real value: not "
        "empty, not an owner-like placeholder (`TBD`, `?`, `n/a`, `_____`, `[Name]`...) and "
        "without placeholder tokens in the text (`[Words]`, `___`, `TBD`, `TBC`, `TODO`, `XX`, "
        "`<...>`, `{{...}}`). The fields checked are:\n"
        "- initial notification: `impact`;\n"
        "- progress update: `progress`, `next_action.action`;\n"
        "- resolution notification: `resolution_summary`, each item of `actions_taken` and "
        "`preventative_measures`;\n"
        "- once any communication exists: `account.name` and `title` (every subject), the "
        "`customer_primary` stakeholder's `name` (the greeting), and `summary` when there is an "
        "initial notification (its [issue description]).\n"
        "One finding per field (the first placeholder found is named), at the value.\n"
        "Left to other rules, so each problem is reported once: a missing required key, an empty "
        "list and an invalid status, timestamp or date (`schema`: the template's `status`, "
        "`next_update_by`, `next_action.eta` and `pir_share_by` are typed values the schema "
        "requires); owners of communications and next actions (`owner-missing`); the escalation "
        "lead's name, title and contact in the signature (`lead-assigned`); a missing customer "
        "primary contact or a missing contact address (`stakeholder-grid`).",
    .rationale =
        "Each of the playbook's scripted templates says \"TEMPLATE — complete all fields before "
        "sending\". A customer who receives \"Impact: [Describe known impact clearly and "
        "factually]\" or \"Next action: TBD\" learns that nobody read the email before it went, "
        "in the middle of an escalation.",
    .bad_example =
        "communications:\n"
        "  - type: initial\n"
        "    impact: \"[Describe known impact clearly and factually]\"\n",
    .good_example =
        "communications:\n"
        "  - type: initial\n"
        "    impact: All card payments through the EU checkout were declined between 08:00 and 08:35 UTC.\n",
    .check = check,
};

}  // namespace esc
