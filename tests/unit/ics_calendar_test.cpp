// Holiday calendars from iCalendar files: the parser (core/ics), `calendar:` in the
// configuration, and a P3 record for a Polish customer whose deadlines follow Polish holidays.
// tests/data/calendars/ holds files written by hand in the published formats (Google Calendar's
// public-holiday export for Poland 2026-2027, an Outlook export of US federal holidays 2026).
#include <gtest/gtest.h>

#include "core/ics.h"
#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kUpdateCadenceRule;
}

using namespace esc;
using namespace esc::testing;
using std::chrono::sys_days;
using namespace std::chrono_literals;

namespace {

std::vector<std::string> iso(const std::vector<Date>& days) {
  std::vector<std::string> out;
  for (Date d : days) out.push_back(format_iso_date(d));
  return out;
}

Config config_with(const std::string& yaml, std::vector<Diagnostic>& problems) {
  return load_config(yaml, std::string(ESCALATE_SOURCE_DIR) + "/tests/data/calendars/.escalate.yaml", problems);
}

const std::string kPoland = "tests/data/calendars/poland-2026-2027.ics";

}  // namespace

TEST(IcsHolidays, ReadsGooglesPublicHolidayExport) {
  const IcsHolidays pl = parse_ics_holidays(read_text(kPoland));
  ASSERT_EQ(pl.error, "");
  ASSERT_EQ(pl.days.size(), 28u);
  EXPECT_EQ(format_iso_date(pl.days.front()), "2026-01-01");
  EXPECT_EQ(format_iso_date(pl.days.back()), "2027-12-26");
  const auto days = iso(pl.days);
  for (const char* d : {"2026-06-04", "2026-12-24", "2027-03-29", "2027-05-27"})  // Corpus Christi, Wigilia...
    EXPECT_NE(std::find(days.begin(), days.end(), d), days.end()) << d;
}

TEST(IcsHolidays, ReadsAnOutlookExport) {
  const IcsHolidays us = parse_ics_holidays(read_text("tests/data/calendars/united-states-2026.ics"));
  ASSERT_EQ(us.error, "");
  EXPECT_EQ(iso(us.days), (std::vector<std::string>{"2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25",
                                                    "2026-06-19", "2026-07-03", "2026-09-07", "2026-10-12",
                                                    "2026-11-11", "2026-11-26", "2026-12-25"}));
}

TEST(IcsHolidays, MultiDayRecurringAndCancelledEvents) {
  const std::string ics =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
      "BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20270503\r\n"
      "DTEND;VALUE=DATE:20270506\r\nSUMMARY:Golden Week\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:b\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260101\r\n"
      "RRULE:FREQ=YEARLY;COUNT=2\r\nSUMMARY:New Year\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:c\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260301\r\n"
      "STATUS:CANCELLED\r\nSUMMARY:Withdrawn\r\nEND:VEVENT\r\n"
      "END:VCALENDAR\r\n";
  const IcsHolidays h = parse_ics_holidays(ics);
  ASSERT_EQ(h.error, "");
  EXPECT_EQ(iso(h.days), (std::vector<std::string>{"2026-01-01", "2027-01-01", "2027-05-03", "2027-05-04", "2027-05-05"}));
}

TEST(IcsHolidays, SomethingElseIsAnErrorSentence) {
  EXPECT_EQ(parse_ics_holidays("version: 1\n").error, "it is not an iCalendar file (no BEGIN:VCALENDAR ... END:VCALENDAR)");
  EXPECT_EQ(parse_ics_holidays("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n").error, "it has no events (VEVENT)");
  EXPECT_TRUE(parse_ics_holidays("").days.empty());
}

TEST(IcsCalendarConfig, CalendarNamesAnIcsFileRelativeToTheConfiguration) {
  std::vector<Diagnostic> problems;
  const Config config = config_with("calendar: poland-2026-2027.ics\nholidays: [2026-08-14]\n", problems);
  EXPECT_TRUE(problems.empty()) << problems.front().message;
  EXPECT_EQ(config.calendar, CalendarKind::none);  // the file's holidays instead of England and Wales'
  EXPECT_NE(config.calendar_file.find("poland-2026-2027.ics"), std::string::npos);
  const Calendar pl(config.calendar, config.holidays);
  EXPECT_TRUE(pl.is_holiday(sys_days{2026y / 6 / 4}));    // Boże Ciało
  EXPECT_TRUE(pl.is_holiday(sys_days{2026y / 8 / 14}));   // from `holidays:`
  EXPECT_FALSE(pl.is_holiday(sys_days{2026y / 8 / 31}));  // the English summer bank holiday
  // Resolved Wed 23 Dec 2026: the PIR is due 5 business days later.
  EXPECT_EQ(format_iso_date(pl.add_business_days(sys_days{2026y / 12 / 23}, 5)), "2027-01-04");
  EXPECT_EQ(format_iso_date(Calendar().add_business_days(sys_days{2026y / 12 / 23}, 5)), "2027-01-04");
  EXPECT_EQ(format_iso_date(pl.add_business_days(sys_days{2026y / 12 / 22}, 2)), "2026-12-28");  // Wigilia
  EXPECT_EQ(format_iso_date(Calendar().add_business_days(sys_days{2026y / 12 / 22}, 2)), "2026-12-24");
}

TEST(IcsCalendarConfig, AMissingOrBrokenFileIsAnErrorAtTheValue) {
  std::vector<Diagnostic> problems;
  (void)config_with("currency: PLN\ncalendar: missing.ics\n", problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].severity, Severity::error);
  EXPECT_EQ(problems[0].mark, (Mark{2, 11}));
  EXPECT_NE(problems[0].message.find("missing.ics cannot be read"), std::string::npos) << problems[0].message;
  problems.clear();
  (void)config_with("calendar: ../../../fixtures/ESC-2026-0142.ics\n", problems);
  ASSERT_EQ(problems.size(), 1u);
  problems.clear();
  (void)config_with("calendar: poland\n", problems);  // neither a built-in name nor an .ics file
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].rule, "schema");
}

// A P3 record for a Polish customer: the 1-business-day cadence skips Corpus Christi (Thu 4 June
// 2026), a working day in England. With England and Wales' calendar a promise for Friday is late.
TEST(IcsCalendarConfig, PolishP3CadenceFollowsPolishHolidays) {
  const std::string record =
      "severity: P3\naccount: {name: Żabka Logistyka Łódź sp. z o.o.}\ncommunications:\n"
      "  - {type: initial, sent_at: 2026-06-03T10:00:00Z, next_update_by: 2026-06-05T10:00:00Z}\n";
  std::vector<Diagnostic> problems;
  const Config polish = config_with("calendar: poland-2026-2027.ics\n", problems);
  ASSERT_TRUE(problems.empty());
  const Instant now = *parse_now("2026-06-03T12:00:00Z");
  EXPECT_TRUE(run_rule_on_text(kUpdateCadenceRule, record, now, polish).empty());
  const auto english = describe(run_rule_on_text(kUpdateCadenceRule, record, now, Config{}));
  ASSERT_EQ(english.size(), 1u);
  EXPECT_NE(english[0].find("the P3 cadence is 1 business day"), std::string::npos) << english[0];
}
