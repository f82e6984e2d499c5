#include "core/time.h"

#include <array>
#include <charconv>
#include <cstdint>

namespace esc {

namespace {

namespace chr = std::chrono;

// Our own name tables: strftime and iostream names depend on the locale, and a customer email
// must read the same on every machine.
constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 7> kWeekdayNames = {  // C encoding: Sunday is 0
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

std::string_view month_name(chr::month m) { return kMonthNames[unsigned{m} - 1]; }
std::string_view month_abbrev(chr::month m) { return month_name(m).substr(0, 3); }
std::string_view weekday_name(chr::weekday w) { return kWeekdayNames[w.c_encoding()]; }
std::string_view weekday_abbrev(chr::weekday w) { return weekday_name(w).substr(0, 3); }

// Zero-padded decimal, e.g. pad(7, 2) == "07".
std::string pad(long long value, std::size_t width) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
  return value < 0 ? "-" + digits : digits;
}

// The text between double quotes as it appears in messages; control bytes are escaped so a
// stray newline or tab cannot break a one-line message.
std::string quoted(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte == 0x7f) {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Exactly `width` ASCII digits at `pos`, or nullopt.
std::optional<int> read_digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// What is wrong with a timestamp or date and where; turned into a TimeError by the caller,
// which knows how to introduce the text.
struct Problem {
  std::string why;
  std::size_t at = 0;
};

// Reads "YYYY-MM-DD" at the start of `text`, checking each field as soon as it is read so the
// first problem from the left is the one reported.
std::optional<chr::year_month_day> read_date(std::string_view text, Problem& problem) {
  auto fail = [&](std::string why, std::size_t at) {
    problem = {std::move(why), at};
    return std::nullopt;
  };
  const auto year = read_digits(text, 0, 4);
  if (!year) return fail("expected the year as four digits (YYYY-MM-DD)", 0);
  if (text.size() <= 4 || text[4] != '-')
    return fail("expected '-' after the year (YYYY-MM-DD)", 4);
  const auto month = read_digits(text, 5, 2);
  if (!month) return fail("expected the month as two digits (YYYY-MM-DD)", 5);
  if (*month < 1 || *month > 12)
    return fail("month " + std::to_string(*month) + " is out of range", 5);
  if (text.size() <= 7 || text[7] != '-')
    return fail("expected '-' after the month (YYYY-MM-DD)", 7);
  const auto day = read_digits(text, 8, 2);
  if (!day) return fail("expected the day as two digits (YYYY-MM-DD)", 8);

  const chr::year_month_day date{chr::year{*year}, chr::month(static_cast<unsigned>(*month)),
                                 chr::day(static_cast<unsigned>(*day))};
  if (!date.ok()) {
    const chr::year_month_day_last last{date.year(), chr::month_day_last{date.month()}};
    return fail("day " + std::to_string(*day) + " is out of range (" +
                    std::string(month_name(date.month())) + " " + std::to_string(*year) + " has " +
                    std::to_string(unsigned{last.day()}) + " days)",
                8);
  }
  return date;
}

std::string plural(unsigned long long n, std::string_view unit) {
  return std::to_string(n) + " " + std::string(unit) + (n == 1 ? "" : "s");
}

// "2 days 3 hours 5 minutes", leaving out zero parts. `exact` says every part; otherwise only
// the largest unit and the one below it ("3 days 2 hours"), the rest truncated, never rounded.
std::string describe_minutes(unsigned long long minutes, bool exact) {
  const unsigned long long parts[] = {minutes / 1440, minutes / 60 % 24, minutes % 60};
  const std::string_view units[] = {"day", "hour", "minute"};
  std::string out;
  int first = -1;
  for (int i = 0; i < 3; ++i) {
    if (first >= 0 && !exact && i > first + 1) break;
    if (parts[i] == 0) continue;
    if (first < 0) first = i;
    if (!out.empty()) out += ' ';
    out += plural(parts[i], units[i]);
  }
  return out.empty() ? "0 minutes" : out;
}

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text, TimeError* error) {
  auto fail = [&](std::string why, std::size_t at) -> std::optional<Timestamp> {
    if (error) *error = {quoted(text) + " is not a valid RFC 3339 timestamp: " + why, at};
    return std::nullopt;
  };
  if (text.empty()) {
    if (error) *error = {"timestamp is empty; write it as YYYY-MM-DDTHH:MM:SSZ", 0};
    return std::nullopt;
  }

  Problem problem;
  const auto date = read_date(text, problem);
  if (!date) return fail(problem.why, problem.at);
  if (text.size() == 10) {
    return fail("it is a date without a time; write it as " + std::string(text.substr(0, 10)) +
                    "T00:00:00Z",
                10);
  }
  if (text[10] != 'T' && text[10] != 't' && text[10] != ' ')
    return fail("expected 'T' between the date and the time", 10);

  const auto hour = read_digits(text, 11, 2);
  if (!hour) return fail("expected the hour as two digits (HH:MM:SS)", 11);
  if (*hour > 23) return fail("hour " + std::to_string(*hour) + " is out of range", 11);
  if (text.size() <= 13 || text[13] != ':')
    return fail("expected ':' after the hour (HH:MM:SS)", 13);
  const auto minute = read_digits(text, 14, 2);
  if (!minute) return fail("expected the minutes as two digits (HH:MM:SS)", 14);
  if (*minute > 59) return fail("minute " + std::to_string(*minute) + " is out of range", 14);
  if (text.size() <= 16 || text[16] != ':')
    return fail("expected ':' and the seconds after the minutes (HH:MM:SS)", 16);
  const auto second = read_digits(text, 17, 2);
  if (!second) return fail("expected the seconds as two digits (HH:MM:SS)", 17);
  if (*second > 60) return fail("second " + std::to_string(*second) + " is out of range", 17);

  std::size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {  // fractional seconds: read and dropped
    const std::size_t first = ++pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == first) return fail("expected digits after the decimal point", first);
  }

  if (pos == text.size()) {
    if (error) {
      *error = {"timestamp " + quoted(text) +
                    " has no time zone; add Z for UTC (the playbook works in UTC)",
                text.size()};
    }
    return std::nullopt;
  }
  int offset = 0;
  const std::size_t zone = pos;
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    const auto off_hour = read_digits(text, pos + 1, 2);
    const auto off_minute = read_digits(text, pos + 4, 2);
    if (!off_hour || !off_minute || text[pos + 3] != ':')
      return fail("expected the zone offset as +HH:MM or -HH:MM", zone);
    if (*off_hour > 23 || *off_minute > 59)
      return fail("zone offset " + std::string(text.substr(zone, 6)) + " is out of range", zone);
    offset = (*off_hour * 60 + *off_minute) * (text[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return fail("expected a time zone (Z, +HH:MM or -HH:MM) after the seconds", zone);
  }
  if (pos != text.size()) return fail("unexpected text after the time zone", pos);

  // A leap second (:60) has no sys_seconds value; read it as :59 so the instant keeps its
  // minute and its date rather than spilling into the next day.
  const int whole_second = *second == 60 ? 59 : *second;
  const Instant local =
      chr::sys_days{*date} + chr::hours{*hour} + chr::minutes{*minute} + chr::seconds{whole_second};
  return Timestamp{local - chr::minutes{offset}, offset};
}

std::optional<Date> parse_date(std::string_view text, TimeError* error) {
  auto fail = [&](std::string why, std::size_t at) -> std::optional<Date> {
    if (error) *error = {quoted(text) + " is not a valid date (YYYY-MM-DD): " + why, at};
    return std::nullopt;
  };
  if (text.empty()) {
    if (error) *error = {"date is empty; write it as YYYY-MM-DD", 0};
    return std::nullopt;
  }
  Problem problem;
  const auto date = read_date(text, problem);
  if (!date) return fail(problem.why, problem.at);
  if (text.size() != 10) return fail("unexpected text after the date", 10);
  return chr::sys_days{*date};
}

std::optional<Duration> parse_duration(std::string_view text) {
  int n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  // from_chars accepts a leading '-', which no duration has; zero is no deadline or cadence.
  if (ec != std::errc{} || end == text.data() || text.front() == '-' || n <= 0) return std::nullopt;
  const std::string_view unit = text.substr(static_cast<std::size_t>(end - text.data()));
  // At most a year (kMaxDurationDays days, or as many business days): longer is a slip, and
  // the calendar is walked a business day at a time.
  const int most = unit == "m" ? kMaxDurationDays * 1440 : unit == "h" ? kMaxDurationDays * 24 : kMaxDurationDays;
  if (n > most) return std::nullopt;
  Duration d;
  if (unit == "m") {
    d.minutes = chr::minutes{n};
  } else if (unit == "h") {
    d.minutes = chr::hours{n};
  } else if (unit == "d") {
    d.minutes = chr::days{n};
  } else if (unit == "bd") {
    d.business_days = n;
  } else {
    return std::nullopt;
  }
  return d;
}

std::string describe(const Duration& d) {
  if (d.business_days > 0) return plural(static_cast<unsigned>(d.business_days), "business day");
  // A configured duration is said exactly ("1 day 2 hours 5 minutes"), never truncated.
  const auto minutes = d.minutes.count();
  return describe_minutes(static_cast<unsigned long long>(minutes < 0 ? -minutes : minutes), true);
}

Date utc_date(Instant t) { return chr::floor<chr::days>(t); }

std::string format_iso_date(Date d) {
  const chr::year_month_day ymd{d};
  return pad(int{ymd.year()}, 4) + "-" + pad(unsigned{ymd.month()}, 2) + "-" +
         pad(unsigned{ymd.day()}, 2);
}

std::string format_rfc3339(Instant t) {
  const Date d = utc_date(t);
  const chr::hh_mm_ss hms{t - d};
  return format_iso_date(d) + "T" + pad(hms.hours().count(), 2) + ":" +
         pad(hms.minutes().count(), 2) + ":" + pad(hms.seconds().count(), 2) + "Z";
}

std::string format_human_date(Date d) {
  const chr::year_month_day ymd{d};
  return std::string(weekday_name(chr::weekday{d})) + " " + std::to_string(unsigned{ymd.day()}) +
         " " + std::string(month_name(ymd.month())) + " " + std::to_string(int{ymd.year()});
}

std::string format_hhmm(Instant t) {
  const chr::hh_mm_ss hms{t - utc_date(t)};
  return pad(hms.hours().count(), 2) + ":" + pad(hms.minutes().count(), 2) + " UTC";
}

std::string format_human(Instant t) {
  return format_human_date(utc_date(t)) + ", " + format_hhmm(t);
}

std::string format_short_date(Date d) {
  const chr::year_month_day ymd{d};
  return std::to_string(unsigned{ymd.day()}) + " " + std::string(month_abbrev(ymd.month())) + " " +
         std::to_string(int{ymd.year()});
}

std::string format_short(Instant t) { return format_short_date(utc_date(t)) + " " + format_hhmm(t); }

std::string format_time_beside(Instant t, Instant reference) {
  return utc_date(t) == utc_date(reference) ? format_hhmm(t) : format_short(t);
}

std::string describe_days(long long days) {
  return std::to_string(days) + (days == 1 ? " day" : " days");
}

std::string format_rfc5322(Instant t) {
  const Date d = utc_date(t);
  const chr::year_month_day ymd{d};
  const chr::hh_mm_ss hms{t - d};
  return std::string(weekday_abbrev(chr::weekday{d})) + ", " + pad(unsigned{ymd.day()}, 2) + " " +
         std::string(month_abbrev(ymd.month())) + " " + pad(int{ymd.year()}, 4) + " " +
         pad(hms.hours().count(), 2) + ":" + pad(hms.minutes().count(), 2) + ":" +
         pad(hms.seconds().count(), 2) + " +0000";
}

std::string describe_span(std::chrono::seconds s) {
  // The magnitude only: the caller says "before" or "after".
  const auto count = s.count();
  const auto total = count < 0 ? 0ULL - static_cast<unsigned long long>(count)
                               : static_cast<unsigned long long>(count);
  if (total == 0) return "0 minutes";
  if (total < 60) return plural(total, "second");
  // Two units are enough for a person ("3 days 2 hours"); the rest is truncated so a reply
  // 119 seconds late reads "1 minute", never more than it was. "1 day 5 minutes" is said as
  // "1 day": the hours are the unit that matters there.
  return describe_minutes(total / 60, false);
}

std::optional<Instant> parse_now(std::string_view text) {
  const auto ts = parse_timestamp(text);
  if (!ts) return std::nullopt;
  return ts->utc;
}

}  // namespace esc
