#include "core/ics.h"

#include <libical/ical.h>

#include <algorithm>
#include <memory>

namespace esc {

namespace {

namespace chr = std::chrono;

constexpr int kLastYear = 2200;        // recurrences are expanded up to here
constexpr int kMaxDaysPerEvent = 366;  // a longer event is a mistake, not a holiday

Date to_date(const icaltimetype& t) {
  return Date(chr::year_month_day(chr::year(t.year), chr::month(static_cast<unsigned>(t.month)),
                                  chr::day(static_cast<unsigned>(t.day))));
}

// Days of one occurrence starting at `start`, lasting `span` days (at least one).
void add_days(Date start, int span, std::vector<Date>& out) {
  for (int i = 0; i < std::max(span, 1); ++i) out.push_back(start + chr::days(i));
}

}  // namespace

IcsHolidays parse_ics_holidays(std::string_view text) {
  IcsHolidays result;
  const std::string copy(text);  // libical wants a NUL-terminated string
  std::unique_ptr<icalcomponent, decltype(&icalcomponent_free)> root(icalparser_parse_string(copy.c_str()),
                                                                      icalcomponent_free);
  if (!root || icalcomponent_isa(root.get()) != ICAL_VCALENDAR_COMPONENT) {
    result.error = "it is not an iCalendar file (no BEGIN:VCALENDAR ... END:VCALENDAR)";
    return result;
  }
  int events = 0;
  for (icalcomponent* ev = icalcomponent_get_first_component(root.get(), ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(root.get(), ICAL_VEVENT_COMPONENT)) {
    const icaltimetype start = icalcomponent_get_dtstart(ev);
    if (icaltime_is_null_time(start) || !icaltime_is_valid_time(start)) {
      const char* uid = icalcomponent_get_uid(ev);
      result.error = std::string("an event") + (uid ? std::string(" (UID ") + uid + ")" : std::string()) +
                     " has no valid DTSTART";
      result.days.clear();
      return result;
    }
    ++events;
    if (icalcomponent_get_status(ev) == ICAL_STATUS_CANCELLED) continue;
    const Date first = to_date(start);
    int span = 1;
    const icaltimetype end = icalcomponent_get_dtend(ev);  // DTEND, or DTSTART + DURATION
    if (!icaltime_is_null_time(end) && icaltime_is_valid_time(end)) {
      const auto days = (to_date(end) - first).count();
      // DTEND is exclusive for all-day events; a timed event ending later that day is one day.
      span = static_cast<int>(start.is_date ? days : days + 1);
      if (!start.is_date && end.hour == 0 && end.minute == 0 && end.second == 0) --span;
    }
    span = std::clamp(span, 1, kMaxDaysPerEvent);
    icalproperty* rrule = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY);
    if (!rrule) {
      add_days(first, span, result.days);
      continue;
    }
    icalrecur_iterator* it = icalrecur_iterator_new(icalproperty_get_rrule(rrule), start);
    if (!it) {
      add_days(first, span, result.days);
      continue;
    }
    for (icaltimetype t = icalrecur_iterator_next(it); !icaltime_is_null_time(t) && t.year <= kLastYear;
         t = icalrecur_iterator_next(it))
      add_days(to_date(t), span, result.days);
    icalrecur_iterator_free(it);
  }
  if (events == 0) {
    result.error = "it has no events (VEVENT)";
    return result;
  }
  std::sort(result.days.begin(), result.days.end());
  result.days.erase(std::unique(result.days.begin(), result.days.end()), result.days.end());
  return result;
}

}  // namespace esc
