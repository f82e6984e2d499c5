// The PIR, readout and commitment rules together: their shared helpers, and each fixture firing
// only its own rule among them.
#include <gtest/gtest.h>

#include "rule_test_util.h"
#include "rules/group_c_helpers.h"

namespace esc {
extern const RuleInfo kPirPromiseRule, kPirScheduledRule, kPirScheduleWindowRule,
    kPirDeliveryWindowRule, kPirAttendeesRule, kPirLessonsLoggedRule, kReadoutImpactRule,
    kReadoutActionsRule, kReadoutSlaRule, kReadoutSentimentRule, kCommitmentIncompleteRule,
    kCommitmentOverdueRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

const RuleInfo* const kGroup[] = {
    &kPirPromiseRule,     &kPirScheduledRule,     &kPirScheduleWindowRule,
    &kPirDeliveryWindowRule, &kPirAttendeesRule,  &kPirLessonsLoggedRule,
    &kReadoutImpactRule,  &kReadoutActionsRule,   &kReadoutSlaRule,
    &kReadoutSentimentRule, &kCommitmentIncompleteRule, &kCommitmentOverdueRule,
};

Date date(const char* text) { return *parse_date(text); }

// Every finding of the group's rules on a file, as "rule line:col".
std::vector<std::string> group_findings(const std::string& file) {
  std::vector<std::string> out;
  for (const RuleInfo* rule : kGroup)
    for (const Diagnostic& d : run_rule(*rule, file))
      out.push_back(d.rule + " " + std::to_string(d.mark.line) + ":" + std::to_string(d.mark.col));
  return out;
}

}  // namespace

TEST(GroupCHelpers, Ordinal) {
  EXPECT_EQ(group_c::ordinal(1), "1st");
  EXPECT_EQ(group_c::ordinal(2), "2nd");
  EXPECT_EQ(group_c::ordinal(3), "3rd");
  EXPECT_EQ(group_c::ordinal(5), "5th");
  EXPECT_EQ(group_c::ordinal(10), "10th");
  EXPECT_EQ(group_c::ordinal(11), "11th");
  EXPECT_EQ(group_c::ordinal(12), "12th");
  EXPECT_EQ(group_c::ordinal(13), "13th");
  EXPECT_EQ(group_c::ordinal(21), "21st");
  EXPECT_EQ(group_c::ordinal(22), "22nd");
  EXPECT_EQ(group_c::ordinal(111), "111th");
}

TEST(GroupCHelpers, FormatShortDate) {
  EXPECT_EQ(group_c::format_short_date(date("2026-11-02")), "2 Nov 2026");
  EXPECT_EQ(group_c::format_short_date(date("2027-01-04")), "4 Jan 2027");
  EXPECT_EQ(group_c::format_short_date(date("2026-12-31")), "31 Dec 2026");
}

TEST(GroupCHelpers, DescribeDays) {
  EXPECT_EQ(group_c::describe_days(1), "1 day");
  EXPECT_EQ(group_c::describe_days(36), "36 days");
}

TEST(GroupCHelpers, DescribeCalendar) {
  Config config;
  EXPECT_EQ(group_c::describe_calendar(config), "england-and-wales calendar");
  config.holidays = {date("2026-12-29")};
  EXPECT_EQ(group_c::describe_calendar(config), "england-and-wales calendar and 1 configured holiday");
  config.calendar = CalendarKind::none;
  config.holidays.clear();
  EXPECT_EQ(group_c::describe_calendar(config), "calendar none: weekends only");
  config.holidays = {date("2026-12-29"), date("2026-12-30")};
  EXPECT_EQ(group_c::describe_calendar(config), "calendar none: weekends only and 2 configured holidays");
}

TEST(GroupCHelpers, ResolutionDeadline) {
  std::string text = example_with("    at: 2026-11-02T10:20:00Z\n", "    at: 2026-12-23T10:20:00Z\n");
  LoadResult loaded = load_record(text, "record.yaml", ParseLimits{});
  ASSERT_TRUE(loaded.record);
  Config config;
  Calendar calendar(config.calendar, config.holidays);
  RuleContext ctx{*loaded.record, config, calendar, example_now()};
  auto five = group_c::resolution_deadline(ctx, group_c::kPirScheduleDays);
  ASSERT_TRUE(five);
  EXPECT_EQ(five->resolved, date("2026-12-23"));
  EXPECT_EQ(five->date, date("2027-01-04"));
  EXPECT_EQ(five->resolution_loc.mark, (Mark{95, 9}));
  EXPECT_EQ(group_c::describe_deadline(*five),
            "2027-01-04, the 5th business day after resolution on 23 Dec 2026 (england-and-wales "
            "calendar)");
  EXPECT_EQ(group_c::describe_deadline(*five, "Monday 4 January 2027"),
            "Monday 4 January 2027, the 5th business day after resolution on 23 Dec 2026 "
            "(england-and-wales calendar)");

  Config none;
  none.calendar = CalendarKind::none;
  Calendar weekdays(none.calendar, none.holidays);
  RuleContext ctx_none{*loaded.record, none, weekdays, example_now()};
  EXPECT_EQ(group_c::resolution_deadline(ctx_none, group_c::kPirScheduleDays)->date, date("2026-12-30"));
  EXPECT_EQ(group_c::resolution_deadline(ctx_none, group_c::kPirDeliveryDays)->date, date("2027-01-06"));
}

TEST(GroupCHelpers, NoDeadlineWithoutAResolutionTimestamp) {
  std::string text = example_with("    at: 2026-11-02T10:20:00Z\n", "");
  LoadResult loaded = load_record(text, "record.yaml", ParseLimits{});
  ASSERT_TRUE(loaded.record);
  Config config;
  Calendar calendar;
  RuleContext ctx{*loaded.record, config, calendar, example_now()};
  EXPECT_FALSE(group_c::resolution_deadline(ctx, 5));
}

TEST(GroupCHelpers, Unfilled) {
  const Loc parent{{10, 3}, "readout"};
  auto text = [](std::optional<std::string> value, Mark mark) {
    Text t;
    t.value = std::move(value);
    t.loc = {mark, "readout.customer_sentiment"};
    return t;
  };
  EXPECT_EQ(group_c::unfilled(text("Calm and reassured.", {11, 23}), parent), std::nullopt);
  EXPECT_EQ(group_c::unfilled(text(std::nullopt, {10, 3}), parent), "is missing");
  EXPECT_EQ(group_c::unfilled(text(std::nullopt, {0, 0}), parent), "is missing");
  EXPECT_EQ(group_c::unfilled(text(std::nullopt, {11, 23}), parent), std::nullopt);  // invalid
  EXPECT_EQ(group_c::unfilled(text(" ", {11, 23}), parent), "is empty");
  EXPECT_EQ(group_c::unfilled(text("TBC", {11, 23}), parent), "is a placeholder (\"TBC\")");
  EXPECT_EQ(group_c::unfilled(text("Calm, see {{notes}}.", {11, 23}), parent),
            "contains the placeholder \"{{notes}}\"");
}

TEST(GroupCHelpers, DescribeCommitment) {
  Commitment c;
  EXPECT_EQ(group_c::describe_commitment(c, 0), "commitment #1");
  c.commitment.value = "Send the report";
  EXPECT_EQ(group_c::describe_commitment(c, 2), "commitment #3 (\"Send the report\")");
  c.commitment.value = std::string(70, 'x');
  EXPECT_EQ(group_c::describe_commitment(c, 0), "commitment #1 (\"" + std::string(57, 'x') + "...\")");
  c.commitment.value = std::string(70, 'x') + "\xc3\xa9";  // never cut inside a code point
  EXPECT_EQ(group_c::describe_commitment(c, 0), "commitment #1 (\"" + std::string(57, 'x') + "...\")");
  c.commitment.value = std::string(56, 'x') + "\xc3\xa9\xc3\xa9\xc3\xa9" + std::string(10, 'y');
  EXPECT_EQ(group_c::describe_commitment(c, 0),
            "commitment #1 (\"" + std::string(56, 'x') + "\xc3\xa9...\")");
}

TEST(GroupC, EveryRuleIsSilentOnTheExample) {
  EXPECT_TRUE(group_findings("fixtures/ESC-2026-0142.yaml").empty());
  // Not even an info.
  for (const char* now : {"2026-11-02T10:30:00Z", "2026-11-20T12:00:00Z", "2026-12-15T12:00:00Z"})
    for (const RuleInfo* rule : kGroup)
      EXPECT_TRUE(run_rule(*rule, "fixtures/ESC-2026-0142.yaml", *parse_now(now)).empty())
          << rule->id << " at " << now;
}

TEST(GroupC, OnlyThisRuleFiresInGroup) {
  for (const RuleInfo* rule : kGroup) {
    const std::string file = "fixtures/rules/" + std::string(rule->id) + ".yaml";
    const auto found = group_findings(file);
    ASSERT_EQ(found.size(), 1u) << file << ": " << ::testing::PrintToString(found);
    EXPECT_EQ(found[0].substr(0, rule->id.size() + 1), std::string(rule->id) + " ") << file;
    // The fixture says where it fires in its first comment lines.
    const std::string text = read_text(file);
    const std::string line = "line " + found[0].substr(rule->id.size() + 1, found[0].find(':') - rule->id.size() - 1);
    EXPECT_NE(text.substr(0, text.find("\nversion:")).find(line), std::string::npos) << file << " " << line;
  }
}

TEST(GroupC, DocumentationIsComplete) {
  for (const RuleInfo* rule : kGroup) {
    EXPECT_EQ(rule->kind(), RuleKind::record) << rule->id;
    EXPECT_NE(rule->check, nullptr) << rule->id;
    EXPECT_FALSE(rule->summary.empty()) << rule->id;
    EXPECT_FALSE(rule->description.empty()) << rule->id;
    EXPECT_FALSE(rule->rationale.empty()) << rule->id;
    EXPECT_FALSE(rule->bad_example.empty()) << rule->id;
    EXPECT_FALSE(rule->good_example.empty()) << rule->id;
    EXPECT_NE(rule->bad_example, rule->good_example) << rule->id;
  }
}
