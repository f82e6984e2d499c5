#include "load/enums.h"

namespace esc {

std::string_view milestone_title(Milestone m) {
  static constexpr std::array<std::string_view, enum_count<Milestone>()> titles = {
      "First signal / alert raised", "Escalation formally opened", "Triage completed",
      "Root cause identified", "Containment action taken", "Customer first notified",
      "Resolution confirmed", "Customer closure comms sent", "Post-incident review scheduled"};
  return titles[static_cast<std::size_t>(m)];
}

std::string_view role_title(Role r) {
  static constexpr std::array<std::string_view, enum_count<Role>()> titles = {
      "Escalation Lead", "Customer Primary Contact", "Customer Executive Sponsor",
      "Internal Engineering Lead", "Customer Success Manager", "Internal Exec Sponsor",
      "Legal / Compliance"};
  return titles[static_cast<std::size_t>(r)];
}

std::string_view comm_title(CommType t) {
  static constexpr std::array<std::string_view, enum_count<CommType>()> titles = {
      "initial notification", "progress update", "resolution notification"};
  return titles[static_cast<std::size_t>(t)];
}

}  // namespace esc
