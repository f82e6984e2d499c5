#include "core/calendar.h"

#include <cctype>

#include <algorithm>
#include <array>

namespace esc {

namespace {

namespace chr = std::chrono;
using namespace std::chrono_literals;

// One-off changes proclaimed for a single year, which no rule can compute. `moves` is the
// regular holiday the proclamation moved away (not ok() for an extra day); `date` is the day
// off instead. Source: gov.uk/bank-holidays and the proclamations it lists.
struct Proclaimed {
  chr::year_month_day moves;
  chr::year_month_day date;
};
constexpr std::array<Proclaimed, 12> kProclaimed = {{
    {1995y / chr::May / 1d, 1995y / chr::May / 8d},    // early May moved to VE Day's 50th
    {{}, 1999y / chr::December / 31d},                 // millennium
    {2002y / chr::May / 27d, 2002y / chr::June / 4d},  // spring moved for the Golden Jubilee
    {{}, 2002y / chr::June / 3d},                      // Golden Jubilee
    {{}, 2011y / chr::April / 29d},                    // royal wedding
    {2012y / chr::May / 28d, 2012y / chr::June / 4d},  // spring moved for the Diamond Jubilee
    {{}, 2012y / chr::June / 5d},                      // Diamond Jubilee
    {2020y / chr::May / 4d, 2020y / chr::May / 8d},    // early May moved to VE Day's 75th
    {2022y / chr::May / 30d, 2022y / chr::June / 2d},  // spring moved for the Platinum Jubilee
    {{}, 2022y / chr::June / 3d},                      // Platinum Jubilee
    {{}, 2022y / chr::September / 19d},                // state funeral of Queen Elizabeth II
    {{}, 2023y / chr::May / 8d},                       // coronation of King Charles III
}};

bool weekend(Date d) {
  const chr::weekday w{d};
  return w == chr::Saturday || w == chr::Sunday;
}

}  // namespace

std::optional<CalendarKind> parse_calendar_kind(std::string_view s) {
  if (s == "england-and-wales") return CalendarKind::england_and_wales;
  if (s == "none") return CalendarKind::none;
  return std::nullopt;
}

bool is_ics_path(std::string_view s) {
  if (s.size() <= 4) return false;
  std::string ext(s.substr(s.size() - 4));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".ics";
}

Date easter_sunday(int year) {
  // The anonymous Gregorian algorithm (Meeus/Jones/Butcher), valid for every Gregorian year.
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return chr::sys_days{chr::year{year} / chr::month(static_cast<unsigned>(month)) /
                       chr::day(static_cast<unsigned>(day))};
}

// The rules in force since 1978 (when the early May holiday began), applied to every year.
std::vector<Date> england_and_wales_holidays(int year) {
  const chr::year y{year};
  std::vector<Date> holidays;
  // A holiday on a weekend, or on a day already taken by an earlier holiday, is observed on the
  // next free weekday. Adding Christmas before Boxing Day gives gov.uk's substitutes: Christmas
  // on Saturday -> Mon 27 and Tue 28; on Sunday -> Mon 26 and Tue 27; on Friday -> Fri 25 and
  // Mon 28.
  auto observe = [&](Date d) {
    while (weekend(d) || std::find(holidays.begin(), holidays.end(), d) != holidays.end())
      d += chr::days{1};
    holidays.push_back(d);
  };
  observe(chr::sys_days{y / chr::January / 1});
  const Date easter = easter_sunday(year);
  holidays.push_back(easter - chr::days{2});                                    // Good Friday
  holidays.push_back(easter + chr::days{1});                                    // Easter Monday
  holidays.push_back(chr::sys_days{y / chr::May / chr::Monday[1]});             // early May
  holidays.push_back(chr::sys_days{y / chr::May / chr::Monday[chr::last]});     // spring
  holidays.push_back(chr::sys_days{y / chr::August / chr::Monday[chr::last]});  // summer
  observe(chr::sys_days{y / chr::December / 25});
  observe(chr::sys_days{y / chr::December / 26});

  for (const Proclaimed& p : kProclaimed) {
    if (p.date.year() != y) continue;
    if (p.moves.ok()) std::erase(holidays, chr::sys_days{p.moves});
    holidays.push_back(chr::sys_days{p.date});
  }

  std::sort(holidays.begin(), holidays.end());
  return holidays;
}

Calendar::Calendar(CalendarKind kind, std::vector<Date> extra_holidays)
    : kind_(kind), extra_(extra_holidays.begin(), extra_holidays.end()) {}

bool Calendar::is_weekend(Date d) const { return weekend(d); }

bool Calendar::is_holiday(Date d) const {
  if (extra_.contains(d)) return true;
  if (kind_ == CalendarKind::none) return false;
  const int year = int{chr::year_month_day{d}.year()};
  if (!years_loaded_.contains(year)) load_year(year);
  return holidays_.contains(d);
}

// Holidays are computed a year at a time on first use: a run over a few hundred records asks
// about the same two or three years over and over.
void Calendar::load_year(int year) const {
  if (kind_ == CalendarKind::england_and_wales) {
    for (Date d : england_and_wales_holidays(year)) holidays_.insert(d);
  }
  years_loaded_.insert(year);
}

Date Calendar::add_business_days(Date start, int n) const {
  Date d = start;
  for (int counted = 0; counted < n;) {
    d += chr::days{1};
    if (is_business_day(d)) ++counted;
  }
  return d;  // n <= 0 leaves the start date
}

Instant Calendar::next_business_day_same_time(Instant t) const {
  const Date d = utc_date(t);
  return add_business_days(d, 1) + (t - d);
}

}  // namespace esc
