// escalate status's deadlines (model/due) and its views: the 30-second case, the handover, the
// calendar across bank holidays, a quiet closed-out record, and the feed validated by libical.
#include <gtest/gtest.h>

#include <libical/ical.h>

#include <sstream>

#include "model/due.h"
#include "report/status_report.h"
#include "rule_test_util.h"

using namespace esc;
using namespace esc::testing;
using Kind = model::DueItem::Kind;

namespace {

Record load_file(const std::string& relative) {
  LoadResult loaded = load_record(read_text(relative), relative, ParseLimits{});
  EXPECT_TRUE(loaded.record.has_value()) << relative;
  return loaded.record ? *loaded.record : Record{};
}

std::vector<model::DueItem> items(const Record& r, const char* now) {
  const Calendar calendar;
  const model::Escalation e(r, Config{}, calendar, *parse_now(now));
  return model::due_items(e, r.file);
}

const char* kOngoing = "tests/data/status/incidents/ESC-2026-0201.yaml";
const char* kResolved = "tests/data/status/incidents/ESC-2026-0203.yaml";

}  // namespace

TEST(Status, ThePendingPromiseIsDueThenOverdueByTheMinute) {
  const Record r = load_file(kOngoing);
  auto due = items(r, "2026-12-23T10:35:00Z");
  ASSERT_EQ(due.size(), 1u);  // the 09:40 promise was kept 30 s after it: not listed
  EXPECT_EQ(due[0].kind, Kind::customer_update);
  EXPECT_FALSE(due[0].overdue);
  EXPECT_EQ(due[0].delta, std::chrono::minutes(5));
  EXPECT_EQ(due[0].detail, "next update promised by progress update #1");
  EXPECT_EQ(due[0].owner, "Dana Whitfield");
  EXPECT_EQ(due[0].uid, "ESC-2026-0201.customer-update.1@escalate");
  EXPECT_EQ(due[0].mark.line, 26);
  EXPECT_FALSE(items(r, "2026-12-23T10:40:59Z")[0].overdue);
  due = items(r, "2026-12-23T10:41:00Z");
  EXPECT_TRUE(due[0].overdue);
  EXPECT_EQ(due[0].delta, std::chrono::minutes(1));
}

TEST(Status, PirDeadlinesSkipChristmasAndTheWeekend) {
  const Record r = load_file(kResolved);
  const auto due = items(r, "2026-12-24T09:00:00Z");
  ASSERT_EQ(due.size(), 3u);  // schedule, commitment (8 Jan), delivery; the done one is not listed
  EXPECT_EQ(due[0].kind, Kind::pir_schedule);
  EXPECT_EQ(format_iso_date(*due[0].day), "2027-01-04");
  EXPECT_EQ(format_rfc3339(due[0].due), "2027-01-05T00:00:00Z");  // in time all of 4 Jan
  EXPECT_EQ(due[1].kind, Kind::commitment);
  EXPECT_EQ(due[1].owner, "Priya Nair");
  EXPECT_EQ(due[2].kind, Kind::pir_delivery);
  EXPECT_EQ(format_iso_date(*due[2].day), "2027-01-11");
  const auto late = items(r, "2027-01-05T00:00:00Z");
  EXPECT_TRUE(late[0].overdue);
  EXPECT_FALSE(items(r, "2027-01-04T23:59:59Z")[0].overdue);
}

TEST(Status, TheLeadAfterAHandoverOwnsThePromise) {
  const auto due = items(load_file("tests/data/status/incidents/ESC-2026-0205.yaml"), "2026-12-24T09:00:00Z");
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].owner, "Priya Nair");
  EXPECT_EQ(format_rfc3339(due[0].due), "2026-12-29T09:00:00Z");
}

TEST(Status, AClosedOutRecordIsQuiet) {
  EXPECT_TRUE(items(load_file("tests/data/status/incidents/ESC-2026-0204.yaml"), "2027-01-05T09:00:00Z").empty());
}

TEST(Status, CompactSpans) {
  using std::chrono::minutes;
  EXPECT_EQ(compact_span(minutes(0)), "0m");
  EXPECT_EQ(compact_span(minutes(25)), "25m");
  EXPECT_EQ(compact_span(minutes(60)), "1h");
  EXPECT_EQ(compact_span(minutes(190)), "3h 10m");
  EXPECT_EQ(compact_span(minutes(24 * 60 * 2 + 4 * 60 + 5)), "2d 4h");
}

// libical's own parser and RFC 5545 restrictions accept the feed: no X-LIC-ERROR anywhere.
TEST(Status, TheFeedPassesLibicalValidation) {
  StatusView v;
  v.now = *parse_now("2026-12-24T09:00:00Z");
  v.within_text = "14d";
  for (const char* f : {kOngoing, kResolved})
    for (model::DueItem& i : items(load_file(f), "2026-12-24T09:00:00Z")) v.items.push_back(std::move(i));
  ASSERT_EQ(v.items.size(), 4u);
  std::ostringstream out;
  write_status_ics(out, v);
  const std::string text = out.str();
  icalcomponent* cal = icalparser_parse_string(text.c_str());
  ASSERT_NE(cal, nullptr);
  EXPECT_EQ(icalcomponent_check_restrictions(cal), 1);
  const std::string checked = icalcomponent_as_ical_string(cal);
  EXPECT_EQ(checked.find("X-LIC-ERROR"), std::string::npos) << checked;
  EXPECT_EQ(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 4);
  int alarms = 0;
  for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
    alarms += icalcomponent_count_components(ev, ICAL_VALARM_COMPONENT);
  EXPECT_EQ(alarms, 1);  // the customer update only
  icalcomponent_free(cal);
  // CRLF line ends, as RFC 5545 asks.
  EXPECT_NE(text.find("BEGIN:VCALENDAR\r\n"), std::string::npos);
}
