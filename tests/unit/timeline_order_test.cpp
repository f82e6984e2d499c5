#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kTimelineOrderRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

// A timeline of (milestone, "HH:MM") rows on 2 Nov 2026; row N is on line N + 1.
std::string timeline(std::initializer_list<std::pair<const char*, const char*>> rows) {
  std::string text = "timeline:\n";
  for (const auto& [milestone, hhmm] : rows)
    text += "  - {milestone: " + std::string(milestone) + ", at: \"2026-11-02T" + hhmm + ":00Z\"}\n";
  return text;
}

std::vector<std::string> run(const std::string& text) { return describe(run_rule_on_text(kTimelineOrderRule, text)); }

const std::string kOpening =
    ", but the playbook's order is first_signal, then escalation_opened, then triage_completed, then "
    "customer_notified: correct whichever timestamp is wrong";
const std::string kContainment =
    ", but the playbook's order is containment, then resolution_confirmed, then closure_comms_sent: correct "
    "whichever timestamp is wrong";

}  // namespace

TEST(TimelineOrder, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kTimelineOrderRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(TimelineOrder, FiresOnTheFixture) {
  const auto found = run_rule(kTimelineOrderRule, "fixtures/rules/timeline-order.yaml");
  EXPECT_EQ(describe(found),
            std::vector<std::string>{"78:9: triage_completed is at 08:03 UTC, 1 minute before escalation_opened at "
                                     "08:04 UTC" + kOpening});
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].mark, (Mark{74, 9}));
  EXPECT_EQ(found[0].notes[0].message, "escalation_opened is here");
}

TEST(TimelineOrder, EqualTimesPass) {
  EXPECT_TRUE(run(timeline({{"first_signal", "08:00"},
                            {"escalation_opened", "08:00"},
                            {"triage_completed", "08:00"},
                            {"customer_notified", "08:00"},
                            {"containment", "09:00"},
                            {"root_cause_identified", "09:00"},
                            {"resolution_confirmed", "09:00"},
                            {"closure_comms_sent", "09:00"}}))
                  .empty());
}

TEST(TimelineOrder, ComparedToTheMinute) {
  EXPECT_TRUE(run("timeline:\n"
                  "  - {milestone: first_signal, at: 2026-11-02T08:00:59Z}\n"
                  "  - {milestone: escalation_opened, at: 2026-11-02T08:00:00Z}\n")
                  .empty());
}

TEST(TimelineOrder, ContainmentAndRootCauseInEitherOrder) {
  EXPECT_TRUE(run(timeline({{"root_cause_identified", "09:30"}, {"containment", "09:00"}})).empty());
  EXPECT_TRUE(run(timeline({{"containment", "09:30"}, {"root_cause_identified", "09:00"}})).empty());
}

TEST(TimelineOrder, ListOrderDoesNotMatterOnlyTimes) {
  EXPECT_TRUE(run(timeline({{"triage_completed", "08:10"}, {"first_signal", "08:00"}})).empty());
}

TEST(TimelineOrder, OneWrongTimestampGivesOneFinding) {
  // first_signal typed as 09:00 instead of 08:00: only the pair around it is reported.
  EXPECT_EQ(run(timeline({{"first_signal", "09:00"},
                          {"escalation_opened", "08:04"},
                          {"triage_completed", "08:13"},
                          {"customer_notified", "08:45"}})),
            std::vector<std::string>{"3:40: escalation_opened is at 08:04 UTC, 56 minutes before first_signal at "
                                     "09:00 UTC" + kOpening});
}

TEST(TimelineOrder, AMissingMilestoneDoesNotHideTheOthers) {
  // No escalation_opened (record-opened's finding): triage is still compared with the signal.
  EXPECT_EQ(run(timeline({{"first_signal", "08:20"}, {"triage_completed", "08:13"}})),
            std::vector<std::string>{"3:39: triage_completed is at 08:13 UTC, 7 minutes before first_signal at "
                                     "08:20 UTC" + kOpening});
}

TEST(TimelineOrder, ResolutionAfterContainmentAndRootCause) {
  EXPECT_EQ(run(timeline({{"containment", "10:30"}, {"resolution_confirmed", "10:20"}})),
            std::vector<std::string>{"3:43: resolution_confirmed is at 10:20 UTC, 10 minutes before containment "
                                     "at 10:30 UTC" + kContainment});
  EXPECT_EQ(run(timeline({{"root_cause_identified", "10:30"}, {"resolution_confirmed", "10:20"}})),
            std::vector<std::string>{
                "3:43: resolution_confirmed is at 10:20 UTC, 10 minutes before root_cause_identified at 10:30 "
                "UTC, but the playbook's order is root_cause_identified, then resolution_confirmed, then "
                "closure_comms_sent: correct whichever timestamp is wrong"});
}

TEST(TimelineOrder, ClosureBeforeResolutionIsReportedOnce) {
  // The containment and root cause chains share resolution -> closure.
  EXPECT_EQ(run(timeline({{"containment", "08:35"},
                          {"root_cause_identified", "08:36"},
                          {"resolution_confirmed", "10:20"},
                          {"closure_comms_sent", "10:10"}})),
            std::vector<std::string>{"5:41: closure_comms_sent is at 10:10 UTC, 10 minutes before "
                                     "resolution_confirmed at 10:20 UTC" + kContainment});
}

TEST(TimelineOrder, SaysTheDateWhenTheDaysDiffer) {
  EXPECT_EQ(run("timeline:\n"
                "  - {milestone: escalation_opened, at: 2026-11-03T08:04:00Z}\n"
                "  - {milestone: triage_completed, at: 2026-11-02T08:13:00Z}\n"),
            std::vector<std::string>{"3:39: triage_completed is at 2 Nov 2026 08:13 UTC, 23 hours 51 minutes "
                                     "before escalation_opened at 3 Nov 2026 08:04 UTC" + kOpening});
}

TEST(TimelineOrder, PirScheduledIsNotOrdered) {
  EXPECT_TRUE(run(timeline({{"closure_comms_sent", "10:35"}, {"pir_scheduled", "09:00"}})).empty());
}
