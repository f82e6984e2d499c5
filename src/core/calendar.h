// Business days: weekends plus a holiday calendar. The built-in "england-and-wales" calendar
// computes the bank holidays of any year (Easter from the computus, substitute days when a
// holiday falls on a weekend); "none" has weekends only; configured extra holidays are added.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>
#include <optional>

#include "core/time.h"

namespace esc {

enum class CalendarKind { england_and_wales, none };
std::optional<CalendarKind> parse_calendar_kind(std::string_view s);  // "england-and-wales", "none"
// Whether a `calendar:` value names an iCalendar file rather than a built-in calendar: "*.ics".
bool is_ics_path(std::string_view s);

// Easter Sunday of the Gregorian year (anonymous Gregorian algorithm).
Date easter_sunday(int year);

// The England and Wales bank holidays of a year, substitute days applied, in date order.
std::vector<Date> england_and_wales_holidays(int year);

class Calendar {
 public:
  explicit Calendar(CalendarKind kind = CalendarKind::england_and_wales,
                    std::vector<Date> extra_holidays = {});

  bool is_weekend(Date d) const;
  bool is_holiday(Date d) const;
  bool is_business_day(Date d) const { return !is_weekend(d) && !is_holiday(d); }

  // The Nth business day after `start` (start is day 0 and is never counted, even when it is a
  // business day; n >= 1). Resolution Wed 23 Dec 2026, n = 5 -> Mon 4 Jan 2027.
  Date add_business_days(Date start, int n) const;

  // Same UTC clock time on the next business day after t's date (the "1bd" cadence).
  Instant next_business_day_same_time(Instant t) const;

 private:
  CalendarKind kind_;
  std::set<Date> extra_;
  mutable std::set<int> years_loaded_;
  mutable std::set<Date> holidays_;
  void load_year(int year) const;
};

}  // namespace esc
