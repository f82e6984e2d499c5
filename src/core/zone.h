// IANA time zones ("Europe/London") read from the system's zoneinfo files (TZif, RFC 8536), for
// showing a UTC instant as people in that zone read it. The playbook works in UTC; a display
// zone is only ever shown beside it.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace esc {

class TimeZone {
 public:
  // Loads a zone by its IANA name from $TZDIR, else /usr/share/zoneinfo. Returns an error
  // sentence when the name is not a zone name or no such zone is installed.
  static std::optional<TimeZone> load(std::string_view name, std::string* error);

  const std::string& name() const { return name_; }

  struct Local {
    std::chrono::seconds offset{0};  // local time minus UTC
    std::string abbreviation;        // "GMT", "BST", "EST"; "+0530" style when the zone has none
    bool dst = false;
  };
  // The offset and abbreviation in effect at `t` (after the last transition in the file, the
  // last one stays in effect).
  Local at(Instant t) const;

 private:
  struct Type {
    std::chrono::seconds offset{0};
    bool dst = false;
    std::string abbreviation;
  };
  std::string name_;
  std::vector<std::int64_t> transitions_;  // seconds since the epoch, ascending
  std::vector<std::uint8_t> type_of_;      // the type from each transition on
  std::vector<Type> types_;
  std::size_t initial_type_ = 0;           // before the first transition
};

// "Monday 2 November 2026, 10:40 GMT" — format_human, in the zone's local time.
std::string format_human_in(Instant t, const TimeZone& zone);
// "10:40 GMT" — format_hhmm in the zone.
std::string format_hhmm_in(Instant t, const TimeZone& zone);
// "Mon 2 Nov 2026 10:40 GMT" — the compact form of the status screen, in the zone.
std::string format_compact_in(Instant t, const TimeZone& zone);

}  // namespace esc
