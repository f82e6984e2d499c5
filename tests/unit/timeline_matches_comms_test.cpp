#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kTimelineMatchesCommsRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

std::vector<std::string> run(const std::string& text) {
  return describe(run_rule_on_text(kTimelineMatchesCommsRule, text));
}

}  // namespace

TEST(TimelineMatchesComms, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kTimelineMatchesCommsRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(TimelineMatchesComms, FiresOnTheFixture) {
  const auto found = run_rule(kTimelineMatchesCommsRule, "fixtures/rules/timeline-matches-comms.yaml");
  EXPECT_EQ(describe(found),
            std::vector<std::string>{"91:9: customer_notified is at 08:46 UTC but the first communication (initial "
                                     "notification) was sent at 08:45 UTC, 1 minute earlier: the milestone must "
                                     "be the time that communication was sent"});
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].mark, (Mark{109, 14}));
  EXPECT_EQ(found[0].notes[0].message, "sent here");
}

TEST(TimelineMatchesComms, ClosureCommsMustMatchTheResolutionNotice) {
  EXPECT_EQ(run(example_with("    at: 2026-11-02T10:35:00Z", "    at: 2026-11-02T10:30:00Z")),
            std::vector<std::string>{"99:9: closure_comms_sent is at 10:30 UTC but the resolution notification "
                                     "was sent at 10:35 UTC, 5 minutes later: the milestone must be the time "
                                     "that communication was sent"});
}

TEST(TimelineMatchesComms, SaysTheDateWhenTheDaysDiffer) {
  EXPECT_EQ(run(example_with("    at: 2026-11-02T08:45:00Z", "    at: 2026-11-03T08:45:00Z")),
            std::vector<std::string>{"91:9: customer_notified is at 3 Nov 2026 08:45 UTC but the first communication "
                                     "(initial notification) was sent at 2 Nov 2026 08:45 UTC, 1 day earlier: the "
                                     "milestone must be the time that communication was sent"});
}

TEST(TimelineMatchesComms, SecondsWithinTheMinuteAgree) {
  EXPECT_TRUE(run(example_with("    at: 2026-11-02T08:45:00Z", "    at: 2026-11-02T08:45:40Z")).empty());
}

TEST(TimelineMatchesComms, TheFirstCommunicationCountsWhateverItsType) {
  // A record whose first communication is a progress update (comms-sequence's finding) still
  // compares customer_notified with it.
  EXPECT_EQ(run("timeline:\n"
                "  - {milestone: customer_notified, at: 2026-11-02T08:45:00Z}\n"
                "communications:\n"
                "  - {type: progress, number: 1, sent_at: 2026-11-02T08:50:00Z}\n"),
            std::vector<std::string>{"2:40: customer_notified is at 08:45 UTC but the first communication "
                                     "(progress update #1) was sent at 08:50 UTC, 5 minutes later: the milestone "
                                     "must be the time that communication was sent"});
}

TEST(TimelineMatchesComms, NothingToCompareWithoutBoth) {
  // No communications yet; no resolution notice; no milestones: other rules' findings.
  EXPECT_TRUE(run("timeline:\n  - {milestone: customer_notified, at: 2026-11-02T08:45:00Z}\n").empty());
  EXPECT_TRUE(run("timeline:\n"
                  "  - {milestone: closure_comms_sent, at: 2026-11-02T10:35:00Z}\n"
                  "communications:\n"
                  "  - {type: initial, sent_at: 2026-11-02T08:45:00Z}\n"
                  "  - {type: progress, number: 1, sent_at: 2026-11-02T09:45:00Z}\n")
                  .empty());
  EXPECT_TRUE(run("timeline: []\ncommunications:\n  - {type: initial, sent_at: 2026-11-02T08:45:00Z}\n").empty());
  // A bad sent_at is the schema rule's finding.
  EXPECT_TRUE(run("timeline:\n"
                  "  - {milestone: customer_notified, at: 2026-11-02T08:45:00Z}\n"
                  "communications:\n"
                  "  - {type: initial, sent_at: soon}\n")
                  .empty());
}
