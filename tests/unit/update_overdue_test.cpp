#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kUpdateOverdueRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

std::vector<std::string> run(const std::string& text, const std::string& now) {
  return describe(run_rule_on_text(kUpdateOverdueRule, text, *parse_now(now)));
}

const std::string kContained =
    "status: contained\n"
    "communications:\n"
    "  - {type: initial, sent_at: 2026-11-02T08:45:00Z, next_update_by: 2026-11-02T09:45:00Z}\n"
    "  - {type: progress, number: 1, sent_at: 2026-11-02T09:40:00Z, next_update_by: 2026-11-02T10:40:00Z}\n";

}  // namespace

TEST(UpdateOverdue, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kUpdateOverdueRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(UpdateOverdue, FiresOnTheFixture) {
  EXPECT_EQ(describe(run_rule(kUpdateOverdueRule, "fixtures/rules/update-overdue.yaml")),
            std::vector<std::string>{"112:21: the last promise (next update by 10:40 UTC on 2 Nov 2026, in progress "
                                     "update #1) is 18 days 1 hour overdue; send an update now"});
}

TEST(UpdateOverdue, ThePromisedMinuteIsStillInTime) {
  EXPECT_TRUE(run(kContained, "2026-11-02T10:40:00Z").empty());
  EXPECT_TRUE(run(kContained, "2026-11-02T10:40:59Z").empty());
  EXPECT_EQ(run(kContained, "2026-11-02T10:41:00Z"),
            std::vector<std::string>{"4:80: the last promise (next update by 10:40 UTC on 2 Nov 2026, in progress "
                                     "update #1) is 1 minute overdue; send an update now"});
  EXPECT_EQ(run(kContained, "2026-11-02T14:00:00Z"),
            std::vector<std::string>{"4:80: the last promise (next update by 10:40 UTC on 2 Nov 2026, in progress "
                                     "update #1) is 3 hours 20 minutes overdue; send an update now"});
}

TEST(UpdateOverdue, OnlyTheLastPromiseCounts) {
  // The initial notification's 09:45 promise was followed by progress update #1.
  EXPECT_TRUE(run(kContained, "2026-11-02T10:00:00Z").empty());
}

TEST(UpdateOverdue, OngoingRecordsToo) {
  std::string text = kContained;
  text.replace(text.find("contained"), 9, "ongoing");
  EXPECT_EQ(run(text, "2026-11-02T11:40:00Z"),
            std::vector<std::string>{"4:80: the last promise (next update by 10:40 UTC on 2 Nov 2026, in progress "
                                     "update #1) is 1 hour overdue; send an update now"});
}

TEST(UpdateOverdue, ResolvedRecordsOweNoUpdate) {
  std::string text = kContained;
  text.replace(text.find("contained"), 9, "resolved");
  EXPECT_TRUE(run(text, "2026-11-20T12:00:00Z").empty());
}

TEST(UpdateOverdue, NoPromiseToBreak) {
  // No communications yet; a resolution notice last (comms-status-consistent's finding); a
  // missing promise (schema's); a missing status (schema's).
  EXPECT_TRUE(run("status: ongoing\n", "2026-11-20T12:00:00Z").empty());
  EXPECT_TRUE(run(kContained + "  - {type: resolution, sent_at: 2026-11-02T10:35:00Z}\n", "2026-11-20T12:00:00Z").empty());
  EXPECT_TRUE(run(kContained + "  - {type: progress, number: 2, sent_at: 2026-11-02T10:35:00Z}\n", "2026-11-20T12:00:00Z")
                  .empty());
  EXPECT_TRUE(run(kContained.substr(kContained.find('\n') + 1), "2026-11-20T12:00:00Z").empty());
}
