#include "core/time.h"

#include <gtest/gtest.h>

using namespace std::chrono_literals;
using std::chrono::sys_days;

namespace {

esc::Instant at(std::chrono::year_month_day ymd, std::chrono::hours h, std::chrono::minutes m,
                std::chrono::seconds s = 0s) {
  return sys_days{ymd} + h + m + s;
}

// The instant of a timestamp that must parse, written as RFC 3339 in UTC for readable failures.
std::string utc(std::string_view text) {
  const auto ts = esc::parse_timestamp(text);
  return ts ? esc::format_rfc3339(ts->utc) : "(no parse)";
}

esc::TimeError error_of(std::string_view text) {
  esc::TimeError error;
  EXPECT_FALSE(esc::parse_timestamp(text, &error)) << text;
  return error;
}

esc::TimeError date_error_of(std::string_view text) {
  esc::TimeError error;
  EXPECT_FALSE(esc::parse_date(text, &error)) << text;
  return error;
}

const esc::Instant kMonday = at(2026y / 11 / 2, 9h, 45min);

}  // namespace

TEST(ParseTimestamp, Utc) { EXPECT_EQ(utc("2026-11-02T08:00:00Z"), "2026-11-02T08:00:00Z"); }

TEST(ParseTimestamp, Offset) {
  EXPECT_EQ(utc("2026-11-02T09:00:00+01:00"), "2026-11-02T08:00:00Z");
  EXPECT_EQ(utc("2026-11-02T03:30:00-04:30"), "2026-11-02T08:00:00Z");
  EXPECT_EQ(utc("2026-11-02T08:00:00+00:00"), "2026-11-02T08:00:00Z");
  EXPECT_EQ(utc("2026-11-02T08:00:00-00:00"), "2026-11-02T08:00:00Z");
}

TEST(ParseTimestamp, OffsetKept) {
  EXPECT_EQ(esc::parse_timestamp("2026-11-02T09:00:00+01:00")->offset_minutes, 60);
  EXPECT_EQ(esc::parse_timestamp("2026-11-02T03:30:00-04:30")->offset_minutes, -270);
  EXPECT_EQ(esc::parse_timestamp("2026-11-02T08:00:00Z")->offset_minutes, 0);
}

TEST(ParseTimestamp, OffsetCrossesDate) {
  EXPECT_EQ(utc("2027-01-01T00:30:00+01:00"), "2026-12-31T23:30:00Z");
  EXPECT_EQ(utc("2026-12-31T23:30:00-01:00"), "2027-01-01T00:30:00Z");
}

TEST(ParseTimestamp, FractionTruncated) {
  EXPECT_EQ(utc("2026-11-02T08:00:00.999Z"), "2026-11-02T08:00:00Z");
  EXPECT_EQ(utc("2026-11-02T08:00:59.123456789+00:00"), "2026-11-02T08:00:59Z");
}

TEST(ParseTimestamp, LowerCaseAndSpace) {
  EXPECT_EQ(utc("2026-11-02t08:00:00z"), "2026-11-02T08:00:00Z");
  EXPECT_EQ(utc("2026-11-02 08:00:00Z"), "2026-11-02T08:00:00Z");
}

TEST(ParseTimestamp, LeapDay) { EXPECT_EQ(utc("2028-02-29T12:00:00Z"), "2028-02-29T12:00:00Z"); }

TEST(ParseTimestamp, LeapSecondStaysInItsMinute) {
  EXPECT_EQ(utc("2016-12-31T23:59:60Z"), "2016-12-31T23:59:59Z");
}

TEST(ParseTimestamp, NoZone) {
  const auto e = error_of("2026-11-02T08:00:00");
  EXPECT_EQ(e.message,
            "timestamp \"2026-11-02T08:00:00\" has no time zone; add Z for UTC (the playbook "
            "works in UTC)");
  EXPECT_EQ(e.offset, 19u);
}

TEST(ParseTimestamp, NoZoneAfterFraction) {
  EXPECT_EQ(error_of("2026-11-02T08:00:00.5").offset, 21u);
}

TEST(ParseTimestamp, MonthOutOfRange) {
  const auto e = error_of("2026-13-02T08:00:00Z");
  EXPECT_EQ(e.message,
            "\"2026-13-02T08:00:00Z\" is not a valid RFC 3339 timestamp: month 13 is out of range");
  EXPECT_EQ(e.offset, 5u);
}

TEST(ParseTimestamp, DayOutOfRange) {
  const auto e = error_of("2026-11-31T08:00:00Z");
  EXPECT_EQ(e.message,
            "\"2026-11-31T08:00:00Z\" is not a valid RFC 3339 timestamp: day 31 is out of range "
            "(November 2026 has 30 days)");
  EXPECT_EQ(e.offset, 8u);
}

TEST(ParseTimestamp, NotALeapYear) { EXPECT_EQ(error_of("2026-02-29T08:00:00Z").offset, 8u); }

TEST(ParseTimestamp, TimeOutOfRange) {
  EXPECT_EQ(error_of("2026-11-02T24:00:00Z").offset, 11u);
  EXPECT_EQ(error_of("2026-11-02T08:60:00Z").offset, 14u);
  EXPECT_EQ(error_of("2026-11-02T08:00:61Z").offset, 17u);
}

TEST(ParseTimestamp, HourMessage) {
  EXPECT_EQ(error_of("2026-11-02T24:00:00Z").message,
            "\"2026-11-02T24:00:00Z\" is not a valid RFC 3339 timestamp: hour 24 is out of range");
}

TEST(ParseTimestamp, DateOnly) {
  const auto e = error_of("2026-11-02");
  EXPECT_EQ(e.message,
            "\"2026-11-02\" is not a valid RFC 3339 timestamp: it is a date without a time; write "
            "it as 2026-11-02T00:00:00Z");
  EXPECT_EQ(e.offset, 10u);
}

TEST(ParseTimestamp, MissingSeconds) { EXPECT_EQ(error_of("2026-11-02T08:00Z").offset, 16u); }

TEST(ParseTimestamp, ShortFields) {
  EXPECT_EQ(error_of("26-11-02T08:00:00Z").offset, 0u);
  EXPECT_EQ(error_of("2026-1-02T08:00:00Z").offset, 5u);
  EXPECT_EQ(error_of("2026-11-2T08:00:00Z").offset, 8u);
  EXPECT_EQ(error_of("2026-11-02T8:00:00Z").offset, 11u);
}

TEST(ParseTimestamp, WrongSeparators) {
  EXPECT_EQ(error_of("2026/11/02T08:00:00Z").offset, 4u);
  EXPECT_EQ(error_of("2026-11-02_08:00:00Z").offset, 10u);
  EXPECT_EQ(error_of("2026-11-02T08.00:00Z").offset, 13u);
}

TEST(ParseTimestamp, BadZone) {
  EXPECT_EQ(error_of("2026-11-02T08:00:00 UTC").offset, 19u);
  EXPECT_EQ(error_of("2026-11-02T08:00:00+0100").offset, 19u);
  EXPECT_EQ(error_of("2026-11-02T08:00:00+01").offset, 19u);
  EXPECT_EQ(error_of("2026-11-02T08:00:00+24:00").offset, 19u);
}

TEST(ParseTimestamp, BadZoneMessage) {
  EXPECT_EQ(error_of("2026-11-02T08:00:00+24:00").message,
            "\"2026-11-02T08:00:00+24:00\" is not a valid RFC 3339 timestamp: zone offset +24:00 "
            "is out of range");
}

TEST(ParseTimestamp, EmptyFraction) { EXPECT_EQ(error_of("2026-11-02T08:00:00.Z").offset, 20u); }

TEST(ParseTimestamp, TrailingText) { EXPECT_EQ(error_of("2026-11-02T08:00:00Zx").offset, 20u); }

TEST(ParseTimestamp, Empty) {
  EXPECT_EQ(error_of("").message, "timestamp is empty; write it as YYYY-MM-DDTHH:MM:SSZ");
}

TEST(ParseTimestamp, ControlCharactersEscapedInMessage) {
  EXPECT_EQ(error_of("2026-11-02T08:00:00\n").message,
            "\"2026-11-02T08:00:00\\x0a\" is not a valid RFC 3339 timestamp: expected a time zone "
            "(Z, +HH:MM or -HH:MM) after the seconds");
}

TEST(ParseTimestamp, NullErrorIsAllowed) { EXPECT_FALSE(esc::parse_timestamp("nope")); }

TEST(ParseDate, Valid) { EXPECT_EQ(esc::parse_date("2026-11-02"), sys_days{2026y / 11 / 2}); }

TEST(ParseDate, TrailingText) {
  const auto e = date_error_of("2026-11-02T08:00:00Z");
  EXPECT_EQ(e.message,
            "\"2026-11-02T08:00:00Z\" is not a valid date (YYYY-MM-DD): unexpected text after the "
            "date");
  EXPECT_EQ(e.offset, 10u);
}

TEST(ParseDate, InvalidDay) {
  EXPECT_EQ(
      date_error_of("2026-02-29").message,
      "\"2026-02-29\" is not a valid date (YYYY-MM-DD): day 29 is out of range (February 2026 "
      "has 28 days)");
}

TEST(ParseDate, Short) { EXPECT_EQ(date_error_of("2026-11").offset, 7u); }

TEST(ParseDate, Empty) {
  EXPECT_EQ(date_error_of("").message, "date is empty; write it as YYYY-MM-DD");
}

TEST(ParseDuration, Minutes) { EXPECT_EQ(esc::parse_duration("15m"), (esc::Duration{15min, 0})); }
TEST(ParseDuration, Hours) { EXPECT_EQ(esc::parse_duration("4h"), (esc::Duration{240min, 0})); }
TEST(ParseDuration, Days) { EXPECT_EQ(esc::parse_duration("2d"), (esc::Duration{2880min, 0})); }
TEST(ParseDuration, BusinessDays) {
  EXPECT_EQ(esc::parse_duration("1bd"), (esc::Duration{0min, 1}));
}

// Up to a year: a cadence or window beyond it is a slip, and a huge one walked the calendar a
// business day at a time for minutes, or put promises in impossible years.
TEST(ParseDuration, AtMostAYear) {
  EXPECT_EQ(esc::parse_duration("366d"), (esc::Duration{366 * 1440min, 0}));
  EXPECT_EQ(esc::parse_duration("8784h"), (esc::Duration{366 * 1440min, 0}));
  EXPECT_EQ(esc::parse_duration("527040m"), (esc::Duration{366 * 1440min, 0}));
  EXPECT_EQ(esc::parse_duration("366bd"), (esc::Duration{0min, 366}));
  for (const char* too_long : {"367d", "8785h", "527041m", "367bd", "2147483647bd", "2147483647m", "99999999999h"})
    EXPECT_FALSE(esc::parse_duration(too_long)) << too_long;
}

TEST(ParseDuration, Rejects) {
  EXPECT_FALSE(esc::parse_duration(""));
  EXPECT_FALSE(esc::parse_duration("m"));
  EXPECT_FALSE(esc::parse_duration("15"));
  EXPECT_FALSE(esc::parse_duration("0m"));
  EXPECT_FALSE(esc::parse_duration("-5m"));
  EXPECT_FALSE(esc::parse_duration("+5m"));
  EXPECT_FALSE(esc::parse_duration("15 m"));
  EXPECT_FALSE(esc::parse_duration("15M"));
  EXPECT_FALSE(esc::parse_duration("1.5h"));
  EXPECT_FALSE(esc::parse_duration("1w"));
  EXPECT_FALSE(esc::parse_duration("99999999999m"));
}

TEST(DescribeDuration, Minutes) { EXPECT_EQ(esc::describe({15min, 0}), "15 minutes"); }
TEST(DescribeDuration, OneMinute) { EXPECT_EQ(esc::describe({1min, 0}), "1 minute"); }
TEST(DescribeDuration, Hour) { EXPECT_EQ(esc::describe({60min, 0}), "1 hour"); }
TEST(DescribeDuration, Hours) { EXPECT_EQ(esc::describe({240min, 0}), "4 hours"); }
TEST(DescribeDuration, Mixed) { EXPECT_EQ(esc::describe({90min, 0}), "1 hour 30 minutes"); }
TEST(DescribeDuration, Exact) { EXPECT_EQ(esc::describe({1445min, 0}), "1 day 5 minutes"); }
TEST(DescribeDuration, Days) { EXPECT_EQ(esc::describe({2880min, 0}), "2 days"); }
TEST(DescribeDuration, BusinessDay) { EXPECT_EQ(esc::describe({0min, 1}), "1 business day"); }
TEST(DescribeDuration, BusinessDays) { EXPECT_EQ(esc::describe({0min, 2}), "2 business days"); }
TEST(DescribeDuration, Zero) { EXPECT_EQ(esc::describe({}), "0 minutes"); }

TEST(DescribeDuration, RoundTrip) {
  EXPECT_EQ(esc::describe(*esc::parse_duration("90m")), "1 hour 30 minutes");
}

TEST(UtcDate, Midnight) {
  EXPECT_EQ(esc::utc_date(at(2026y / 11 / 2, 0h, 0min)), sys_days{2026y / 11 / 2});
}
TEST(UtcDate, LastSecond) {
  EXPECT_EQ(esc::utc_date(at(2026y / 11 / 2, 23h, 59min, 59s)), sys_days{2026y / 11 / 2});
}
TEST(UtcDate, BeforeEpoch) {
  EXPECT_EQ(esc::utc_date(at(1969y / 12 / 31, 23h, 0min)), sys_days{1969y / 12 / 31});
}

TEST(TimeFormat, Rfc3339) { EXPECT_EQ(esc::format_rfc3339(kMonday), "2026-11-02T09:45:00Z"); }
TEST(TimeFormat, IsoDate) {
  EXPECT_EQ(esc::format_iso_date(sys_days{2026y / 1 / 5}), "2026-01-05");
}
TEST(TimeFormat, Human) {
  EXPECT_EQ(esc::format_human(kMonday), "Monday 2 November 2026, 09:45 UTC");
}
TEST(TimeFormat, HumanDate) {
  EXPECT_EQ(esc::format_human_date(sys_days{2027y / 1 / 4}), "Monday 4 January 2027");
}
TEST(TimeFormat, HumanSunday) {
  EXPECT_EQ(esc::format_human_date(sys_days{2026y / 11 / 1}), "Sunday 1 November 2026");
}
TEST(TimeFormat, HumanSaturday) {
  EXPECT_EQ(esc::format_human_date(sys_days{2026y / 10 / 31}), "Saturday 31 October 2026");
}
TEST(TimeFormat, Hhmm) {
  EXPECT_EQ(esc::format_hhmm(at(2026y / 11 / 2, 10h, 40min, 59s)), "10:40 UTC");
}
TEST(TimeFormat, Short) {
  EXPECT_EQ(esc::format_short(at(2026y / 11 / 2, 10h, 40min)), "2 Nov 2026 10:40 UTC");
}
TEST(TimeFormat, Rfc5322) {
  EXPECT_EQ(esc::format_rfc5322(kMonday), "Mon, 02 Nov 2026 09:45:00 +0000");
}
TEST(TimeFormat, Rfc5322Seconds) {
  EXPECT_EQ(esc::format_rfc5322(at(2027y / 9 / 5, 7h, 5min, 3s)),
            "Sun, 05 Sep 2027 07:05:03 +0000");
}

TEST(TimeFormat, RoundTrip) {
  EXPECT_EQ(esc::parse_timestamp(esc::format_rfc3339(kMonday))->utc, kMonday);
}

TEST(DescribeSpan, Zero) { EXPECT_EQ(esc::describe_span(0s), "0 minutes"); }
TEST(DescribeSpan, Second) { EXPECT_EQ(esc::describe_span(1s), "1 second"); }
TEST(DescribeSpan, Seconds) { EXPECT_EQ(esc::describe_span(59s), "59 seconds"); }
TEST(DescribeSpan, Minute) { EXPECT_EQ(esc::describe_span(60s), "1 minute"); }
TEST(DescribeSpan, Truncated) { EXPECT_EQ(esc::describe_span(119s), "1 minute"); }
TEST(DescribeSpan, Minutes) { EXPECT_EQ(esc::describe_span(45min), "45 minutes"); }
TEST(DescribeSpan, Hour) { EXPECT_EQ(esc::describe_span(3600s), "1 hour"); }
TEST(DescribeSpan, HourMinutes) { EXPECT_EQ(esc::describe_span(3900s), "1 hour 5 minutes"); }
TEST(DescribeSpan, HoursMinutes) { EXPECT_EQ(esc::describe_span(2h + 5min), "2 hours 5 minutes"); }
TEST(DescribeSpan, DayHour) { EXPECT_EQ(esc::describe_span(90000s), "1 day 1 hour"); }
TEST(DescribeSpan, DaysHours) {
  EXPECT_EQ(esc::describe_span(3 * 24h + 2h + 59min), "3 days 2 hours");
}
TEST(DescribeSpan, DayAndMinutes) { EXPECT_EQ(esc::describe_span(24h + 5min), "1 day"); }
TEST(DescribeSpan, Negative) { EXPECT_EQ(esc::describe_span(-3900s), "1 hour 5 minutes"); }

TEST(ParseNow, Valid) { EXPECT_EQ(esc::parse_now("2026-11-02T10:45:00+01:00"), kMonday); }
TEST(ParseNow, NeedsZone) { EXPECT_FALSE(esc::parse_now("2026-11-02T09:45:00")); }
