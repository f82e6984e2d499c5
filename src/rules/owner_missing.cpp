// owner-missing: an owner or confirmed_by that is written but empty or a placeholder.
#include "core/text.h"
#include "load/presence.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {


// A short quote of free text for a message: one line, at most about 60 characters.
std::string short_quote(std::string_view text) {
  std::string s = one_line(text);
  if (utf8_length(s) <= 60) return "'" + s + "'";
  std::size_t cut = 57;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // whole code points
  return concat({"'", s.substr(0, cut), "...'"});
}

// One finding for a value that is present (a missing key is schema's or another rule's) but
// names nobody. `subject()` names the value; it is only worded when there is a finding.
template <class Subject>
void check_owner(const Text& value, Subject subject, std::string_view action, Findings& findings) {
  if (!value || !is_placeholder_value(*value)) return;
  findings.add(value.loc, subject() + " is " + describe_unfilled(*value) + ": " + std::string(action));
}

std::string row_subject(const TimelineRow& row) {
  if (row.milestone) return "the '" + std::string(milestone_title(*row.milestone)) + "' milestone";
  if (row.event) return "the timeline event " + short_quote(*row.event);
  return "timeline row " + row.loc.path;
}

std::string stakeholder_subject(const Stakeholder& s) {
  std::string who = s.role ? "the " + std::string(role_title(*s.role)) : "a stakeholder";
  if (s.name && !is_placeholder_value(*s.name)) who += " (" + one_line(*s.name) + ")";
  return who;
}

void check(const RuleContext& ctx, Findings& findings) {
  const Record& r = ctx.record;

  if (r.timeline)
    for (const TimelineRow& row : *r.timeline) {
      check_owner(row.owner, [&] { return "the owner of " + row_subject(row); }, "name the person who owns it",
                  findings);
      // Free event rows have no confirmed_by (schema reports it as an unknown key there).
      const bool event_row = !row.milestone && row.milestone.loc.mark == row.loc.mark && row.event;
      if (!event_row)
        check_owner(row.confirmed_by, [&] { return "confirmed_by of " + row_subject(row); },
                    "name the person who confirmed it", findings);
    }

  if (r.facts.present) {
    check_owner(r.facts.confirmed_by, [] { return std::string("facts.confirmed_by"); },
                "name the technical owner who confirmed the facts in writing", findings);
    if (r.facts.confirmations)
      for (const Confirmation& c : *r.facts.confirmations)
        check_owner(c.confirmed_by, [&] { return c.loc.path + ".confirmed_by"; },
                    "name the technical owner who confirmed the facts in writing", findings);
  }

  if (r.stakeholders)
    for (const Stakeholder& s : *r.stakeholders)
      check_owner(s.owner, [&] { return "the owner of " + stakeholder_subject(s) + " in the stakeholder grid"; },
                  "confirm who owns this relationship (all owners must be confirmed before the "
                  "first customer update)",
                  findings);

  for (const Communication& c : r.comms()) {
    check_owner(c.owner, [&] { return "the owner of " + communication_subject(c); },
                "name the person who sent it", findings);
    if (c.next_action.present)
      check_owner(c.next_action.owner, [&] { return "the owner of the next action in " + communication_subject(c); },
                  "the template needs a specific action, owner and ETA", findings);
  }

  if (r.readout.present && r.readout.commitments)
    for (const Commitment& cm : *r.readout.commitments) {
      const auto subject = [&] {
        return cm.commitment ? "the owner of the commitment " + short_quote(*cm.commitment)
                             : "the owner of " + cm.loc.path;
      };
      check_owner(cm.owner, subject, "every follow-up commitment needs a named owner", findings);
    }
}

}  // namespace

extern const RuleInfo kOwnerMissingRule = {
    .rule = RuleId::owner_missing,
    .summary =
        "any owner/confirmed_by field (timeline, grid, comms, next_action, commitments) empty or "
        "a placeholder (`TBD`, `?`, `_____`, `[Name]`, `n/a`)",
    .description =
        "Checks every owner-like field that is present: timeline rows' `owner` and "
        "`confirmed_by`, `facts.confirmed_by`, stakeholders' `owner`, communications' `owner`, "
        "`next_action.owner` and readout commitments' `owner`. A value that is empty or a "
        "placeholder (empty, `?`, `-`, `n/a`, `TBD`, `TBC`, `unknown`, `none` in any case, runs "
        "of `_`, `[anything]`) is one finding at that value. This rule is the only one that "
        "reports such values (other rules such as `comms-complete` leave them alone). A key "
        "that is absent is not this rule's business: where it is required, `schema` reports "
        "it; a commitment without `owner` is `commitment-incomplete`; a missing "
        "`facts.confirmed_by` is `facts-before-notification`.",
    .rationale =
        "The playbook's purpose statement says \"All owners must be confirmed before the first "
        "customer update is sent\", its timeline and stakeholder grid have CONFIRMED BY and "
        "OWNER columns, and every template ends \"Owner: _____\". A placeholder left in one of "
        "them is exactly the gap the playbook exists to close: a task nobody owns.",
    .bad_example =
        "timeline:\n  - milestone: triage_completed\n    at: 2026-11-02T08:13:00Z\n"
        "    confirmed_by: Dana Whitfield\n    owner: TBD\n",
    .good_example =
        "timeline:\n  - milestone: triage_completed\n    at: 2026-11-02T08:13:00Z\n"
        "    confirmed_by: Dana Whitfield\n    owner: Dana Whitfield\n",
    .check = check,
};

}  // namespace esc
