// Holiday calendars in iCalendar (RFC 5545, .ics), the format governments, Google Calendar and
// Outlook publish public holidays in, read with libical.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace esc {

struct IcsHolidays {
  std::vector<Date> days;  // sorted, each once
  std::string error;       // a sentence when the text is not a usable calendar; days is then empty
};

// The days covered by the calendar's events (VEVENTs): all-day events (DTSTART;VALUE=DATE) and
// timed ones by their start date; an event spans DTSTART up to but excluding DTEND (or DTSTART
// plus DURATION); a yearly or other RRULE repeats it, up to the year 2200. An event with STATUS
// CANCELLED is not a holiday. Every other event is (TRANSP is ignored: Google marks its public
// holidays TRANSPARENT), so the file should hold days off only — Google Calendar's holiday
// calendars can add observances unless "Public holidays only" is chosen.
IcsHolidays parse_ics_holidays(std::string_view text);

}  // namespace esc
