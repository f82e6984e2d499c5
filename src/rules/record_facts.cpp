#include "rules/record_facts.h"

#include <cctype>

namespace esc {

const Communication* first_communication(const Record& r) {
  return r.comms().empty() ? nullptr : &r.comms().front();
}

const Communication* resolution_communication(const Record& r) {
  for (const Communication& c : r.comms())
    if (c.type && *c.type == CommType::resolution) return &c;
  return nullptr;
}

bool same_name(std::string_view a, std::string_view b) {
  auto words = [](std::string_view s) {
    std::string out;
    for (char ch : s) {
      const bool space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
      if (space) {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else {
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  return words(a) == words(b);
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

Note note_at(const Loc& loc, std::string message) { return Note{loc.mark, std::move(message)}; }

Instant latest_promise(Instant sent, const Duration& cadence, const Calendar& calendar) {
  if (cadence.business_days <= 0) return sent + cadence.minutes;
  // "1bd": the same UTC clock time on the next business day (N business days for "Nbd").
  const Date day = utc_date(sent);
  return calendar.add_business_days(day, cadence.business_days) + (sent - day);
}

}  // namespace esc
