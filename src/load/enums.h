// The record's enumerations and their YAML spellings, one table each. Strings are parsed once,
// at the edge (the loader); everything after works with these enums.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string_view>

namespace esc {

enum class Priority { P1, P2, P3 };
enum class Status { ongoing, contained, resolved };
enum class Role { escalation_lead, customer_primary, customer_exec_sponsor, engineering_lead, csm,
                  internal_exec_sponsor, legal };
// In the playbook's order (the timeline stub, rows 1-9).
enum class Milestone { first_signal, escalation_opened, triage_completed, root_cause_identified,
                       containment, customer_notified, resolution_confirmed, closure_comms_sent,
                       pir_scheduled };
enum class CommType { initial, progress, resolution };
enum class Outage { complete, partial, none };
enum class Sla { breached, at_risk, within };
enum class Exposure { high, medium, low };
enum class RootCauseStatus { confirmed, hypothesis };
enum class Frequency { continuous, per_cadence, milestones, as_needed };
enum class Channel { internal, email_call, internal_customer };

template <class E> struct EnumNames;  // specialised below: static constexpr std::array names

#define ESC_ENUM_NAMES(E, ...)                                            \
  template <> struct EnumNames<E> {                                       \
    static constexpr auto names = std::to_array<std::string_view>({__VA_ARGS__}); \
  };
ESC_ENUM_NAMES(Priority, "P1", "P2", "P3")
ESC_ENUM_NAMES(Status, "ongoing", "contained", "resolved")
ESC_ENUM_NAMES(Role, "escalation_lead", "customer_primary", "customer_exec_sponsor",
               "engineering_lead", "csm", "internal_exec_sponsor", "legal")
ESC_ENUM_NAMES(Milestone, "first_signal", "escalation_opened", "triage_completed",
               "root_cause_identified", "containment", "customer_notified",
               "resolution_confirmed", "closure_comms_sent", "pir_scheduled")
ESC_ENUM_NAMES(CommType, "initial", "progress", "resolution")
ESC_ENUM_NAMES(Outage, "complete", "partial", "none")
ESC_ENUM_NAMES(Sla, "breached", "at_risk", "within")
ESC_ENUM_NAMES(Exposure, "high", "medium", "low")
ESC_ENUM_NAMES(RootCauseStatus, "confirmed", "hypothesis")
ESC_ENUM_NAMES(Frequency, "continuous", "per_cadence", "milestones", "as_needed")
ESC_ENUM_NAMES(Channel, "internal", "email_call", "internal_customer")
#undef ESC_ENUM_NAMES

template <class E> constexpr std::span<const std::string_view> enum_names() {
  return EnumNames<E>::names;
}
template <class E> constexpr std::string_view name_of(E e) {
  return EnumNames<E>::names[static_cast<std::size_t>(e)];
}
template <class E> constexpr std::optional<E> parse_enum(std::string_view s) {
  const auto& names = EnumNames<E>::names;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}
template <class E> constexpr std::size_t enum_count() { return EnumNames<E>::names.size(); }

// Human words for messages and documents.
std::string_view milestone_title(Milestone m);  // "Triage completed"
std::string_view role_title(Role r);            // "Customer Success Manager"
std::string_view comm_title(CommType t);        // "initial notification"

}  // namespace esc
