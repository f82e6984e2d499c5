#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kPirScheduledRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

const std::string kFixture = "fixtures/rules/pir-scheduled.yaml";

std::vector<Diagnostic> run_at(const std::string& text, const char* now, const Config& config = Config{}) {
  return run_rule_on_text(kPirScheduledRule, text, *parse_now(now), config);
}

// The fixture (no pir.scheduled_for) resolved on Wed 23 Dec 2026.
std::string unscheduled_before_christmas() {
  return replace_once(read_text(kFixture), "    at: 2026-11-02T10:20:00Z\n", "    at: 2026-12-23T10:20:00Z\n");
}

}  // namespace

TEST(PirScheduled, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kPirScheduledRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(PirScheduled, FiresOnTheFixture) {
  const auto diags = run_rule(kPirScheduledRule, kFixture);
  EXPECT_EQ(describe(diags),
            std::vector<std::string>{
                "139:3: the PIR is not scheduled (no pir.scheduled_for) and its window closed on "
                "Monday 9 November 2026, the 5th business day after resolution on 2 Nov 2026 "
                "(england-and-wales calendar)"});
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].severity, Severity::error);
  ASSERT_EQ(diags[0].notes.size(), 1u);
  EXPECT_EQ(diags[0].notes[0].mark, (Mark{95, 9}));
}

TEST(PirScheduled, InfoWhileStillInTimeUpToTheEndOfTheFifthBusinessDay) {
  const std::string text = read_text(kFixture);
  for (const char* now : {"2026-11-02T11:00:00Z", "2026-11-09T23:59:59Z"}) {
    const auto diags = run_at(text, now);
    EXPECT_EQ(describe(diags),
              std::vector<std::string>{
                  "139:3: the PIR is not scheduled yet (no pir.scheduled_for): schedule it for no "
                  "later than Monday 9 November 2026, the 5th business day after resolution on 2 "
                  "Nov 2026 (england-and-wales calendar)"})
        << now;
    ASSERT_EQ(diags.size(), 1u);
    EXPECT_EQ(diags[0].severity, Severity::info);
  }
  const auto late = run_at(text, "2026-11-10T00:00:00Z");
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].severity, Severity::error);
}

TEST(PirScheduled, WithoutAPirSectionPointsAtTheRecord) {
  const std::string text = example_with(
      "pir:\n"
      "  scheduled_for: 2026-11-05T14:00:00Z\n"
      "  attendees: [escalation_lead, engineering_lead, csm, customer_primary]\n"
      "  delivered_at: 2026-11-12\n"
      "  lessons_logged: true\n",
      "");
  EXPECT_EQ(describe(run_rule_on_text(kPirScheduledRule, text)),
            std::vector<std::string>{
                "3:1: the PIR is not scheduled (no pir section) and its window closed on Monday 9 "
                "November 2026, the 5th business day after resolution on 2 Nov 2026 "
                "(england-and-wales calendar)"});
}

TEST(PirScheduled, HolidaysAndCalendarNone) {
  // Day 0 Wed 23 Dec 2026: the 5th business day is Mon 4 Jan 2027, or Wed 30 Dec 2026 with
  // weekends only.
  const std::string text = unscheduled_before_christmas();
  EXPECT_EQ(run_at(text, "2027-01-04T12:00:00Z")[0].severity, Severity::info);
  EXPECT_EQ(run_at(text, "2027-01-05T00:00:00Z")[0].severity, Severity::error);

  Config none;
  none.calendar = CalendarKind::none;
  EXPECT_EQ(describe(run_at(text, "2026-12-31T09:00:00Z", none)),
            std::vector<std::string>{
                "139:3: the PIR is not scheduled (no pir.scheduled_for) and its window closed on "
                "Wednesday 30 December 2026, the 5th business day after resolution on 23 Dec 2026 "
                "(calendar none: weekends only)"});
  EXPECT_EQ(run_at(text, "2026-12-30T23:00:00Z", none)[0].severity, Severity::info);
}

TEST(PirScheduled, OnlyResolvedRecords) {
  const std::string text = replace_once(read_text(kFixture), "status: resolved", "status: contained");
  EXPECT_TRUE(run_rule_on_text(kPirScheduledRule, text).empty());
}

TEST(PirScheduled, SilentWithoutAResolutionTimestamp) {
  const std::string text = replace_once(read_text(kFixture), "    at: 2026-11-02T10:20:00Z\n", "");
  EXPECT_TRUE(run_rule_on_text(kPirScheduledRule, text).empty());
}

TEST(PirScheduled, TheBookingMilestoneIsNotASchedule) {
  // The fixture keeps its pir_scheduled milestone: without a meeting time it still fires.
  EXPECT_NE(read_text(kFixture).find("milestone: pir_scheduled"), std::string::npos);
  EXPECT_EQ(run_rule(kPirScheduledRule, kFixture).size(), 1u);
}

TEST(PirScheduled, AnInvalidScheduledForIsTheSchemaRulesFinding) {
  const std::string text =
      example_with("scheduled_for: 2026-11-05T14:00:00Z", "scheduled_for: next Thursday");
  EXPECT_TRUE(run_rule_on_text(kPirScheduledRule, text).empty());
}
