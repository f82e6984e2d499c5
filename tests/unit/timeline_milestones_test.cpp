#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kTimelineMilestonesRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

// A small record: only what this rule reads (the schema rule is not run here).
std::string record(const std::string& status, const std::string& milestones, const std::string& rest = "") {
  std::string text = "status: " + status + "\ntimeline:\n";
  for (std::size_t start = 0; start < milestones.size();) {
    std::size_t end = milestones.find(' ', start);
    if (end == std::string::npos) end = milestones.size();
    text += "  - {milestone: " + milestones.substr(start, end - start) +
            ", at: 2026-11-02T08:00:00Z, confirmed_by: A, owner: A}\n";
    start = end + 1;
  }
  return text + rest;
}

std::vector<std::string> run(const std::string& text) {
  return describe(run_rule_on_text(kTimelineMilestonesRule, text));
}

const std::string kComm = "communications:\n  - {type: initial, sent_at: 2026-11-02T08:45:00Z}\n";

std::string missing(const std::string& milestone, int row, const std::string& title, const std::string& why) {
  return "3:3: the timeline has no " + milestone + " milestone (row " + std::to_string(row) + ", \"" + title +
         "\"), " + why + ": add it with its time, who confirmed it and its owner";
}

}  // namespace

TEST(TimelineMilestones, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kTimelineMilestonesRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(TimelineMilestones, FiresOnTheFixture) {
  EXPECT_EQ(describe(run_rule(kTimelineMilestonesRule, "fixtures/rules/timeline-milestones.yaml")),
            std::vector<std::string>{
                "69:3: the timeline has no root_cause_identified milestone (row 4, \"Root cause "
                "identified\"), which a resolved record requires: add it with its time, who "
                "confirmed it and its owner"});
}

TEST(TimelineMilestones, MissingEscalationOpenedIsRecordOpenedsFinding) {
  EXPECT_TRUE(run(record("ongoing", "first_signal triage_completed")).empty());
}

TEST(TimelineMilestones, OngoingNeedsSignalAndTriage) {
  EXPECT_EQ(run(record("ongoing", "escalation_opened")),
            (std::vector<std::string>{
                missing("first_signal", 1, "First signal / alert raised", "which every record requires"),
                missing("triage_completed", 3, "Triage completed", "which every record requires")}));
}

TEST(TimelineMilestones, CustomerNotifiedOnceACommunicationExists) {
  EXPECT_TRUE(run(record("ongoing", "first_signal escalation_opened triage_completed")).empty());
  EXPECT_EQ(run(record("ongoing", "first_signal escalation_opened triage_completed", kComm)),
            std::vector<std::string>{missing("customer_notified", 6, "Customer first notified",
                                             "which is required once a communication has been sent")});
  EXPECT_TRUE(
      run(record("ongoing", "first_signal escalation_opened triage_completed customer_notified", kComm)).empty());
}

TEST(TimelineMilestones, ContainedAddsContainment) {
  EXPECT_EQ(run(record("contained", "first_signal escalation_opened triage_completed")),
            std::vector<std::string>{
                missing("containment", 5, "Containment action taken", "which a contained record requires")});
  // Root cause is not required before resolution.
  EXPECT_TRUE(run(record("contained", "first_signal escalation_opened triage_completed containment")).empty());
}

TEST(TimelineMilestones, ResolvedNeedsRowsOneToEight) {
  // Findings at one place are reported in message order.
  EXPECT_EQ(run(record("resolved", "first_signal escalation_opened triage_completed")),
            (std::vector<std::string>{
                missing("closure_comms_sent", 8, "Customer closure comms sent",
                        "which a resolved record requires"),
                missing("containment", 5, "Containment action taken", "which a resolved record requires"),
                missing("customer_notified", 6, "Customer first notified", "which a resolved record requires"),
                missing("resolution_confirmed", 7, "Resolution confirmed", "which a resolved record requires"),
                missing("root_cause_identified", 4, "Root cause identified", "which a resolved record requires")}));
}

TEST(TimelineMilestones, PirScheduledOnlyOnceThePirIsScheduled) {
  const std::string eight =
      "first_signal escalation_opened triage_completed root_cause_identified containment customer_notified "
      "resolution_confirmed closure_comms_sent";
  EXPECT_TRUE(run(record("resolved", eight)).empty());
  EXPECT_TRUE(run(record("resolved", eight, "pir:\n  attendees: [csm]\n")).empty());
  EXPECT_EQ(run(record("resolved", eight, "pir:\n  scheduled_for: 2026-11-05T14:00:00Z\n")),
            std::vector<std::string>{
                missing("pir_scheduled", 9, "Post-incident review scheduled",
                        "which is required once the PIR is scheduled (pir.scheduled_for is set)")});
}

TEST(TimelineMilestones, ARowWithABadTimestampIsSchemasFinding) {
  EXPECT_TRUE(run("status: ongoing\ntimeline:\n"
                  "  - {milestone: first_signal, at: yesterday, confirmed_by: A, owner: A}\n"
                  "  - {milestone: triage_completed, confirmed_by: A, owner: A}\n")
                  .empty());
}

TEST(TimelineMilestones, MissingStatusOrTimelineIsSchemasFinding) {
  EXPECT_TRUE(run("timeline:\n  - {milestone: first_signal, at: 2026-11-02T08:00:00Z}\n").empty());
  EXPECT_TRUE(run("status: resolved\n").empty());
}

TEST(TimelineMilestones, FreeEventRowsDoNotCount) {
  EXPECT_EQ(run("status: ongoing\ntimeline:\n"
                "  - {event: first signal, at: 2026-11-02T08:00:00Z}\n"
                "  - {milestone: triage_completed, at: 2026-11-02T08:00:00Z, confirmed_by: A, owner: A}\n"),
            std::vector<std::string>{
                missing("first_signal", 1, "First signal / alert raised", "which every record requires")});
}
