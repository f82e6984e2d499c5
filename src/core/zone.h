// IANA time zones ("Europe/London") through libical, which reads the system's zoneinfo (tzdata)
// and expands each zone's rules for any year, for showing a UTC instant as people in that zone
// read it. The playbook works in UTC; a display
// zone is only ever shown beside it.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace esc {

class TimeZone {
 public:
  // Loads a zone by its IANA name from the installed tzdata. Returns an error sentence when the
  // name is not a zone name or no such zone is installed.
  static std::optional<TimeZone> load(std::string_view name, std::string* error);

  const std::string& name() const { return name_; }

  struct Local {
    std::chrono::seconds offset{0};  // local time minus UTC
    std::string abbreviation;        // "GMT", "BST", "EST"; "+0530" style when the zone has none
    bool dst = false;
  };
  // The offset and abbreviation in effect at `t`, in any year (the zone's rules continue past
  // the last transition written in the zone file).
  Local at(Instant t) const;

 private:
  std::string name_;
  void* zone_ = nullptr;       // libical's icaltimezone, owned by libical for the process's life
  std::string standard_name_;  // "GMT", "CET"; numeric ("+0530") when the zone has no name
  std::string daylight_name_;  // "BST", "CEST"; the standard name when the zone has no DST
};

// "Monday 2 November 2026, 10:40 GMT" — format_human, in the zone's local time.
std::string format_human_in(Instant t, const TimeZone& zone);
// "10:40 GMT" — format_hhmm in the zone.
std::string format_hhmm_in(Instant t, const TimeZone& zone);
// "Mon 2 Nov 2026 10:40 GMT" — the compact form of the status screen, in the zone.
std::string format_compact_in(Instant t, const TimeZone& zone);

}  // namespace esc
