// IANA zones from the system's zoneinfo: offsets and names either side of a change.
#include <gtest/gtest.h>

#include "core/zone.h"

using namespace esc;

namespace {

Instant at(const char* t) { return *parse_now(t); }

TimeZone zone(const char* name) {
  std::string error;
  auto z = TimeZone::load(name, &error);
  EXPECT_TRUE(z) << error;
  return *z;
}

}  // namespace

TEST(TimeZone, LondonEitherSideOfTheEndOfSummerTime) {
  const TimeZone london = zone("Europe/London");
  EXPECT_EQ(london.at(at("2026-10-25T00:59:59Z")).abbreviation, "BST");
  EXPECT_EQ(london.at(at("2026-10-25T00:59:59Z")).offset, std::chrono::hours(1));
  EXPECT_TRUE(london.at(at("2026-10-25T00:59:59Z")).dst);
  EXPECT_EQ(london.at(at("2026-10-25T01:00:00Z")).abbreviation, "GMT");
  EXPECT_EQ(london.at(at("2026-10-25T01:00:00Z")).offset, std::chrono::hours(0));
  EXPECT_EQ(london.at(at("2026-03-29T01:00:00Z")).abbreviation, "BST");  // summer time starts
}

TEST(TimeZone, Formats) {
  const TimeZone paris = zone("Europe/Paris");
  EXPECT_EQ(format_human_in(at("2026-10-24T23:45:00Z"), paris), "Sunday 25 October 2026, 01:45 CEST");
  EXPECT_EQ(format_hhmm_in(at("2026-10-25T02:30:00Z"), paris), "03:30 CET");
  EXPECT_EQ(format_compact_in(at("2026-11-02T23:30:00Z"), paris), "Tue 3 Nov 2026 00:30 CET");
  // A zone without names of its own is shown as a numeric offset.
  EXPECT_EQ(format_hhmm_in(at("2026-11-02T12:00:00Z"), zone("America/Sao_Paulo")), "09:00 -0300");
  EXPECT_EQ(format_hhmm_in(at("2026-11-02T12:00:00Z"), zone("Asia/Kolkata")), "17:30 IST");
}

// tzdata writes transitions up to 2037 and a rule for the years after; summer time goes on.
TEST(TimeZone, SummerTimeGoesOnAfterTheLastTransitionInTheFile) {
  const TimeZone london = zone("Europe/London");
  EXPECT_EQ(london.at(at("2040-07-01T12:00:00Z")).abbreviation, "BST");
  EXPECT_EQ(london.at(at("2040-07-01T12:00:00Z")).offset, std::chrono::hours(1));
  EXPECT_EQ(london.at(at("2040-12-01T12:00:00Z")).abbreviation, "GMT");
  EXPECT_EQ(format_hhmm_in(at("2045-08-01T09:00:00Z"), zone("America/New_York")), "05:00 EDT");
}

// Dublin's winter time is its "daylight" time in tzdata (negative DST); the names still fit.
TEST(TimeZone, DublinWinterAndSummer) {
  const TimeZone dublin = zone("Europe/Dublin");
  EXPECT_EQ(format_hhmm_in(at("2026-12-01T12:00:00Z"), dublin), "12:00 GMT");
  EXPECT_EQ(format_hhmm_in(at("2026-07-01T12:00:00Z"), dublin), "13:00 IST");
}

TEST(TimeZone, NamesThatAreNotZones) {
  std::string error;
  EXPECT_FALSE(TimeZone::load("Europe/Lndon", &error));
  EXPECT_EQ(error,
            "'Europe/Lndon' is not a time zone in the installed IANA database (tzdata); use a name such as "
            "Europe/London or America/New_York");
  EXPECT_FALSE(TimeZone::load("../../etc/passwd", &error));
  EXPECT_EQ(error, "'../../etc/passwd' is not an IANA time zone name such as Europe/London");
  EXPECT_FALSE(TimeZone::load("", &error));
  EXPECT_FALSE(TimeZone::load("Europe", &error));  // a folder
}
