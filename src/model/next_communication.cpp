#include "model/next_communication.h"

#include <algorithm>

#include "core/text.h"
#include "load/fields.h"
#include "model/confirmation.h"

namespace esc::model {

std::optional<NextCommunication> next_communication(const Record& r) {
  NextCommunication next;
  next.index = r.comms().size();
  long long last_progress = 0;
  Loc last_loc;
  bool any = false;
  for (const Communication& c : r.comms()) {
    if (!c.type) continue;
    any = true;
    if (*c.type == CommType::resolution) return std::nullopt;
    if (*c.type == CommType::progress && c.number && *c.number > last_progress) {
      last_progress = *c.number;
      last_loc = c.number.loc;
    }
  }
  if (!any) next.type = CommType::initial;  // "Customer first notified" comes first
  else if (is_resolved(r)) next.type = CommType::resolution;
  else {
    next.type = CommType::progress;
    next.number = last_progress + 1;
    if (*next.number > kMaxUpdateNumber) next.out_of_numbers = last_loc;
  }
  return next;
}

std::string Missing::key() const {
  std::size_t end = what.size();
  for (std::string_view stop : {" (", " is ", " lists "}) end = std::min(end, what.find(stop));
  return what.substr(0, end);
}

namespace {

// Present and not a placeholder ("TBD", "[Name]", "", ...).
bool filled(const Text& t) { return t && !is_placeholder_value(*t); }

// "is missing" for an absent value, "is a placeholder ('TBD')" / "is empty" for a written one.
std::string state_of(const Text& t) {
  if (!t) return "is missing";
  bool blank = true;
  for (char c : *t) blank = blank && (c == ' ' || c == '\t' || c == '\n' || c == '\r');
  return blank ? "is empty" : "is a placeholder ('" + *t + "')";
}

// The state of an unconfirmed value in words: "is missing", "is empty", "is a placeholder ('TBD')".
std::string state_of(const Unconfirmed& u) {
  if (u.state != Unconfirmed::State::unfilled) return "is missing";
  return state_of(Text{u.value, u.loc});
}

// The words for what the checklists lack, as a person drafting the communication reads them.
std::string describe(const Record& r, const Unconfirmed& u) {
  using Item = Unconfirmed::Item;
  const std::string entry = u.entry && u.item != Item::owner ? (*r.facts.confirmations)[*u.entry].loc.path : "";
  switch (u.item) {
    case Item::facts:
      return "facts (root cause, affected systems, status, and who confirmed them in writing, when and where)";
    case Item::confirmed_by:
      return u.entry ? entry + ".confirmed_by " + state_of(u)
                     : "facts.confirmed_by (the technical owner who confirmed the facts in writing) " + state_of(u);
    case Item::confirmed_at:
      return u.entry ? entry + ".confirmed_at is missing" : "facts.confirmed_at (when they were confirmed) is missing";
    case Item::confirmation_ref:
      return u.entry ? entry + ".confirmation_ref " + state_of(u)
                     : "facts.confirmation_ref (where the written confirmation is) " + state_of(u);
    case Item::affected:
      return "facts.affected (the affected systems, services or processes) " +
             std::string(u.state == Unconfirmed::State::empty_list          ? "is empty"
                         : u.state == Unconfirmed::State::only_placeholders ? "lists only placeholders"
                                                                            : "is missing");
    case Item::status:
      return "facts.status (ongoing, contained or resolved) is missing";
    case Item::root_cause:
      return "facts.root_cause " + state_of(u);
    case Item::owners_confirmed_at:
      return "owners_confirmed_at (when every owner in the stakeholder grid was confirmed) is missing";
    case Item::owner: {
      const Stakeholder& s = (*r.stakeholders)[*u.entry];
      std::string who = s.role ? "the " + std::string(role_title(*s.role)) : "a stakeholder";
      if (filled(s.name)) who += " (" + *s.name + ")";
      return "the owner of " + who + " in the stakeholder grid " + state_of(u);
    }
  }
  return "";
}

}  // namespace

std::vector<Missing> facts_or_owners_unconfirmed(const Record& r) {
  std::vector<Missing> out;
  for (const Unconfirmed& u : unconfirmed_facts(r)) out.push_back({describe(r, u), u.loc});
  for (const Unconfirmed& u : unconfirmed_owners(r)) out.push_back({describe(r, u), u.loc});
  return out;
}

std::vector<Missing> missing_before_communication(const Record& r, CommType type) {
  std::vector<Missing> out = facts_or_owners_unconfirmed(r);
  const Person& lead = r.escalation_lead;
  const std::string lead_path = lead.loc.path.empty() ? "escalation_lead" : lead.loc.path;
  if (!filled(lead.name)) out.push_back({lead_path + ".name (the signature) " + state_of(lead.name), lead.name.loc});
  if (!filled(lead.title)) out.push_back({lead_path + ".title (the signature) " + state_of(lead.title), lead.title.loc});
  if (!filled(lead.contact))
    out.push_back({lead_path + ".contact (the signature and the sender) " + state_of(lead.contact), lead.contact.loc});
  if (const Stakeholder* primary = r.stakeholder(Role::customer_primary)) {
    if (!filled(primary->name))
      out.push_back({"the customer primary contact's name (the greeting) " + state_of(primary->name), primary->name.loc});
    if (!filled(primary->contact))
      out.push_back({"the customer primary contact's contact (the recipient) " + state_of(primary->contact),
                     primary->contact.loc});
  } else {
    out.push_back({"a customer_primary stakeholder (the recipient) is missing", r.stakeholders.loc});
  }
  if (!filled(r.account.name)) out.push_back({"account.name (the subject) " + state_of(r.account.name), r.account.name.loc});
  if (!filled(r.title)) out.push_back({"title (the subject) " + state_of(r.title), r.title.loc});
  if (type != CommType::resolution && !r.status)
    out.push_back({"status (ongoing, contained or resolved) is missing", r.status.loc});
  if (type != CommType::resolution && !r.severity)
    out.push_back({"severity (its cadence sets the next update time) is missing", r.severity.loc});
  if (type == CommType::initial && !filled(r.summary))
    out.push_back({"summary (what the escalation is about) " + state_of(r.summary), r.summary.loc});
  if (type == CommType::resolution) {
    if (!milestone_time(r, Milestone::escalation_opened))
      out.push_back({"the escalation_opened milestone (\"the escalation raised on [original date]\") is missing",
                     r.timeline.loc});
    if (!milestone_time(r, Milestone::resolution_confirmed))
      out.push_back({"the resolution_confirmed milestone (\"resolved as of [resolution timestamp]\") is missing",
                     r.timeline.loc});
  }
  return out;
}

}  // namespace esc::model
