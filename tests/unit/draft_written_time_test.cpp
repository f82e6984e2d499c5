// Times as people write them in customer emails.
#include <gtest/gtest.h>

#include "draft/written_time.h"

using namespace esc;

namespace {

// "ok 2026-11-02T09:45:00Z (32)" or "no_zone (20)" for compact comparisons.
std::string read(std::string_view text, std::optional<Date> on = std::nullopt, const DateContext& context = {}) {
  auto w = read_written_time(text, on, context);
  if (!w) return "none";
  static const char* names[] = {"ok",      "no_zone",  "no_date",           "no_year",       "bad_weekday",
                                "bad_zone", "invalid", "zone_not_in_effect", "ambiguous_date"};
  std::string out = names[static_cast<int>(w->status)];
  if (w->utc) out += " " + format_rfc3339(*w->utc);
  if (!w->detail.empty()) out += " [" + w->detail + "]";
  return out + " (" + std::to_string(w->length) + ")";
}

}  // namespace

TEST(WrittenTime, TheFormsPeopleWrite) {
  EXPECT_EQ(read("2026-11-02 09:45 UTC"), "ok 2026-11-02T09:45:00Z (20)");
  EXPECT_EQ(read("2026-11-02T09:45:00Z"), "ok 2026-11-02T09:45:00Z (20)");
  EXPECT_EQ(read("09:45 UTC on 2 November 2026"), "ok 2026-11-02T09:45:00Z (28)");
  EXPECT_EQ(read("Monday 2 November 2026, 09:45 UTC"), "ok 2026-11-02T09:45:00Z (33)");
  EXPECT_EQ(read("2 Nov 2026 09:45 UTC"), "ok 2026-11-02T09:45:00Z (20)");
  EXPECT_EQ(read("Mon 2 Nov 2026 at 09:45 GMT"), "ok 2026-11-02T09:45:00Z (27)");
  EXPECT_EQ(read("November 2, 2026 at 9:45 am UTC"), "ok 2026-11-02T09:45:00Z (31)");
  EXPECT_EQ(read("2nd November 2026, 9:45pm (UTC)"), "ok 2026-11-02T21:45:00Z (31)");
  EXPECT_EQ(read("09:45 UTC on Monday 2 November 2026"), "ok 2026-11-02T09:45:00Z (35)");
  EXPECT_EQ(read("  2026-11-02T09:45:00Z regardless"), "ok 2026-11-02T09:45:00Z (22)");
}

TEST(WrittenTime, ZonesAreConverted) {
  EXPECT_EQ(read("2026-11-02T10:45:00+01:00"), "ok 2026-11-02T09:45:00Z (25)");
  EXPECT_EQ(read("2 July 2026 10:45 BST"), "ok 2026-07-02T09:45:00Z (21)");
  EXPECT_EQ(read("2 November 2026 04:45 EST"), "ok 2026-11-02T09:45:00Z (25)");
  EXPECT_EQ(read("2 November 2026 10:45 UTC+1"), "ok 2026-11-02T09:45:00Z (27)");
  EXPECT_EQ(read("2 November 2026 15:15 IST"), "bad_zone [IST] (25)");
}

TEST(WrittenTime, WhatIsMissingOrWrong) {
  EXPECT_EQ(read("2 November 2026 09:45"), "no_zone (21)");
  EXPECT_EQ(read("2026-11-02 09:45"), "no_zone (16)");
  EXPECT_EQ(read("09:45 on 2 November 2026"), "no_zone (24)");
  EXPECT_EQ(read("10:45 UTC"), "no_date (9)");
  EXPECT_EQ(read("10:45 UTC today"), "no_date (15)");  // "today" of no known day
  EXPECT_EQ(read("Monday 2 November, 09:45 UTC"), "no_year (28)");
  EXPECT_EQ(read("Monday 2 November 2026"), "invalid [it has a date but no time of day] (22)");
  EXPECT_EQ(read("Tuesday 2 November 2026, 09:45 UTC"),
            "bad_weekday [2 November 2026 is a Monday, not a Tuesday] (34)");
  EXPECT_EQ(read("31 November 2026 09:45 UTC"), "invalid [there is no day 31 in November 2026] (26)");
  EXPECT_EQ(read("2 November 2026 25:00 UTC"),
            "invalid ['25:00' is not a time of day: hours run from 00 to 23 and minutes from 00 to 59] (25)");
  EXPECT_EQ(read("13:00 pm UTC on 2 November 2026"),
            "invalid ['13:00 pm' is not a time of day: with am or pm the hour runs from 1 to 12; write 1pm or 13:00] (31)");
}

TEST(WrittenTime, TwelveHourTimes) {
  const std::string day = "Thursday 26 November 2026, ";
  EXPECT_EQ(read(day + "3pm UTC"), "ok 2026-11-26T15:00:00Z (34)");
  EXPECT_EQ(read(day + "3 pm UTC"), "ok 2026-11-26T15:00:00Z (35)");
  EXPECT_EQ(read(day + "3PM UTC"), "ok 2026-11-26T15:00:00Z (34)");
  EXPECT_EQ(read(day + "3 p.m. UTC"), "ok 2026-11-26T15:00:00Z (37)");
  EXPECT_EQ(read(day + "3:30pm UTC"), "ok 2026-11-26T15:30:00Z (37)");
  EXPECT_EQ(read(day + "3.30pm UTC"), "ok 2026-11-26T15:30:00Z (37)");
  EXPECT_EQ(read(day + "9am UTC"), "ok 2026-11-26T09:00:00Z (34)");
  EXPECT_EQ(read(day + "12am UTC"), "ok 2026-11-26T00:00:00Z (35)");
  EXPECT_EQ(read(day + "12pm UTC"), "ok 2026-11-26T12:00:00Z (35)");
  EXPECT_EQ(read(day + "12:30am UTC"), "ok 2026-11-26T00:30:00Z (38)");
  EXPECT_EQ(read(day + "noon UTC"), "ok 2026-11-26T12:00:00Z (35)");
  EXPECT_EQ(read(day + "12 noon UTC"), "ok 2026-11-26T12:00:00Z (38)");
  EXPECT_EQ(read(day + "midday UTC"), "ok 2026-11-26T12:00:00Z (37)");
  EXPECT_EQ(read("3pm UTC on Thursday 26 November 2026"), "ok 2026-11-26T15:00:00Z (36)");
  EXPECT_EQ(read("26 Nov 2026 at 3pm GMT regardless"), "ok 2026-11-26T15:00:00Z (22)");
  EXPECT_EQ(read(day + "3pm"), "no_zone (30)");
  EXPECT_EQ(read("3pm UTC"), "no_date (7)");
}

TEST(WrittenTime, TwelveHourMistakes) {
  const std::string day = "Thursday 26 November 2026, ";
  EXPECT_EQ(read(day + "13pm UTC"),
            "invalid ['13pm' is not a time of day: with am or pm the hour runs from 1 to 12; write 1pm or 13:00] (35)");
  EXPECT_EQ(read(day + "15:30 pm UTC"),
            "invalid ['15:30 pm' is not a time of day: with am or pm the hour runs from 1 to 12; write 3:30pm or 15:30] (39)");
  EXPECT_EQ(read(day + "0am UTC"),
            "invalid ['0am' is not a time of day: with am or pm the hour runs from 1 to 12; write 12am or 00:00] (34)");
  EXPECT_EQ(read(day + "25pm UTC"),
            "invalid ['25pm' is not a time of day: with am or pm the hour runs from 1 to 12] (35)");
  EXPECT_EQ(read(day + "3:75pm UTC"),
            "invalid ['3:75pm' is not a time of day: hours run from 00 to 23 and minutes from 00 to 59] (37)");
  EXPECT_EQ(read(day + "midnight UTC"),
            "invalid ['midnight' could be the start or the end of the day; write 00:00 or 23:59] (39)");
  // Not times: a count, a word that starts with "am".
  EXPECT_EQ(read("3 people"), "none");
  EXPECT_EQ(read("3 amendments"), "none");
}

TEST(WrittenTime, ZoneNamesOnlyWhenInEffect) {
  // The UK: BST from the last Sunday of March (29 March 2026) to the last Sunday of October
  // (25 October 2026); on those Sundays both BST and GMT are accepted. GMT and UTC all year.
  EXPECT_EQ(read("26 November 2026, 15:00 BST"),
            "zone_not_in_effect [BST is not in effect on Thursday 26 November 2026 (it is GMT then)] (27)");
  EXPECT_EQ(read("2 November 2026 10:45 BST"),
            "zone_not_in_effect [BST is not in effect on Monday 2 November 2026 (it is GMT then)] (25)");
  EXPECT_EQ(read("28 March 2026 12:00 BST"),
            "zone_not_in_effect [BST is not in effect on Saturday 28 March 2026 (it is GMT then)] (23)");
  EXPECT_EQ(read("29 March 2026 12:00 BST"), "ok 2026-03-29T11:00:00Z (23)");
  EXPECT_EQ(read("25 October 2026 12:00 BST"), "ok 2026-10-25T11:00:00Z (25)");
  EXPECT_EQ(read("26 October 2026 12:00 BST"),
            "zone_not_in_effect [BST is not in effect on Monday 26 October 2026 (it is GMT then)] (25)");
  EXPECT_EQ(read("2 July 2026 12:00 GMT"), "ok 2026-07-02T12:00:00Z (21)");
  EXPECT_EQ(read("2 July 2026 12:00 UTC"), "ok 2026-07-02T12:00:00Z (21)");
  EXPECT_EQ(read("2026-07-02T12:00:00Z"), "ok 2026-07-02T12:00:00Z (20)");
  // Central Europe: CEST in summer, CET in winter.
  EXPECT_EQ(read("2 July 2026 14:00 CEST"), "ok 2026-07-02T12:00:00Z (22)");
  EXPECT_EQ(read("2 July 2026 13:00 CET"),
            "zone_not_in_effect [CET is not in effect on Thursday 2 July 2026 (it is CEST then)] (21)");
  EXPECT_EQ(read("26 November 2026 16:00 CET"), "ok 2026-11-26T15:00:00Z (26)");
  EXPECT_EQ(read("26 November 2026 17:00 CEST"),
            "zone_not_in_effect [CEST is not in effect on Thursday 26 November 2026 (it is CET then)] (27)");
  // North America changes on other Sundays: EDT ended on 1 November 2026.
  EXPECT_EQ(read("1 November 2026 05:45 EDT"), "ok 2026-11-01T09:45:00Z (25)");
  EXPECT_EQ(read("2 November 2026 05:45 EDT"),
            "zone_not_in_effect [EDT is not in effect on Monday 2 November 2026 (it is EST then)] (25)");
  EXPECT_EQ(read("2 July 2026 08:00 EST"),
            "zone_not_in_effect [EST is not in effect on Thursday 2 July 2026 (it is EDT then)] (21)");
  // The south has summer at the new year.
  EXPECT_EQ(read("15 January 2026 23:00 AEDT"), "ok 2026-01-15T12:00:00Z (26)");
  EXPECT_EQ(read("2 July 2026 22:00 AEDT"),
            "zone_not_in_effect [AEDT is not in effect on Thursday 2 July 2026 (it is AEST then)] (22)");
  EXPECT_EQ(read("2 July 2026 22:00 NZST"), "ok 2026-07-02T10:00:00Z (22)");
  EXPECT_EQ(read("15 January 2026 23:00 NZST"),
            "zone_not_in_effect [NZST is not in effect on Thursday 15 January 2026 (it is NZDT then)] (26)");
  // Zones that keep one name all year, and numeric offsets, are always accepted.
  EXPECT_EQ(read("2 July 2026 05:00 MST"), "ok 2026-07-02T12:00:00Z (21)");
  EXPECT_EQ(read("2 July 2026 22:00 AEST"), "ok 2026-07-02T12:00:00Z (22)");
  EXPECT_EQ(read("2 July 2026 21:00 JST"), "ok 2026-07-02T12:00:00Z (21)");
  EXPECT_EQ(read("26 November 2026 16:00 UTC+1"), "ok 2026-11-26T15:00:00Z (28)");
}

TEST(WrittenTime, ATimeOfDayReadOnAGivenDate) {
  const Date day = *parse_date("2026-11-26");
  EXPECT_EQ(read("3pm UTC regardless of progress", day), "ok 2026-11-26T15:00:00Z (7)");
  EXPECT_EQ(read("15:00 UTC", day), "ok 2026-11-26T15:00:00Z (9)");
  EXPECT_EQ(read("3pm", day), "no_zone (3)");
  EXPECT_EQ(read("15:00 BST", day),
            "zone_not_in_effect [BST is not in effect on Thursday 26 November 2026 (it is GMT then)] (9)");
  // A written date wins over the given one.
  EXPECT_EQ(read("2 July 2026 12:00 UTC", day), "ok 2026-07-02T12:00:00Z (21)");
  EXPECT_EQ(read_written_time("Thursday 26 November 2026, 3pm UTC")->date, day);
  EXPECT_EQ(read_written_time("3pm UTC")->date, std::nullopt);
}

TEST(WrittenTime, NotATime) {
  EXPECT_EQ(read("tomorrow morning"), "none");
  EXPECT_EQ(read("email"), "none");
  EXPECT_EQ(read(""), "none");
  EXPECT_EQ(read("[Date and time]"), "none");
}

TEST(WrittenDate, Dates) {
  std::size_t length = 0;
  std::string detail;
  EXPECT_EQ(read_written_date("Friday 13 November 2026. We welcome", &length), parse_date("2026-11-13"));
  EXPECT_EQ(length, 23u);
  EXPECT_EQ(read_written_date("13 Nov 2026"), parse_date("2026-11-13"));
  EXPECT_EQ(read_written_date("November 13, 2026"), parse_date("2026-11-13"));
  EXPECT_EQ(read_written_date("2026-11-13"), parse_date("2026-11-13"));
  EXPECT_EQ(read_written_date("Thursday 13 November 2026", nullptr, &detail), std::nullopt);
  EXPECT_EQ(detail, "13 November 2026 is a Friday, not a Thursday");
  EXPECT_EQ(read_written_date("13 November", nullptr, &detail), std::nullopt);
  EXPECT_EQ(detail, "the date has no year");
  EXPECT_EQ(read_written_date("[date]"), std::nullopt);
}

// ---- issue 16: the year and "today" from the draft's date; numeric dates ----------------------

TEST(WrittenTime, TheReferenceDateGivesTheYearAndToday) {
  const DateContext nov2{Date{std::chrono::year{2026} / 11 / 2}, DateOrder::day_first};
  EXPECT_EQ(read("11:40 UTC today, Monday 2 November", std::nullopt, nov2), "ok 2026-11-02T11:40:00Z (34)");
  EXPECT_EQ(read("11:40 UTC today", std::nullopt, nov2), "ok 2026-11-02T11:40:00Z (15)");
  EXPECT_EQ(read("today at 11:40 UTC", std::nullopt, nov2), "ok 2026-11-02T11:40:00Z (18)");
  EXPECT_EQ(read("tomorrow, 09:00 UTC", std::nullopt, nov2), "ok 2026-11-03T09:00:00Z (19)");
  EXPECT_EQ(read("Monday 2 November, 09:45 UTC", std::nullopt, nov2), "ok 2026-11-02T09:45:00Z (28)");
  // Across the new year: "4 January" written in late December is next year's.
  const DateContext dec30{Date{std::chrono::year{2026} / 12 / 30}, DateOrder::day_first};
  EXPECT_EQ(read("4 January, 09:45 UTC", std::nullopt, dec30), "ok 2027-01-04T09:45:00Z (20)");
  // A weekday picks between the years around the reference; a wrong one is a wrong weekday.
  EXPECT_EQ(read("Monday 4 January, 09:45 UTC", std::nullopt, dec30), "ok 2027-01-04T09:45:00Z (27)");
  EXPECT_EQ(read("Friday 2 November, 09:45 UTC", std::nullopt, nov2),
            "bad_weekday [2 November 2026 is a Monday, not a Friday] (28)");
  // Months away and without a weekday: which year is a guess.
  EXPECT_EQ(read("2 May, 09:45 UTC", std::nullopt, nov2), "no_year (16)");
  EXPECT_EQ(read("Monday 2 November, 09:45 UTC"), "no_year (28)");  // no reference at all
}

TEST(WrittenTime, NumericDatesInTheConfiguredOrder) {
  const Date nov2{std::chrono::year{2026} / 11 / 2};
  const DateContext day_first{nov2, DateOrder::day_first};
  const DateContext month_first{nov2, DateOrder::month_first};
  EXPECT_EQ(read("02/11/2026 09:45 UTC", std::nullopt, day_first), "ok 2026-11-02T09:45:00Z (20)");
  EXPECT_EQ(read("2.11.2026 09:45 UTC", std::nullopt, day_first), "ok 2026-11-02T09:45:00Z (19)");
  EXPECT_EQ(read("11/02/2026 09:45 UTC", std::nullopt, month_first), "ok 2026-11-02T09:45:00Z (20)");
  // Only one reading is a date: it is taken whatever the order.
  EXPECT_EQ(read("11/25/2026 09:45 UTC", std::nullopt, day_first), "ok 2026-11-25T09:45:00Z (20)");
  EXPECT_EQ(read("25/11/2026 09:45 UTC", std::nullopt, month_first), "ok 2026-11-25T09:45:00Z (20)");
  // Both are dates: the weekday decides; else the order, unless the other reading is the near one.
  EXPECT_EQ(read("Monday 11/02/2026 09:45 UTC", std::nullopt, day_first), "ok 2026-11-02T09:45:00Z (27)");
  EXPECT_EQ(read("03/11/2026 09:45 UTC", std::nullopt, day_first), "ok 2026-11-03T09:45:00Z (20)");
  EXPECT_EQ(read("11/02/2026 09:45 UTC", std::nullopt, day_first),
            "ambiguous_date ['11/02/2026' reads as Wednesday 11 February 2026 (day first, the configured "
            "lint.date_order), but Monday 2 November 2026 is nearer the draft's date] (20)");
  EXPECT_EQ(read("31/02/2026 09:45 UTC", std::nullopt, day_first).substr(0, 7), "invalid");
}
