#include "core/calendar.h"

#include <gtest/gtest.h>

using namespace std::chrono_literals;
using std::chrono::sys_days;
using Strings = std::vector<std::string>;

namespace {

// Dates as ISO strings so a failure shows which holiday is wrong.
Strings holidays(int year) {
  Strings out;
  for (esc::Date d : esc::england_and_wales_holidays(year)) out.push_back(esc::format_iso_date(d));
  return out;
}

std::string easter(int year) { return esc::format_iso_date(esc::easter_sunday(year)); }

std::string add(const esc::Calendar& calendar, std::chrono::year_month_day start, int n) {
  return esc::format_iso_date(calendar.add_business_days(sys_days{start}, n));
}

const esc::Calendar kEngland;
const esc::Calendar kWeekendsOnly{esc::CalendarKind::none};

}  // namespace

TEST(CalendarKind, Parse) {
  EXPECT_EQ(esc::parse_calendar_kind("england-and-wales"), esc::CalendarKind::england_and_wales);
  EXPECT_EQ(esc::parse_calendar_kind("none"), esc::CalendarKind::none);
  EXPECT_FALSE(esc::parse_calendar_kind("England-and-Wales"));
  EXPECT_FALSE(esc::parse_calendar_kind("scotland"));
  EXPECT_FALSE(esc::parse_calendar_kind(""));
}

TEST(EasterSunday, Years) {
  EXPECT_EQ(easter(2024), "2024-03-31");
  EXPECT_EQ(easter(2025), "2025-04-20");
  EXPECT_EQ(easter(2026), "2026-04-05");
  EXPECT_EQ(easter(2027), "2027-03-28");
  EXPECT_EQ(easter(2038), "2038-04-25");
}

TEST(EasterSunday, Extremes) {
  EXPECT_EQ(easter(2285), "2285-03-22");  // earliest possible date
  EXPECT_EQ(easter(1943), "1943-04-25");  // latest possible date
  EXPECT_EQ(easter(2000), "2000-04-23");
}

// Published on gov.uk/bank-holidays.
TEST(EnglandAndWales, 2020) {
  EXPECT_EQ(holidays(2020), (Strings{"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08",
                                     "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"}));
}

TEST(EnglandAndWales, 2021) {
  EXPECT_EQ(holidays(2021), (Strings{"2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03",
                                     "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"}));
}

TEST(EnglandAndWales, 2022) {
  EXPECT_EQ(holidays(2022),
            (Strings{"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02",
                     "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"}));
}

TEST(EnglandAndWales, 2023) {
  EXPECT_EQ(holidays(2023),
            (Strings{"2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08",
                     "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"}));
}

TEST(EnglandAndWales, 2024) {
  EXPECT_EQ(holidays(2024), (Strings{"2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06",
                                     "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"}));
}

TEST(EnglandAndWales, 2025) {
  EXPECT_EQ(holidays(2025), (Strings{"2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05",
                                     "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"}));
}

TEST(EnglandAndWales, 2026) {
  EXPECT_EQ(holidays(2026), (Strings{"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04",
                                     "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"}));
}

TEST(EnglandAndWales, 2027) {
  EXPECT_EQ(holidays(2027), (Strings{"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03",
                                     "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"}));
}

TEST(EnglandAndWales, DiamondJubilee2012) {
  EXPECT_EQ(holidays(2012),
            (Strings{"2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07", "2012-06-04",
                     "2012-06-05", "2012-08-27", "2012-12-25", "2012-12-26"}));
}

TEST(EnglandAndWales, ChristmasOnSundayLaterYear) {
  // 2033: Christmas Sunday -> Boxing Day Monday 26 and a substitute Tuesday 27.
  const Strings h = holidays(2033);
  EXPECT_EQ(Strings(h.end() - 2, h.end()), (Strings{"2033-12-26", "2033-12-27"}));
}

TEST(Calendar, Weekend) {
  EXPECT_TRUE(kEngland.is_weekend(sys_days{2026y / 10 / 31}));
  EXPECT_TRUE(kEngland.is_weekend(sys_days{2026y / 11 / 1}));
  EXPECT_FALSE(kEngland.is_weekend(sys_days{2026y / 11 / 2}));
}

TEST(Calendar, Holiday) {
  EXPECT_TRUE(kEngland.is_holiday(sys_days{2026y / 12 / 28}));
  EXPECT_FALSE(kEngland.is_holiday(sys_days{2026y / 12 / 29}));
  EXPECT_FALSE(kWeekendsOnly.is_holiday(sys_days{2026y / 12 / 25}));
}

TEST(Calendar, WeekendIsNotAHoliday) {
  EXPECT_FALSE(kEngland.is_holiday(sys_days{2026y / 12 / 26}));
}

TEST(Calendar, BusinessDay) {
  EXPECT_TRUE(kEngland.is_business_day(sys_days{2026y / 12 / 24}));
  EXPECT_FALSE(kEngland.is_business_day(sys_days{2026y / 12 / 25}));
  EXPECT_FALSE(kEngland.is_business_day(sys_days{2026y / 12 / 27}));
  EXPECT_TRUE(kWeekendsOnly.is_business_day(sys_days{2026y / 12 / 25}));
}

TEST(Calendar, ExtraHolidays) {
  const esc::Calendar c{esc::CalendarKind::none, {sys_days{2026y / 12 / 29}}};
  EXPECT_TRUE(c.is_holiday(sys_days{2026y / 12 / 29}));
  EXPECT_FALSE(c.is_business_day(sys_days{2026y / 12 / 29}));
}

TEST(AddBusinessDays, OverChristmas) { EXPECT_EQ(add(kEngland, 2026y / 12 / 23, 5), "2027-01-04"); }
TEST(AddBusinessDays, WeekendsOnly) {
  EXPECT_EQ(add(kWeekendsOnly, 2026y / 12 / 23, 5), "2026-12-30");
}

TEST(AddBusinessDays, ExtraHolidayShifts) {
  const esc::Calendar c{esc::CalendarKind::england_and_wales, {sys_days{2026y / 12 / 29}}};
  EXPECT_EQ(add(c, 2026y / 12 / 23, 5), "2027-01-05");
}

TEST(AddBusinessDays, ExtraHolidayWithoutCalendar) {
  const esc::Calendar c{esc::CalendarKind::none, {sys_days{2026y / 12 / 29}}};
  EXPECT_EQ(add(c, 2026y / 12 / 23, 5), "2026-12-31");
}

TEST(AddBusinessDays, StartIsNotCounted) {
  EXPECT_EQ(add(kEngland, 2026y / 11 / 2, 1), "2026-11-03");
}
TEST(AddBusinessDays, FromFriday) { EXPECT_EQ(add(kEngland, 2026y / 11 / 6, 1), "2026-11-09"); }
TEST(AddBusinessDays, FromSaturday) { EXPECT_EQ(add(kEngland, 2026y / 11 / 7, 1), "2026-11-09"); }
TEST(AddBusinessDays, FromHoliday) { EXPECT_EQ(add(kEngland, 2026y / 12 / 25, 1), "2026-12-29"); }
TEST(AddBusinessDays, OverEaster) { EXPECT_EQ(add(kEngland, 2026y / 4 / 2, 1), "2026-04-07"); }
TEST(AddBusinessDays, Zero) { EXPECT_EQ(add(kEngland, 2026y / 11 / 7, 0), "2026-11-07"); }

TEST(NextBusinessDaySameTime, Weekday) {
  const esc::Instant t = sys_days{2026y / 11 / 2} + 9h + 45min + 30s;
  EXPECT_EQ(esc::format_rfc3339(kEngland.next_business_day_same_time(t)), "2026-11-03T09:45:30Z");
}

TEST(NextBusinessDaySameTime, OverChristmas) {
  const esc::Instant t = sys_days{2026y / 12 / 24} + 16h;
  EXPECT_EQ(esc::format_rfc3339(kEngland.next_business_day_same_time(t)), "2026-12-29T16:00:00Z");
}

TEST(NextBusinessDaySameTime, FromSunday) {
  const esc::Instant t = sys_days{2026y / 11 / 1} + 23h + 59min;
  EXPECT_EQ(esc::format_rfc3339(kEngland.next_business_day_same_time(t)), "2026-11-02T23:59:00Z");
}
