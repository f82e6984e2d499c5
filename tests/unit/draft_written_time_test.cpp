// Times as people write them in customer emails.
#include <gtest/gtest.h>

#include "draft/written_time.h"

using namespace esc;

namespace {

// "ok 2026-11-02T09:45:00Z (32)" or "no_zone (20)" for compact comparisons.
std::string read(std::string_view text) {
  auto w = read_written_time(text);
  if (!w) return "none";
  static const char* names[] = {"ok", "no_zone", "no_date", "no_year", "bad_weekday", "bad_zone", "invalid"};
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
  EXPECT_EQ(read("2 November 2026 10:45 BST"), "ok 2026-11-02T09:45:00Z (25)");
  EXPECT_EQ(read("2 November 2026 04:45 EST"), "ok 2026-11-02T09:45:00Z (25)");
  EXPECT_EQ(read("2 November 2026 10:45 UTC+1"), "ok 2026-11-02T09:45:00Z (27)");
  EXPECT_EQ(read("2 November 2026 15:15 IST"), "bad_zone [IST] (25)");
}

TEST(WrittenTime, WhatIsMissingOrWrong) {
  EXPECT_EQ(read("2 November 2026 09:45"), "no_zone (21)");
  EXPECT_EQ(read("2026-11-02 09:45"), "no_zone (16)");
  EXPECT_EQ(read("09:45 on 2 November 2026"), "no_zone (24)");
  EXPECT_EQ(read("10:45 UTC"), "no_date (9)");
  EXPECT_EQ(read("10:45 UTC today"), "no_date (9)");
  EXPECT_EQ(read("Monday 2 November, 09:45 UTC"), "no_year (28)");
  EXPECT_EQ(read("Monday 2 November 2026"), "invalid [it has a date but no time of day] (22)");
  EXPECT_EQ(read("Tuesday 2 November 2026, 09:45 UTC"),
            "bad_weekday [2 November 2026 is a Monday, not a Tuesday] (34)");
  EXPECT_EQ(read("31 November 2026 09:45 UTC"), "invalid [there is no day 31 in November 2026] (26)");
  EXPECT_EQ(read("2 November 2026 25:00 UTC"), "invalid [the time of day is not a valid 24-hour or am/pm time] (25)");
  EXPECT_EQ(read("13:00 pm UTC on 2 November 2026"), "invalid [the time of day is not a valid 24-hour or am/pm time] (31)");
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
