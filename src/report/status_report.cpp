#include "report/status_report.h"

#include <algorithm>
#include <array>

#include <libical/ical.h>
#include <nlohmann/json.hpp>

#include "core/text.h"

namespace esc {

namespace chr = std::chrono;

namespace {

// "Wed 23 Dec 2026 10:40 UTC" / "Mon 4 Jan 2027 (end of day UTC)": weekdays help across
// weekends and holidays.
std::string when(const model::DueItem& i) {
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  const Date day = i.day ? *i.day : utc_date(i.due);
  const std::string weekday = kDays[chr::weekday{day}.c_encoding()];
  if (!i.day) return weekday + " " + format_short(i.due);
  const std::string stamp = format_short(Instant(day));  // "4 Jan 2027 00:00 UTC"
  return weekday + " " + stamp.substr(0, stamp.size() - format_hhmm(Instant(day)).size() - 1) +
         " (end of day UTC)";
}

// The deadline in the display zone: the local time of the instant (for a date deadline, of the
// end of its UTC day: "until Tue 5 Jan 2027 01:00 CET").
std::string when_in(const model::DueItem& i, const TimeZone& zone) {
  return (i.day ? "until " : "") + format_compact_in(i.due, zone);
}

std::string relative(const model::DueItem& i) {
  if (i.overdue) return "overdue " + compact_span(i.delta);
  if (i.delta.count() == 0) return "due now";
  return "in " + compact_span(i.delta);
}

std::string where(const model::DueItem& i) {
  return format_location(i.file, i.mark);
}

icaltimetype ical_time(Instant t) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(t.time_since_epoch().count()), 0,
                                       icaltimezone_get_utc_timezone());
}

icaltimetype ical_date(Date d) {
  const chr::year_month_day ymd{d};
  icaltimetype t = icaltime_null_date();
  t.year = int{ymd.year()};
  t.month = static_cast<int>(unsigned{ymd.month()});
  t.day = static_cast<int>(unsigned{ymd.day()});
  t.is_date = 1;
  return t;
}

}  // namespace

std::string compact_span(chr::minutes m) {
  const long long total = m.count();
  const long long days = total / (24 * 60), hours = total % (24 * 60) / 60, minutes = total % 60;
  // concat, not " " + std::string: GCC 12's false -Wrestrict in optimised builds (bug 105329).
  if (days > 0) return hours ? concat({std::to_string(days), "d ", std::to_string(hours), "h"}) : concat({std::to_string(days), "d"});
  if (hours > 0)
    return minutes ? concat({std::to_string(hours), "h ", std::to_string(minutes), "m"}) : concat({std::to_string(hours), "h"});
  return concat({std::to_string(minutes), "m"});
}

void write_status_text(std::ostream& out, const StatusView& v) {
  const auto overdue = static_cast<std::size_t>(
      std::count_if(v.items.begin(), v.items.end(), [](const model::DueItem& i) { return i.overdue; }));
  out << "escalate status at " << format_short(v.now);
  if (v.zone) out << " (" << format_compact_in(v.now, *v.zone) << ")";
  out << ": " << v.records
      << (v.records == 1 ? " record, " : " records, ") << overdue << " overdue, " << v.items.size() - overdue
      << " due within " << v.within_text << "\n";
  if (v.items.empty()) return;
  out << "\n";
  // Columns: relative, UTC, [display zone], record, what, owner.
  std::array<std::size_t, 6> width{};
  std::vector<std::array<std::string, 6>> rows;
  for (const model::DueItem& i : v.items) {
    rows.push_back({relative(i), when(i), v.zone ? when_in(i, *v.zone) : "", i.record, i.what,
                    i.owner.empty() ? "(no owner)" : i.owner});
    for (std::size_t c = 0; c < width.size(); ++c) width[c] = std::max(width[c], utf8_length(rows.back()[c]));
  }
  for (std::size_t n = 0; n < rows.size(); ++n) {
    const model::DueItem& i = v.items[n];
    const char* on = !v.color ? "" : i.overdue ? "\033[1;31m" : "\033[33m";
    const char* off = v.color ? "\033[0m" : "";
    out << "  ";
    for (std::size_t c = 0; c < width.size(); ++c) {
      if (c == 2 && !v.zone) continue;
      const std::string& cell = rows[n][c];
      if (c == 0) out << on;
      out << cell;
      if (c == 0) out << off;
      out << std::string(width[c] - utf8_length(cell) + 2, ' ');
    }
    out << i.detail << "\n" << std::string(4, ' ') << (v.color ? "\033[2m" : "") << where(i) << off << "\n";
  }
}

void write_status_json(std::ostream& out, const StatusView& v) {
  nlohmann::ordered_json j;
  j["now"] = format_rfc3339(v.now);
  j["within"] = v.within_text;
  j["records"] = v.records;
  j["overdue"] = std::count_if(v.items.begin(), v.items.end(), [](const model::DueItem& i) { return i.overdue; });
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const model::DueItem& i : v.items) {
    nlohmann::ordered_json e;
    e["uid"] = i.uid;
    e["record"] = i.record;
    e["kind"] = std::string(model::kind_name(i.kind));
    e["what"] = i.what;
    e["detail"] = i.detail;
    e["owner"] = i.owner;
    e["due"] = format_rfc3339(i.due);
    if (i.day) e["due_date"] = format_iso_date(*i.day);
    e["state"] = i.overdue ? "overdue" : "due";
    e[i.overdue ? "overdue_minutes" : "due_in_minutes"] = i.delta.count();
    e["file"] = i.file;
    e["line"] = i.mark.line;
    e["column"] = i.mark.col;
    items.push_back(std::move(e));
  }
  j["items"] = std::move(items);
  out << j.dump(2) << "\n";
}

void write_status_ics(std::ostream& out, const StatusView& v) {
  icalcomponent* cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property(cal, icalproperty_new_prodid("-//escalate//status//EN"));
  icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
  for (const model::DueItem& i : v.items) {
    icalcomponent* ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    icalcomponent_add_property(ev, icalproperty_new_uid(i.uid.c_str()));
    icalcomponent_add_property(ev, icalproperty_new_dtstamp(ical_time(v.now)));
    if (i.day) {
      icalcomponent_add_property(ev, icalproperty_new_dtstart(ical_date(*i.day)));
      icalcomponent_add_property(ev, icalproperty_new_dtend(ical_date(*i.day + chr::days(1))));
    } else {
      // No DTEND: an event at an instant (RFC 5545 3.6.1; DTEND must be later than DTSTART).
      icalcomponent_add_property(ev, icalproperty_new_dtstart(ical_time(i.due)));
    }
    const std::string summary = i.record + ": " + i.what + (i.overdue ? " (overdue)" : "");
    icalcomponent_add_property(ev, icalproperty_new_summary(summary.c_str()));
    const std::string description = i.detail + "\nOwner: " + (i.owner.empty() ? "(no owner)" : i.owner) +
                                    "\nRecord: " + where(i);
    icalcomponent_add_property(ev, icalproperty_new_description(description.c_str()));
    icalcomponent_add_property(ev, icalproperty_new_categories(std::string(model::kind_name(i.kind)).c_str()));
    icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
    if (i.kind == model::DueItem::Kind::customer_update) {
      icalcomponent* alarm = icalcomponent_new(ICAL_VALARM_COMPONENT);
      icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
      icaltriggertype trigger{};
      trigger.time = icaltime_null_time();
      trigger.duration = icaldurationtype_from_int(-15 * 60);
      icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
      const std::string note = i.record + ": customer update due in 15 minutes";
      icalcomponent_add_property(alarm, icalproperty_new_description(note.c_str()));
      icalcomponent_add_component(ev, alarm);
    }
    icalcomponent_add_component(cal, ev);
  }
  char* text = icalcomponent_as_ical_string_r(cal);
  out << text;
  icalmemory_free_buffer(text);
  icalcomponent_free(cal);
}

}  // namespace esc
