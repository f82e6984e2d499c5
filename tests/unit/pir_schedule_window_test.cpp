#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kPirScheduleWindowRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

// The example with the PIR meeting at `scheduled_for` (resolution Mon 2 Nov 2026).
std::string scheduled(const std::string& scheduled_for) {
  return example_with("scheduled_for: 2026-11-05T14:00:00Z", "scheduled_for: " + scheduled_for);
}

// Resolved on Wed 23 Dec 2026, the PIR meeting at `scheduled_for`.
std::string resolved_before_christmas(const std::string& scheduled_for) {
  return replace_once(scheduled(scheduled_for), "    at: 2026-11-02T10:20:00Z\n",
                  "    at: 2026-12-23T10:20:00Z\n");
}

std::vector<std::string> run(const std::string& text, const Config& config = Config{}) {
  return describe(run_rule_on_text(kPirScheduleWindowRule, text, example_now(), config));
}

}  // namespace

TEST(PirScheduleWindow, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kPirScheduleWindowRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(PirScheduleWindow, FiresOnTheFixture) {
  const auto diags = run_rule(kPirScheduleWindowRule, "fixtures/rules/pir-schedule-window.yaml");
  EXPECT_EQ(describe(diags),
            std::vector<std::string>{
                "139:18: the PIR is scheduled for 10 Nov 2026 14:00 UTC, later than 9 Nov 2026, "
                "the 5th business day after resolution on 2 Nov 2026 (england-and-wales calendar)"});
  ASSERT_EQ(diags.size(), 1u);
  ASSERT_EQ(diags[0].notes.size(), 1u);
  EXPECT_EQ(diags[0].notes[0].mark, (Mark{95, 9}));
}

TEST(PirScheduleWindow, AnyTimeOnTheFifthBusinessDayIsInTime) {
  EXPECT_TRUE(run(scheduled("2026-11-09T00:00:00Z")).empty());
  EXPECT_TRUE(run(scheduled("2026-11-09T23:59:59Z")).empty());
  EXPECT_EQ(run(scheduled("2026-11-10T00:00:00Z")).size(), 1u);
}

TEST(PirScheduleWindow, ComparesTheUtcDate) {
  // 00:30 on 10 Nov at +01:00 is 23:30 UTC on 9 Nov: in time.
  EXPECT_TRUE(run(scheduled("2026-11-10T00:30:00+01:00")).empty());
  // 23:30 on 9 Nov at -01:00 is 00:30 UTC on 10 Nov: late.
  EXPECT_EQ(run(scheduled("2026-11-09T23:30:00-01:00")),
            std::vector<std::string>{
                "139:18: the PIR is scheduled for 10 Nov 2026 00:30 UTC, later than 9 Nov 2026, "
                "the 5th business day after resolution on 2 Nov 2026 (england-and-wales calendar)"});
}

TEST(PirScheduleWindow, SkipsChristmasAndNewYear) {
  // Day 0 Wed 23 Dec 2026; Fri 25 Dec, Mon 28 Dec (Boxing Day's substitute) and Fri 1 Jan are
  // bank holidays: the 5th business day is Mon 4 Jan 2027.
  EXPECT_TRUE(run(resolved_before_christmas("2027-01-04T14:00:00Z")).empty());
  EXPECT_EQ(run(resolved_before_christmas("2027-01-05T09:00:00Z")),
            std::vector<std::string>{
                "139:18: the PIR is scheduled for 5 Jan 2027 09:00 UTC, later than 4 Jan 2027, the "
                "5th business day after resolution on 23 Dec 2026 (england-and-wales calendar)"});
}

TEST(PirScheduleWindow, CalendarNoneSkipsWeekendsOnly) {
  Config config;
  config.calendar = CalendarKind::none;
  EXPECT_TRUE(run(resolved_before_christmas("2026-12-30T14:00:00Z"), config).empty());
  EXPECT_EQ(run(resolved_before_christmas("2026-12-31T14:00:00Z"), config),
            std::vector<std::string>{
                "139:18: the PIR is scheduled for 31 Dec 2026 14:00 UTC, later than 30 Dec 2026, "
                "the 5th business day after resolution on 23 Dec 2026 (calendar none: weekends "
                "only)"});
  EXPECT_EQ(run(resolved_before_christmas("2027-01-04T14:00:00Z"), config).size(), 1u);
}

TEST(PirScheduleWindow, MeasuresTheMeetingNotTheBookingMilestone) {
  // Booked late (the pir_scheduled milestone) but held in time: passes.
  EXPECT_TRUE(run(example_with("    at: 2026-11-03T09:00:00Z\n", "    at: 2026-11-12T09:00:00Z\n")).empty());
}

TEST(PirScheduleWindow, SilentWhenNotScheduledOrNotResolved) {
  EXPECT_TRUE(run(example_with("  scheduled_for: 2026-11-05T14:00:00Z\n", "")).empty());
  EXPECT_TRUE(run(replace_once(scheduled("2026-11-30T14:00:00Z"),
                           "  - milestone: resolution_confirmed\n    at: 2026-11-02T10:20:00Z\n",
                           "  - milestone: resolution_confirmed\n"))
                  .empty());
}
