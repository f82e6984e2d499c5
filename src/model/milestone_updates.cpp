#include "model/milestone_updates.h"

#include <algorithm>
#include <cctype>

#include "model/escalation.h"

namespace esc::model {

bool grid_reaches(Role role, CommType type) {
  switch (role) {
    case Role::customer_primary:
    case Role::csm: return true;
    case Role::customer_exec_sponsor: return type != CommType::progress;
    default: return false;
  }
}

namespace {

bool same_address(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

bool reached(const Communication& c, const Stakeholder& s) {
  if (c.to || c.cc) {
    if (!s.contact) return false;
    for (const Val<TextList>* list : {&c.to, &c.cc})
      if (*list)
        for (const Text& t : **list)
          if (t && same_address(*t, *s.contact)) return true;
    return false;
  }
  return s.role && c.type && grid_reaches(*s.role, *c.type);
}

bool is_key_milestone(Milestone m) {
  return m == Milestone::root_cause_identified || m == Milestone::containment ||
         m == Milestone::resolution_confirmed;
}

std::vector<MilestoneUpdate> milestone_updates_due(const Record& r, Instant now) {
  std::vector<MilestoneUpdate> out;
  if (!r.stakeholders || !r.timeline) return out;
  const std::vector<Communication>& comms = r.comms();
  const bool notified = std::any_of(comms.begin(), comms.end(), [&](const Communication& c) {
    return c.sent_at && to_minute(c.sent_at->utc) <= to_minute(now);
  });
  if (!notified) return out;
  for (std::size_t s = 0; s < r.stakeholders->size(); ++s) {
    const Stakeholder& st = (*r.stakeholders)[s];
    if (!st.frequency || *st.frequency != Frequency::milestones) continue;
    if (!st.channel || *st.channel == Channel::internal) continue;
    std::optional<std::size_t> last;
    for (std::size_t i = 0; i < comms.size(); ++i)
      if (comms[i].sent_at && to_minute(comms[i].sent_at->utc) <= to_minute(now) && reached(comms[i], st) &&
          (!last || comms[i].sent_at->utc >= comms[*last].sent_at->utc))
        last = i;
    // Plain values, not an optional<Instant>: GCC 12 warns maybe-uninitialized on the latter.
    const bool told = last.has_value();
    const Instant since = told ? to_minute(comms[*last].sent_at->utc) : Instant{};
    std::optional<MilestoneUpdate> due;
    for (const TimelineRow& row : *r.timeline) {
      if (!row.milestone || !row.at || !is_key_milestone(*row.milestone)) continue;
      const Instant at = to_minute(row.at->utc);
      if (at > to_minute(now) || (told && at <= since)) continue;  // told in the same minute: told
      if (!due || at >= due->reached_at) due = MilestoneUpdate{s, *row.milestone, at, last};
    }
    if (due) out.push_back(*due);
  }
  return out;
}

}  // namespace esc::model
