#include "draft/written_time.h"
#include "core/text.h"

#include <re2/re2.h>

#include <array>
#include <cctype>
#include <span>

namespace esc {

namespace {

namespace chr = std::chrono;

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<std::string_view, 7> kWeekdays = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
constexpr std::array<std::string_view, 7> kWeekdayNames = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// When a region's clocks are on summer time: from the n-th Sunday of one month to the n-th
// Sunday of another (n = -1: the last Sunday). In the south, summer spans the new year.
struct SummerTime {
  unsigned start_month;
  int start_sunday;
  unsigned end_month;
  int end_sunday;
};
constexpr SummerTime kEurope{3, -1, 10, -1};        // last Sunday of March to last Sunday of October
constexpr SummerTime kNorthAmerica{3, 2, 11, 1};    // second Sunday of March to first Sunday of November
constexpr SummerTime kSouthEastAustralia{10, 1, 4, 1};
constexpr SummerTime kNewZealand{9, -1, 4, 1};

// Zone abbreviations with one meaning. IST and CST are left out on purpose: each names three
// different zones. A name tied to a season (BST, CET, EDT ...) is accepted only on the dates
// it is in effect; on a changeover Sunday both of the region's names are. MST and AEST stay
// all year: Arizona and Queensland keep standard time.
struct NamedZone {
  std::string_view name;
  int offset_minutes;
  const SummerTime* summer_time = nullptr;  // nullptr: in effect all year
  bool summer = false;                      // the summer name (BST) rather than the winter one (GMT)
  std::string_view other = {};              // the region's name for the rest of the year
};
constexpr NamedZone kZones[] = {
    {"UTC", 0},
    {"GMT", 0},
    {"Z", 0},
    {"JST", 540},
    {"MST", -420},
    {"AEST", 600},
    {"WET", 0, &kEurope, false, "WEST"},
    {"WEST", 60, &kEurope, true, "WET"},
    {"BST", 60, &kEurope, true, "GMT"},
    {"CET", 60, &kEurope, false, "CEST"},
    {"CEST", 120, &kEurope, true, "CET"},
    {"EET", 120, &kEurope, false, "EEST"},
    {"EEST", 180, &kEurope, true, "EET"},
    {"EST", -300, &kNorthAmerica, false, "EDT"},
    {"EDT", -240, &kNorthAmerica, true, "EST"},
    {"CDT", -300, &kNorthAmerica, true, "CST"},
    {"MDT", -360, &kNorthAmerica, true, "MST"},
    {"PST", -480, &kNorthAmerica, false, "PDT"},
    {"PDT", -420, &kNorthAmerica, true, "PST"},
    {"AEDT", 660, &kSouthEastAustralia, true, "AEST"},
    {"NZST", 720, &kNewZealand, false, "NZDT"},
    {"NZDT", 780, &kNewZealand, true, "NZST"},
};

Date nth_sunday(chr::year year, unsigned month, int n) {
  const chr::month m{month};
  if (n < 0) return Date{year / m / chr::Sunday[chr::last]};
  return Date{year / m / chr::Sunday[static_cast<unsigned>(n)]};
}

// True when the zone's name is the one its region uses on `day`.
bool in_effect(const NamedZone& zone, Date day) {
  if (!zone.summer_time) return true;
  const SummerTime& st = *zone.summer_time;
  const chr::year year = chr::year_month_day{day}.year();
  const Date start = nth_sunday(year, st.start_month, st.start_sunday);
  const Date end = nth_sunday(year, st.end_month, st.end_sunday);
  const bool north = start < end;
  const bool summer = north ? (start <= day && day <= end) : (day >= start || day <= end);
  const bool winter = north ? (day <= start || day >= end) : (end <= day && day <= start);
  return zone.summer ? summer : winter;
}

int index_of(std::string_view word, std::span<const std::string_view> names) {
  std::string low;
  for (std::size_t i = 0; i < 3 && i < word.size(); ++i)
    low += static_cast<char>(std::tolower(static_cast<unsigned char>(word[i])));
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == low) return static_cast<int>(i);
  return -1;
}

int to_int(const std::string& s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

#define ESC_WEEKDAY R"((monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\b\.?,?\s+)"
#define ESC_MONTH                                                                                  \
  R"((january|february|march|april|may|june|july|august|september|october|november|december|)" \
  R"(jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?)"

struct DatePart {
  int year = 0, month = 0, day = 0;  // year 0: not written
  int weekday = -1;                  // -1: not written
  // A numeric date "02/11/2026": the two numbers as written, read by resolve_numeric().
  bool numeric = false;
  int first = 0, second = 0;
  std::string written;
};

// Consumes a date at the start of `in`.
std::optional<DatePart> consume_date(re2::StringPiece& in) {
  static const re2::RE2 iso(R"((\d{4})-(\d{1,2})-(\d{1,2}))");
  static const re2::RE2 dmy(R"((?i)(?:)" ESC_WEEKDAY R"()?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)" ESC_MONTH
                            R"((?:,?\s+(\d{4})\b)?)");
  static const re2::RE2 mdy(R"((?i)(?:)" ESC_WEEKDAY R"()?)" ESC_MONTH R"(\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?)");
  static const re2::RE2 numeric(R"((?i)(?:)" ESC_WEEKDAY R"()?((\d{1,2})[/.](\d{1,2})[/.](\d{4}))\b)");
  std::string a, b, c, d, e;
  DatePart p;
  if (re2::RE2::Consume(&in, numeric, &a, &e, &b, &c, &d)) {
    p.weekday = a.empty() ? -1 : index_of(a, kWeekdays);
    p.numeric = true;
    p.written = e;
    p.first = to_int(b);
    p.second = to_int(c);
    p.year = to_int(d);
    p.day = p.first;
    p.month = p.second;
    return p;
  }
  if (re2::RE2::Consume(&in, iso, &a, &b, &c)) {
    p.year = to_int(a);
    p.month = to_int(b);
    p.day = to_int(c);
    return p;
  }
  if (re2::RE2::Consume(&in, dmy, &a, &b, &c, &d)) {
    p.weekday = a.empty() ? -1 : index_of(a, kWeekdays);
    p.day = to_int(b);
    p.month = index_of(c, kMonths) + 1;
    p.year = d.empty() ? 0 : to_int(d);
    return p;
  }
  if (re2::RE2::Consume(&in, mdy, &a, &b, &c, &d)) {
    p.weekday = a.empty() ? -1 : index_of(a, kWeekdays);
    p.month = index_of(b, kMonths) + 1;
    p.day = to_int(c);
    p.year = d.empty() ? 0 : to_int(d);
    return p;
  }
  return std::nullopt;
}

struct ClockPart {
  int hour = 0, minute = 0, second = 0;
  std::string problem;  // why it is not a time of day; empty when it is one
};

std::string two_digits(int n) { return concat({n < 10 ? "0" : "", std::to_string(n)}); }

// Why an hour written with am/pm is wrong, with the two ways to write what was probably meant.
std::string am_pm_problem(const std::string& written, int hour, int minute) {
  std::string problem = "'" + written + "' is not a time of day: with am or pm the hour runs from 1 to 12";
  const std::string mm = minute == 0 ? "" : concat({":", two_digits(minute)});
  if (hour == 0) problem += "; write 12" + mm + "am or 00:" + two_digits(minute);
  if (hour >= 13 && hour <= 23)
    problem += "; write " + std::to_string(hour - 12) + mm + "pm or " + two_digits(hour) + ":" + two_digits(minute);
  return problem;
}

// A time of day at the start of `in`: "09:45", "09:45:30", "9:45 am", "3pm", "3 p.m.",
// "3.30pm", "noon", "12 midday". "midnight" is read but refused: the start or the end of a day?
std::optional<ClockPart> consume_clock(re2::StringPiece& in) {
  static const re2::RE2 clock(R"((\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*([AaPp])\.?[Mm]\b\.?)?)");
  static const re2::RE2 twelve_hour(R"((\d{1,2})(?:\.(\d{2}))?\s*([AaPp])\.?[Mm]\b\.?)");
  static const re2::RE2 noon(R"((?i)(?:12\s*)?(?:noon|midday)\b)");
  static const re2::RE2 midnight(R"((?i)(?:12\s*)?midnight\b)");
  const char* const start = in.data();
  ClockPart c;
  if (re2::RE2::Consume(&in, noon)) {
    c.hour = 12;
    return c;
  }
  if (re2::RE2::Consume(&in, midnight)) {
    c.problem = "'midnight' could be the start or the end of the day; write 00:00 or 23:59";
    return c;
  }
  std::string h, m, s, ampm;
  if (!re2::RE2::Consume(&in, clock, &h, &m, &s, &ampm) && !re2::RE2::Consume(&in, twelve_hour, &h, &m, &ampm))
    return std::nullopt;
  const std::string written(start, static_cast<std::size_t>(in.data() - start));
  c.hour = to_int(h);
  c.minute = m.empty() ? 0 : to_int(m);
  c.second = s.empty() ? 0 : std::min(59, to_int(s));
  if (!ampm.empty()) {
    if (c.hour < 1 || c.hour > 12) {
      c.problem = am_pm_problem(written, c.hour, c.minute);
      return c;
    }
    c.hour %= 12;  // 12am is 00:00, 12pm is 12:00
    if (ampm == "p" || ampm == "P") c.hour += 12;
  }
  if (c.hour > 23 || c.minute > 59 || to_int(s) > 60)
    c.problem = "'" + written + "' is not a time of day: hours run from 00 to 23 and minutes from 00 to 59";
  return c;
}

struct ZonePart {
  std::optional<int> offset_minutes;  // nullopt: a name we cannot convert
  std::string name;
  const NamedZone* named = nullptr;   // a name of kZones
};

std::optional<ZonePart> consume_zone(re2::StringPiece& in) {
  static const re2::RE2 named_offset(R"(\s*\(?\s*((?i:utc|gmt))\s*([+-])(\d{1,2})(?::?(\d{2}))?(?:\s*\))?)");
  static const re2::RE2 numeric(R"(\s*\(?([+-])(\d{2}):?(\d{2})\b\)?)");
  static const re2::RE2 name(R"(\s*\(?\s*((?i:utc|gmt)|Z|[A-Z]{2,5})\b(?:\s*\))?)");
  std::string a, b, c, d;
  ZonePart z;
  if (re2::RE2::Consume(&in, named_offset, &a, &b, &c, &d)) {
    int minutes = to_int(c) * 60 + (d.empty() ? 0 : to_int(d));
    z.offset_minutes = b == "-" ? -minutes : minutes;
    z.name = a;
    return z;
  }
  if (re2::RE2::Consume(&in, numeric, &a, &b, &c)) {
    int minutes = to_int(b) * 60 + to_int(c);
    z.offset_minutes = a == "-" ? -minutes : minutes;
    z.name = a + b + ":" + c;
    return z;
  }
  re2::StringPiece probe = in;
  if (re2::RE2::Consume(&probe, name, &a)) {
    std::string upper;
    for (char ch : a) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (upper == "AM" || upper == "PM" || upper == "ON" || upper == "AT") return std::nullopt;
    in = probe;
    z.name = a;
    for (const NamedZone& nz : kZones)
      if (nz.name == upper) {
        z.offset_minutes = nz.offset_minutes;
        z.named = &nz;
      }
    return z;
  }
  return std::nullopt;
}

std::string describe_date(const chr::year_month_day& ymd) {
  return std::to_string(unsigned{ymd.day()}) + " " + std::string(kMonthNames[unsigned{ymd.month()} - 1]) + " " +
         std::to_string(int{ymd.year()});
}

// Checks a complete date; sets `detail` when it is impossible or its weekday is wrong.
std::optional<Date> check_date(const DatePart& p, WrittenTime::Status* status, std::string* detail) {
  const chr::year_month_day ymd{chr::year{p.year}, chr::month(static_cast<unsigned>(p.month)),
                                chr::day(static_cast<unsigned>(p.day))};
  if (!ymd.ok()) {
    *status = WrittenTime::Status::invalid;
    *detail = "there is no day " + std::to_string(p.day) + " in " +
              (p.month >= 1 && p.month <= 12 ? std::string(kMonthNames[static_cast<std::size_t>(p.month - 1)]) + " "
                                              : std::string("month ") + std::to_string(p.month) + " of ") +
              std::to_string(p.year);
    return std::nullopt;
  }
  const Date date{ymd};
  if (p.weekday >= 0) {
    const unsigned actual = chr::weekday{date}.c_encoding();
    if (static_cast<int>(actual) != p.weekday) {
      *status = WrittenTime::Status::bad_weekday;
      *detail = describe_date(ymd) + " is a " + std::string(kWeekdayNames[actual]) + ", not a " +
                std::string(kWeekdayNames[static_cast<std::size_t>(p.weekday)]);
      return std::nullopt;
    }
  }
  return date;
}

std::size_t consumed(std::string_view text, const re2::StringPiece& rest) {
  return static_cast<std::size_t>(rest.data() - text.data());
}

std::optional<Date> valid_date(int year, int month, int day) {
  const chr::year_month_day ymd{chr::year{year}, chr::month(static_cast<unsigned>(month)),
                                chr::day(static_cast<unsigned>(day))};
  if (month < 1 || month > 12 || day < 1 || !ymd.ok()) return std::nullopt;
  return Date{ymd};
}

bool weekday_is(Date d, int weekday) { return static_cast<int>(chr::weekday{d}.c_encoding()) == weekday; }

long long days_between(Date a, Date b) {
  const long long n = (a - b).count();
  return n < 0 ? -n : n;
}

// A date within this many days of the reference is "near" it.
constexpr long long kNearDays = 60;

// Picks day and month of a numeric date (see read_written_time). False, with `detail`, when the
// date is ambiguous.
bool resolve_numeric(DatePart& p, const DateContext& ctx, std::string* detail) {
  const bool day_first = ctx.order == DateOrder::day_first;
  const std::optional<Date> as_ordered =
      day_first ? valid_date(p.year, p.second, p.first) : valid_date(p.year, p.first, p.second);
  const std::optional<Date> other =
      day_first ? valid_date(p.year, p.first, p.second) : valid_date(p.year, p.second, p.first);
  auto take = [&](bool ordered) {
    const bool day_is_first = ordered == day_first;
    p.day = day_is_first ? p.first : p.second;
    p.month = day_is_first ? p.second : p.first;
  };
  take(true);
  if (!as_ordered && other) take(false);
  if (!as_ordered || !other || *as_ordered == *other) return true;
  if (p.weekday >= 0) {
    if (!weekday_is(*as_ordered, p.weekday) && weekday_is(*other, p.weekday)) take(false);
    return true;
  }
  if (ctx.reference && days_between(*as_ordered, *ctx.reference) > kNearDays &&
      days_between(*other, *ctx.reference) <= kNearDays) {
    *detail = "'" + p.written + "' reads as " + format_human_date(*as_ordered) + " (" +
              (day_first ? "day first" : "month first") + ", the configured lint.date_order), but " +
              format_human_date(*other) + " is nearer the draft's date";
    return false;
  }
  return true;
}

// The year of "Monday 2 November": of the years around the reference, the one with that
// weekday, else the one putting the date nearest the reference (a wrong weekday is then
// reported as such). 0 when there is no reference, or without a weekday when even the nearest
// is months away.
int implied_year(const DatePart& p, const DateContext& ctx) {
  if (!ctx.reference) return 0;
  const int year = int{chr::year_month_day{*ctx.reference}.year()};
  std::optional<Date> nearest, matching;
  int nearest_year = 0, matching_year = 0;
  for (int y : {year - 1, year, year + 1}) {
    const auto d = valid_date(y, p.month, p.day);
    if (!d) continue;
    if (!nearest || days_between(*d, *ctx.reference) < days_between(*nearest, *ctx.reference)) {
      nearest = d;
      nearest_year = y;
    }
    if (p.weekday >= 0 && weekday_is(*d, p.weekday) &&
        (!matching || days_between(*d, *ctx.reference) < days_between(*matching, *ctx.reference))) {
      matching = d;
      matching_year = y;
    }
  }
  if (matching) return matching_year;
  if (!nearest || (p.weekday < 0 && days_between(*nearest, *ctx.reference) > 2 * kNearDays)) return 0;
  return nearest_year;
}

}  // namespace

std::optional<WrittenTime> read_written_time(std::string_view text, std::optional<Date> on,
                                             const DateContext& context) {
  static const re2::RE2 spaces(R"([ \t]*)");
  static const re2::RE2 date_to_clock(R"((?i)(?:[Tt]|\s*,?\s*(?:at\s+)?|\s+at\s+))");
  static const re2::RE2 clock_to_date(R"((?i)\s*,?\s*(?:on\s+)?)");
  // "today" / "tomorrow", before the time ("today at 11:40 UTC") or after it ("11:40 UTC today,
  // Monday 2 November").
  static const re2::RE2 relative_day(R"((?i)\s*,?\s*(today|tomorrow)\b\s*,?\s*(?:at\s+)?)");
  re2::StringPiece in(text.data(), text.size());
  re2::RE2::Consume(&in, spaces);

  WrittenTime w;
  std::optional<DatePart> date;
  std::optional<ClockPart> clock;
  std::optional<ZonePart> zone;
  std::string relative;  // "today" or "tomorrow" as written, lower case
  auto consume_relative = [&](re2::StringPiece& at) {
    std::string word;
    if (!re2::RE2::Consume(&at, relative_day, &word)) return false;
    for (char& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    relative = word;
    return true;
  };
  {
    re2::StringPiece probe = in;
    if (consume_relative(probe)) {
      re2::StringPiece after = probe;
      if (consume_clock(after)) in = probe;
      else relative.clear();
    }
  }
  if (relative.empty() && (date = consume_date(in))) {
    w.length = consumed(text, in);
    re2::StringPiece probe = in;
    re2::RE2::Consume(&probe, date_to_clock);
    if ((clock = consume_clock(probe))) {
      in = probe;
      w.length = consumed(text, in);
      if ((zone = consume_zone(in))) w.length = consumed(text, in);
    }
  } else if ((clock = consume_clock(in))) {
    w.length = consumed(text, in);
    if ((zone = consume_zone(in))) w.length = consumed(text, in);
    re2::StringPiece probe = in;
    if (relative.empty() && consume_relative(probe)) {
      in = probe;
      w.length = consumed(text, in);
      // "today, " reads as "today".
      while (w.length > 0 && (text[w.length - 1] == ' ' || text[w.length - 1] == ',' || text[w.length - 1] == '\t'))
        --w.length;
    }
    re2::RE2::Consume(&probe, clock_to_date);
    if ((date = consume_date(probe))) {
      in = probe;
      w.length = consumed(text, in);
      if (!zone && (zone = consume_zone(in))) w.length = consumed(text, in);
    }
  } else {
    return std::nullopt;
  }

  using S = WrittenTime::Status;
  if (clock && !clock->problem.empty()) {
    w.status = S::invalid;
    w.detail = clock->problem;
    return w;
  }
  if (date && date->numeric && !resolve_numeric(*date, context, &w.detail)) {
    w.status = S::ambiguous_date;
    return w;
  }
  if (date && date->year == 0) {
    date->year = implied_year(*date, context);
    w.year_implied = date->year != 0;
  }
  if (date && date->year != 0) {
    w.date = check_date(*date, &w.status, &w.detail);
    if (!w.date) return w;
  }
  if (!date) {
    if (!relative.empty() && context.reference) {
      w.date = *context.reference + chr::days{relative == "tomorrow" ? 1 : 0};
    } else if (!on) {
      w.status = S::no_date;
      return w;
    } else {
      w.date = on;
    }
  } else if (date->year == 0) {
    w.status = S::no_year;
    return w;
  }
  if (!clock) {
    w.status = S::invalid;
    w.detail = "it has a date but no time of day";
    return w;
  }
  if (!zone) {
    w.status = S::no_zone;
    return w;
  }
  if (!zone->offset_minutes) {
    w.status = S::bad_zone;
    w.detail = zone->name;
    return w;
  }
  if (zone->named && !in_effect(*zone->named, *w.date)) {
    w.status = S::zone_not_in_effect;
    w.detail = std::string(zone->named->name) + " is not in effect on " + format_human_date(*w.date) + " (it is " +
               std::string(zone->named->other) + " then)";
    return w;
  }
  w.utc = Instant{*w.date} + chr::hours{clock->hour} + chr::minutes{clock->minute} + chr::seconds{clock->second} -
          chr::minutes{*zone->offset_minutes};
  return w;
}

std::optional<Date> read_written_date(std::string_view text, std::size_t* length, std::string* detail,
                                      const DateContext& context) {
  static const re2::RE2 spaces(R"([ \t]*)");
  re2::StringPiece in(text.data(), text.size());
  re2::RE2::Consume(&in, spaces);
  std::optional<DatePart> date = consume_date(in);
  if (!date) return std::nullopt;
  if (length) *length = consumed(text, in);
  std::string why;
  if (date->numeric && !resolve_numeric(*date, context, &why)) {
    if (detail) *detail = why;
    return std::nullopt;
  }
  if (date->year == 0) date->year = implied_year(*date, context);
  if (date->year == 0) {
    if (detail) *detail = "the date has no year";
    return std::nullopt;
  }
  WrittenTime::Status status{};
  auto d = check_date(*date, &status, &why);
  if (!d && detail) *detail = why;
  return d;
}

}  // namespace esc
