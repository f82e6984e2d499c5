#include "model/communications.h"

#include "core/text.h"

namespace esc {

const Communication* first_communication(const Record& r) {
  return r.comms().empty() ? nullptr : &r.comms().front();
}

const Communication* resolution_communication(const Record& r) {
  for (const Communication& c : r.comms())
    if (c.type && *c.type == CommType::resolution) return &c;
  return nullptr;
}

std::optional<Person> sender_of(const Record& r, const Communication& c) {
  if (!c.owner || c.owner->empty()) return std::nullopt;
  const std::string& owner = *c.owner;
  if (r.escalation_lead.name && same_name(*r.escalation_lead.name, owner)) return r.escalation_lead;
  if (r.previous_leads)
    for (const PreviousLead& p : *r.previous_leads)
      if (p.name && same_name(*p.name, owner)) return Person{p.loc, p.name, p.title, p.contact};
  if (r.stakeholders)
    for (const Stakeholder& s : *r.stakeholders)
      if (s.name && same_name(*s.name, owner)) return Person{s.loc, s.name, Text{}, s.contact};
  return std::nullopt;
}

std::optional<Status> stated_status(const Communication& c) {
  if (c.type && *c.type == CommType::resolution) return Status::resolved;
  if (c.status) return *c.status;
  return std::nullopt;
}

std::string describe_communication(const Communication& c) {
  if (!c.type) return "communication #" + std::to_string(c.index + 1);
  return describe_communication(*c.type, c.number ? std::optional<long long>(*c.number) : std::nullopt);
}

std::string describe_communication(CommType type, std::optional<long long> number) {
  if (type == CommType::progress && number) return "progress update #" + std::to_string(*number);
  return std::string(comm_title(type));
}

std::string communication_subject(const Communication& c) {
  if (!c.type) return describe_communication(c);
  if (*c.type == CommType::progress)
    return c.number ? describe_communication(c)
                    : "the progress update listed as communication #" + std::to_string(c.index + 1);
  return "the " + describe_communication(c);
}

std::string communication_label(const Communication& c) {
  if (!c.type) return "Comm " + std::to_string(c.index + 1);
  switch (*c.type) {
    case CommType::initial: return "Initial";
    case CommType::progress: return c.number ? "Update " + std::to_string(*c.number) : "Update";
    case CommType::resolution: return "Resolution";
  }
  return "Comm " + std::to_string(c.index + 1);
}

}  // namespace esc
