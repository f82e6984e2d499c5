#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kCommsStatusConsistentRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

std::vector<std::string> run(const std::string& text) {
  return describe(run_rule_on_text(kCommsStatusConsistentRule, text));
}

// status on line 1, containment on line 3, communications from line 5.
std::string record(const std::string& status, const std::string& containment, const std::string& comms) {
  std::string text = "status: " + status + "\ntimeline:\n";
  text += containment.empty() ? "  - {milestone: first_signal, at: 2026-11-02T08:00:00Z}\n"
                              : "  - {milestone: containment, at: \"2026-11-02T" + containment + ":00Z\"}\n";
  return text + "communications:\n" + comms;
}

std::string comm(const std::string& type, const std::string& hhmm, const std::string& status) {
  return "  - {type: " + type + ", sent_at: \"2026-11-02T" + hhmm + ":00Z\", status: " + status + "}\n";
}

}  // namespace

TEST(CommsStatusConsistent, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kCommsStatusConsistentRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(CommsStatusConsistent, FiresOnTheFixture) {
  const auto found = run_rule(kCommsStatusConsistentRule, "fixtures/rules/comms-status-consistent.yaml");
  EXPECT_EQ(describe(found),
            std::vector<std::string>{"111:13: the initial notification told the customer the status was `contained` "
                                     "at 08:45 UTC, 5 minutes before the containment milestone (08:50 UTC): state it "
                                     "only once it has happened, or correct the milestone's time"});
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].mark, (Mark{82, 9}));
  EXPECT_EQ(found[0].notes[0].message, "containment recorded here");
}

TEST(CommsStatusConsistent, StatedInTheMinuteOfContainmentPasses) {
  EXPECT_TRUE(run(record("contained", "08:45", comm("initial", "08:45", "contained"))).empty());
  EXPECT_TRUE(run("status: contained\ntimeline:\n  - {milestone: containment, at: 2026-11-02T08:45:50Z}\n"
                  "communications:\n  - {type: initial, sent_at: 2026-11-02T08:45:10Z, status: contained}\n")
                  .empty());
  EXPECT_EQ(run(record("contained", "08:46", comm("initial", "08:45", "contained"))),
            std::vector<std::string>{"5:62: the initial notification told the customer the status was `contained` at "
                                     "08:45 UTC, 1 minute before the containment milestone (08:46 UTC): state it "
                                     "only once it has happened, or correct the milestone's time"});
}

TEST(CommsStatusConsistent, OngoingIsAlwaysTrue) {
  EXPECT_TRUE(run(record("ongoing", "", comm("initial", "08:45", "ongoing"))).empty());
}

TEST(CommsStatusConsistent, ResolvedBeforeResolutionConfirmed) {
  EXPECT_EQ(run(example_with("    status: contained\n    progress:", "    status: resolved\n    progress:")),
            std::vector<std::string>{"118:13: progress update #1 told the customer the status was `resolved` at 09:40 "
                                     "UTC, 40 minutes before the resolution_confirmed milestone (10:20 UTC): state it "
                                     "only once it has happened, or correct the milestone's time"});
}

TEST(CommsStatusConsistent, ContainedWithoutAContainmentMilestone) {
  // On an ongoing record that later told the customer it was ongoing again.
  EXPECT_EQ(run(record("ongoing", "", comm("initial", "08:45", "contained") + comm("progress", "09:40", "ongoing"))),
            std::vector<std::string>{"5:62: the initial notification told the customer the status was `contained`, but "
                                     "the timeline has no containment milestone: record when it happened, or correct "
                                     "the stated status"});
  // On a contained record the missing milestone is timeline-milestones' finding.
  EXPECT_TRUE(run(record("contained", "", comm("initial", "08:45", "contained"))).empty());
}

TEST(CommsStatusConsistent, RecordStatusBehindTheLatestCommunication) {
  const auto found = run_rule_on_text(
      kCommsStatusConsistentRule, record("ongoing", "08:35", comm("initial", "08:45", "contained")));
  EXPECT_EQ(describe(found),
            std::vector<std::string>{"1:9: the record's status is `ongoing` but the latest communication, the initial "
                                     "notification, told the customer `contained`: make the record and what the "
                                     "customer was last told agree (correct the status, or send an update)"});
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].mark, (Mark{5, 62}));
  EXPECT_EQ(found[0].notes[0].message, "stated here");
  // Without a containment milestone that is still one finding, at the status.
  EXPECT_EQ(run(record("ongoing", "", comm("initial", "08:45", "contained"))).size(), 1u);
}

TEST(CommsStatusConsistent, RecordStatusAheadOfTheLatestCommunication) {
  EXPECT_EQ(run(record("contained", "08:35", comm("initial", "08:45", "ongoing"))),
            std::vector<std::string>{"1:9: the record's status is `contained` but the latest communication, the initial "
                                     "notification, told the customer `ongoing`: make the record and what the "
                                     "customer was last told agree (correct the status, or send an update)"});
}

TEST(CommsStatusConsistent, TheResolutionNoticeSaysResolved) {
  EXPECT_EQ(run(example_with("status: resolved", "status: contained")),
            std::vector<std::string>{"13:9: the record's status is `contained` but the latest communication, the "
                                     "resolution notification, told the customer `resolved`: make the record and "
                                     "what the customer was last told agree (correct the status, or send an update)"});
}

TEST(CommsStatusConsistent, AResolvedRecordWithoutAResolutionNoticeIsCommsSequences) {
  EXPECT_TRUE(run(record("resolved", "08:35", comm("initial", "08:45", "contained"))).empty());
}

TEST(CommsStatusConsistent, NothingToCompare) {
  EXPECT_TRUE(run("status: ongoing\ntimeline: []\n").empty());
  EXPECT_TRUE(run(record("ongoing", "", "  - {type: initial, sent_at: 2026-11-02T08:45:00Z}\n")).empty());
}

TEST(CommsStatusConsistent, WithoutARecordStatusOnlyTheStatementsAreChecked) {
  // A missing status is schema's; the missing containment is still reported, as no status
  // makes it timeline-milestones' finding.
  EXPECT_EQ(run("timeline: []\ncommunications:\n  - {type: initial, sent_at: 2026-11-02T08:45:00Z, status: contained}\n"),
            std::vector<std::string>{"3:60: the initial notification told the customer the status was `contained`, "
                                     "but the timeline has no containment milestone: record when it happened, or "
                                     "correct the stated status"});
}
