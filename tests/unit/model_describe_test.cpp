// The names and sentences the model gives its facts (model/describe.h, model/communications.h),
// and the core and load helpers the rules share: money, unfilled values, times beside another,
// places — each written once.
#include <gtest/gtest.h>

#include "core/diagnostic.h"
#include "core/text.h"
#include "core/time.h"
#include "load/presence.h"
#include "model/describe.h"
#include "rule_test_util.h"

using namespace esc;
using namespace esc::testing;

namespace {

Date date(const char* text) { return *parse_date(text); }

}  // namespace

TEST(FormatMoney, SymbolsSeparatorsAndMinorUnits) {
  EXPECT_EQ(format_money(0, "GBP"), "£0");
  EXPECT_EQ(format_money(999, "GBP"), "£999");
  EXPECT_EQ(format_money(1000, "GBP"), "£1,000");
  EXPECT_EQ(format_money(180000, "GBP"), "£180,000");
  EXPECT_EQ(format_money(1234567.5, "EUR"), "€1,234,567.50");
  EXPECT_EQ(format_money(20000, "USD"), "$20,000");
  EXPECT_EQ(format_money(20000, "CHF"), "CHF 20,000");
  EXPECT_EQ(format_money(0.07, "GBP"), "£0.07");
  EXPECT_EQ(format_money(-2500.5, "GBP"), "-£2,500.50");
  EXPECT_EQ(format_money(1e20, "GBP"), "£100,000,000,000,000,000,000");
}

TEST(FormatMoney, YenHasNoMinorUnit) {
  // The rules once said "JPY 1,234.50" and the readout "¥1,234.50"; yen has no sen to show.
  EXPECT_EQ(format_money(1234.5, "JPY"), "¥1,235");
  EXPECT_EQ(format_money(5000000, "JPY"), "¥5,000,000");
  EXPECT_EQ(format_money(1234.5, "KRW"), "KRW 1,235");
}

TEST(Unfilled, OneAnswerForEveryReader) {
  EXPECT_EQ(why_unfilled("Calm and reassured."), std::nullopt);
  EXPECT_EQ(why_unfilled(""), "is empty");
  EXPECT_EQ(why_unfilled(" \n"), "is empty");
  EXPECT_EQ(why_unfilled("TBC"), "is a placeholder (\"TBC\")");
  EXPECT_EQ(why_unfilled("Calm, see {{notes}}."), "contains the placeholder \"{{notes}}\"");
  EXPECT_TRUE(is_unfilled("[Customer Name]"));
  EXPECT_FALSE(is_unfilled("Northwind"));
  EXPECT_EQ(describe_unfilled(""), "empty");
  EXPECT_EQ(describe_unfilled("  "), "empty");
  EXPECT_EQ(describe_unfilled("TBD"), "a placeholder ('TBD')");
}

TEST(Unfilled, AValueOfTheRecord) {
  const Loc parent{{10, 3}, "readout"};
  auto text = [](std::optional<std::string> value, Mark mark) {
    Text t;
    t.value = std::move(value);
    t.loc = {mark, "readout.customer_sentiment"};
    return t;
  };
  EXPECT_EQ(why_unfilled(text("Calm and reassured.", {11, 23}), parent), std::nullopt);
  EXPECT_EQ(why_unfilled(text(std::nullopt, {10, 3}), parent), "is missing");
  EXPECT_EQ(why_unfilled(text(std::nullopt, {0, 0}), parent), "is missing");
  EXPECT_EQ(why_unfilled(text(std::nullopt, {11, 23}), parent), std::nullopt);  // invalid: schema's
  EXPECT_EQ(why_unfilled(text(" ", {11, 23}), parent), "is empty");
  EXPECT_EQ(why_unfilled(text("TBC", {11, 23}), parent), "is a placeholder (\"TBC\")");
}

TEST(TextHelpers, OneLineAndSameName) {
  EXPECT_EQ(one_line("  a\n  b\t c  "), "a b c");
  EXPECT_TRUE(same_name("  Priya   Natarajan ", "priya natarajan"));
  EXPECT_FALSE(same_name("Priya Natarajan", "Priya N."));
}

TEST(TimeHelpers, TimesBesideAnotherAndDays) {
  const Instant t = *parse_now("2026-11-02T08:45:59Z");
  EXPECT_EQ(to_minute(t), *parse_now("2026-11-02T08:45:00Z"));
  EXPECT_EQ(format_time_beside(t, *parse_now("2026-11-02T23:59:00Z")), "08:45 UTC");
  EXPECT_EQ(format_time_beside(t, *parse_now("2026-11-03T00:00:00Z")), "2 Nov 2026 08:45 UTC");
  EXPECT_EQ(format_short_date(date("2026-11-02")), "2 Nov 2026");
  EXPECT_EQ(format_short_date(date("2027-01-04")), "4 Jan 2027");
  EXPECT_EQ(format_short_date(date("2026-12-31")), "31 Dec 2026");
  EXPECT_EQ(describe_days(1), "1 day");
  EXPECT_EQ(describe_days(36), "36 days");
}

TEST(FormatLocation, PathLineColumn) {
  EXPECT_EQ(format_location("a.yaml", Mark{12, 5}), "a.yaml:12:5");
  EXPECT_EQ(format_location("a.yaml", Mark{}), "a.yaml");
}

TEST(ModelDescribe, Ordinal) {
  EXPECT_EQ(ordinal(1), "1st");
  EXPECT_EQ(ordinal(2), "2nd");
  EXPECT_EQ(ordinal(3), "3rd");
  EXPECT_EQ(ordinal(5), "5th");
  EXPECT_EQ(ordinal(11), "11th");
  EXPECT_EQ(ordinal(12), "12th");
  EXPECT_EQ(ordinal(13), "13th");
  EXPECT_EQ(ordinal(21), "21st");
  EXPECT_EQ(ordinal(22), "22nd");
  EXPECT_EQ(ordinal(111), "111th");
}

TEST(ModelDescribe, Calendar) {
  Config config;
  EXPECT_EQ(model::describe_calendar(config), "england-and-wales calendar");
  config.holidays.push_back(date("2026-12-24"));
  EXPECT_EQ(model::describe_calendar(config), "england-and-wales calendar and 1 configured holiday");
  config.calendar = CalendarKind::none;
  config.holidays.clear();
  EXPECT_EQ(model::describe_calendar(config), "calendar none: weekends only");
  config.holidays = {date("2026-12-24"), date("2026-12-31")};
  EXPECT_EQ(model::describe_calendar(config), "calendar none: weekends only and 2 configured holidays");
}

TEST(ModelDescribe, PirDeadline) {
  std::string text = example_with("    at: 2026-11-02T10:20:00Z\n", "    at: 2026-12-23T10:20:00Z\n");
  LoadResult loaded = load_record(text, "record.yaml", ParseLimits{});
  ASSERT_TRUE(loaded.record);
  Config config;
  Calendar calendar(config.calendar, config.holidays);
  auto five = model::pir_deadline(*loaded.record, calendar, model::kPirScheduleDays);
  ASSERT_TRUE(five);
  EXPECT_EQ(five->resolved, date("2026-12-23"));
  EXPECT_EQ(five->date, date("2027-01-04"));
  EXPECT_EQ(model::resolution_note(*loaded.record).mark, (Mark{95, 9}));
  EXPECT_EQ(model::describe_deadline(*five, config),
            "2027-01-04, the 5th business day after resolution on 23 Dec 2026 (england-and-wales "
            "calendar)");
  EXPECT_EQ(model::describe_deadline(*five, config, "Monday 4 January 2027"),
            "Monday 4 January 2027, the 5th business day after resolution on 23 Dec 2026 "
            "(england-and-wales calendar)");

  Config none;
  none.calendar = CalendarKind::none;
  Calendar weekdays(none.calendar, none.holidays);
  EXPECT_EQ(model::pir_deadline(*loaded.record, weekdays, model::kPirScheduleDays)->date, date("2026-12-30"));
  EXPECT_EQ(model::pir_deadline(*loaded.record, weekdays, model::kPirDeliveryDays)->date, date("2027-01-06"));

  LoadResult unresolved = load_record(example_with("    at: 2026-11-02T10:20:00Z\n", ""), "r.yaml", ParseLimits{});
  ASSERT_TRUE(unresolved.record);
  EXPECT_FALSE(model::pir_deadline(*unresolved.record, calendar, model::kPirScheduleDays));
}

TEST(ModelDescribe, Commitment) {
  Commitment c;
  EXPECT_EQ(model::describe_commitment(c, 0), "commitment #1");
  c.commitment.value = "Send the report";
  EXPECT_EQ(model::describe_commitment(c, 2), "commitment #3 (\"Send the report\")");
  c.commitment.value = std::string(70, 'x');
  EXPECT_EQ(model::describe_commitment(c, 0), "commitment #1 (\"" + std::string(57, 'x') + "...\")");
  c.commitment.value = std::string(70, 'x') + "\xc3\xa9";  // never cut inside a code point
  EXPECT_EQ(model::describe_commitment(c, 0), "commitment #1 (\"" + std::string(57, 'x') + "...\")");
}

TEST(ModelCommunications, OneNameInEachForm) {
  Communication c;
  c.index = 3;
  EXPECT_EQ(describe_communication(c), "communication #4");
  EXPECT_EQ(communication_subject(c), "communication #4");
  EXPECT_EQ(communication_label(c), "Comm 4");
  c.type.value = CommType::progress;
  EXPECT_EQ(communication_subject(c), "the progress update listed as communication #4");
  EXPECT_EQ(communication_label(c), "Update");
  c.number.value = 2;
  EXPECT_EQ(describe_communication(c), "progress update #2");
  EXPECT_EQ(communication_subject(c), "progress update #2");
  EXPECT_EQ(communication_label(c), "Update 2");
  c.type.value = CommType::initial;
  EXPECT_EQ(describe_communication(c), "initial notification");
  EXPECT_EQ(communication_subject(c), "the initial notification");
  EXPECT_EQ(communication_label(c), "Initial");
  c.type.value = CommType::resolution;
  EXPECT_EQ(communication_subject(c), "the resolution notification");
  EXPECT_EQ(stated_status(c), Status::resolved);
}
