#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kRecordOpenedRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

const std::string kMessage =
    "the timeline has no escalation_opened milestone: open the incident record formally and add "
    "the \"Escalation formally opened\" row (milestone: escalation_opened) with its UTC "
    "timestamp, confirmed_by and owner";

const std::string kOpenedRow =
    "  - milestone: escalation_opened\n    at: 2026-11-02T08:04:00Z\n";

}  // namespace

TEST(RecordOpened, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kRecordOpenedRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(RecordOpened, FiresWithoutTheRow) {
  EXPECT_EQ(describe(run_rule(kRecordOpenedRule, "fixtures/rules/record-opened.yaml")),
            std::vector<std::string>{"69:3: " + kMessage});
}

TEST(RecordOpened, AnEventRowIsNotTheMilestone) {
  const std::string text = example_with(kOpenedRow, "  - event: escalation opened in Slack\n    at: 2026-11-02T08:04:00Z\n");
  EXPECT_EQ(describe(run_rule_on_text(kRecordOpenedRule, text)),
            std::vector<std::string>{"69:3: " + kMessage});
}

TEST(RecordOpened, PointsAtAnEmptyTimeline) {
  EXPECT_EQ(describe(run_rule_on_text(kRecordOpenedRule, "version: 1\ntimeline: []\n")),
            std::vector<std::string>{"2:11: " + kMessage});
}

TEST(RecordOpened, ARowWithoutAValidTimestampIsSchemasBusiness) {
  // `at` is required on every row: schema reports the missing or bad timestamp, once.
  EXPECT_TRUE(run_rule_on_text(kRecordOpenedRule,
                               example_with(kOpenedRow, "  - milestone: escalation_opened\n"))
                  .empty());
  EXPECT_TRUE(run_rule_on_text(kRecordOpenedRule,
                               example_with(kOpenedRow, "  - milestone: escalation_opened\n    at: soon\n"))
                  .empty());
}

TEST(RecordOpened, AMissingTimelineIsSchemasBusiness) {
  EXPECT_TRUE(run_rule_on_text(kRecordOpenedRule, "version: 1\n").empty());
  EXPECT_TRUE(run_rule_on_text(kRecordOpenedRule, "version: 1\ntimeline: nothing yet\n").empty());
}
