#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kPirPromiseRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

// The example resolved on Wed 23 Dec 2026 (day 0 before Christmas and New Year), promising the
// PIR document by `share_by`.
std::string resolved_before_christmas(const std::string& share_by) {
  return replace_once(example_with("    at: 2026-11-02T10:20:00Z\n", "    at: 2026-12-23T10:20:00Z\n"),
                  "pir_share_by: 2026-11-13", "pir_share_by: " + share_by);
}

std::vector<std::string> run(const std::string& text, const Config& config = Config{}) {
  return describe(run_rule_on_text(kPirPromiseRule, text, example_now(), config));
}

}  // namespace

TEST(PirPromise, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kPirPromiseRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(PirPromise, FiresOnTheFixture) {
  const auto diags = run_rule(kPirPromiseRule, "fixtures/rules/pir-promise.yaml");
  EXPECT_EQ(describe(diags),
            std::vector<std::string>{
                "136:19: pir_share_by 2026-11-17 is later than 2026-11-16, the 10th business day "
                "after resolution on 2 Nov 2026 (england-and-wales calendar)"});
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].severity, Severity::error);
  ASSERT_EQ(diags[0].notes.size(), 1u);
  EXPECT_EQ(diags[0].notes[0].mark, (Mark{95, 9}));
  EXPECT_EQ(diags[0].notes[0].message, "resolution confirmed here (day 0 of the count)");
}

TEST(PirPromise, TheTenthBusinessDayIsInTime) {
  EXPECT_TRUE(run(example_with("pir_share_by: 2026-11-13", "pir_share_by: 2026-11-16")).empty());
}

TEST(PirPromise, SkipsBankHolidays) {
  // Day 0 Wed 23 Dec; Christmas, Boxing Day's substitute (Mon 28) and New Year's Day are not
  // counted: the 10th business day is Mon 11 Jan 2027.
  EXPECT_TRUE(run(resolved_before_christmas("2027-01-11")).empty());
  EXPECT_EQ(run(resolved_before_christmas("2027-01-12")),
            std::vector<std::string>{
                "136:19: pir_share_by 2027-01-12 is later than 2027-01-11, the 10th business day "
                "after resolution on 23 Dec 2026 (england-and-wales calendar)"});
}

TEST(PirPromise, CalendarNoneCountsWeekdaysOnly) {
  Config config;
  config.calendar = CalendarKind::none;
  EXPECT_TRUE(run(resolved_before_christmas("2027-01-06"), config).empty());
  EXPECT_EQ(run(resolved_before_christmas("2027-01-07"), config),
            std::vector<std::string>{
                "136:19: pir_share_by 2027-01-07 is later than 2027-01-06, the 10th business day "
                "after resolution on 23 Dec 2026 (calendar none: weekends only)"});
}

TEST(PirPromise, ConfiguredHolidaysMoveTheDeadline) {
  Config config;
  config.holidays = {*parse_date("2026-11-16")};
  EXPECT_TRUE(run_rule(kPirPromiseRule, "fixtures/rules/pir-promise.yaml", example_now(), config).empty());
  config.holidays = {*parse_date("2026-11-03"), *parse_date("2026-11-04")};
  EXPECT_EQ(run(example_with("pir_share_by: 2026-11-13", "pir_share_by: 2026-11-19"), config),
            std::vector<std::string>{
                "136:19: pir_share_by 2026-11-19 is later than 2026-11-18, the 10th business day "
                "after resolution on 2 Nov 2026 (england-and-wales calendar and 2 configured "
                "holidays)"});
}

TEST(PirPromise, CountsFromTheUtcDateOfResolution) {
  // 23:30 at -02:00 on 2 Nov is 01:30 UTC on 3 Nov: day 0 is Tuesday, the deadline Tue 17 Nov.
  const std::string text = replace_once(
      example_with("    at: 2026-11-02T10:20:00Z\n", "    at: 2026-11-02T23:30:00-02:00\n"),
      "pir_share_by: 2026-11-13", "pir_share_by: 2026-11-17");
  EXPECT_TRUE(run(text).empty());
}

TEST(PirPromise, ResolutionOnAWeekendCountsFromTheNextDay) {
  // Day 0 Sat 7 Nov: Mon 9 Nov is the 1st business day, Fri 20 Nov the 10th.
  const std::string text = replace_once(
      example_with("    at: 2026-11-02T10:20:00Z\n", "    at: 2026-11-07T10:20:00Z\n"),
      "pir_share_by: 2026-11-13", "pir_share_by: 2026-11-20");
  EXPECT_TRUE(run(text).empty());
  EXPECT_EQ(run(replace_once(text, "pir_share_by: 2026-11-20", "pir_share_by: 2026-11-23")).size(), 1u);
}

TEST(PirPromise, SilentWithoutAResolutionTimestampOrPromise) {
  // Missing pieces are other rules' findings (timeline-milestones, comms-complete).
  EXPECT_TRUE(run(example_with("  - milestone: resolution_confirmed\n    at: 2026-11-02T10:20:00Z\n",
                               "  - milestone: resolution_confirmed\n"))
                  .empty());
  EXPECT_TRUE(run(example_with("    pir_share_by: 2026-11-13\n", "")).empty());
}
