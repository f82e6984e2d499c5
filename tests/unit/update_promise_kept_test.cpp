#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kUpdatePromiseKeptRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

std::vector<std::string> run(const std::string& text) {
  return describe(run_rule_on_text(kUpdatePromiseKeptRule, text));
}

// The example with progress update #1 sent at another time (line 116).
std::string progress_sent_at(const std::string& stamp) {
  return example_with("sent_at: 2026-11-02T09:40:00Z", "sent_at: " + stamp);
}

}  // namespace

TEST(UpdatePromiseKept, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kUpdatePromiseKeptRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(UpdatePromiseKept, FiresOnTheFixture) {
  const auto found = run_rule(kUpdatePromiseKeptRule, "fixtures/rules/update-promise-kept.yaml");
  EXPECT_EQ(describe(found), std::vector<std::string>{"116:14: progress update #1 was sent at 09:46 UTC, 1 minute "
                                                      "after the 09:45 UTC promised by the initial notification"});
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].mark, (Mark{113, 21}));
  EXPECT_EQ(found[0].notes[0].message, "promised here");
}

TEST(UpdatePromiseKept, TheExactPromisedMinuteKeepsThePromise) {
  EXPECT_TRUE(run(progress_sent_at("2026-11-02T09:45:00Z")).empty());
  EXPECT_TRUE(run(progress_sent_at("2026-11-02T09:45:59Z")).empty());
  EXPECT_EQ(run(progress_sent_at("2026-11-02T09:46:00Z")),
            std::vector<std::string>{"116:14: progress update #1 was sent at 09:46 UTC, 1 minute after the 09:45 UTC "
                                     "promised by the initial notification"});
}

TEST(UpdatePromiseKept, TheResolutionNoticeKeepsOrBreaksAPromiseToo) {
  EXPECT_EQ(run(example_with("sent_at: 2026-11-02T10:35:00Z", "sent_at: 2026-11-02T10:41:00Z")),
            std::vector<std::string>{"126:14: the resolution notification was sent at 10:41 UTC, 1 minute after the "
                                     "10:40 UTC promised by progress update #1"});
}

TEST(UpdatePromiseKept, SaysTheDateWhenTheDaysDiffer) {
  EXPECT_EQ(run("communications:\n"
                "  - {type: initial, sent_at: 2026-11-02T23:00:00Z, next_update_by: 2026-11-02T23:59:00Z}\n"
                "  - {type: progress, number: 1, sent_at: 2026-11-03T08:00:00Z, next_update_by: 2026-11-03T09:00:00Z}\n"
                "  - {type: progress, number: 2, sent_at: 2026-11-03T12:00:00Z}\n"),
            (std::vector<std::string>{"3:42: progress update #1 was sent at 3 Nov 2026 08:00 UTC, 8 hours 1 minute "
                                      "after the 2 Nov 2026 23:59 UTC promised by the initial notification",
                                      "4:42: progress update #2 was sent at 12:00 UTC, 3 hours after the 09:00 UTC "
                                      "promised by progress update #1"}));
}

TEST(UpdatePromiseKept, NothingIsPromisedByAResolutionNotice) {
  // A communication after the resolution notice is comms-sequence's finding.
  EXPECT_TRUE(run("communications:\n"
                  "  - {type: resolution, sent_at: 2026-11-02T10:35:00Z}\n"
                  "  - {type: progress, number: 1, sent_at: 2026-11-09T10:00:00Z}\n")
                  .empty());
}

TEST(UpdatePromiseKept, MissingTimesAreSchemasFindings) {
  EXPECT_TRUE(run("communications:\n"
                  "  - {type: initial, sent_at: 2026-11-02T08:45:00Z}\n"
                  "  - {type: progress, number: 1, sent_at: 2026-11-02T12:00:00Z, next_update_by: 2026-11-02T13:00:00Z}\n"
                  "  - {type: progress, number: 2}\n")
                  .empty());
  EXPECT_TRUE(run("communications: []\n").empty());
}
