#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kOwnersBeforeFirstUpdateRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

const std::string kConfirmed = "owners_confirmed_at: 2026-11-02T08:30:00Z";

std::vector<std::string> run(const std::string& text) {
  return describe(run_rule_on_text(kOwnersBeforeFirstUpdateRule, text));
}

// The example with its communications cut out (a new record: nothing sent yet).
std::string without_communications(std::string text) {
  const auto from = text.find("communications:\n");
  const auto to = text.find("pir:\n");
  return text.replace(from, to - from, "");
}

}  // namespace

TEST(OwnersBeforeFirstUpdate, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kOwnersBeforeFirstUpdateRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(OwnersBeforeFirstUpdate, FiresWhenConfirmedAfterTheInitialNotification) {
  const auto found = run_rule(kOwnersBeforeFirstUpdateRule, "fixtures/rules/owners-before-first-update.yaml");
  EXPECT_EQ(describe(found),
            std::vector<std::string>{
                "40:22: owners were confirmed at 08:50 UTC, 5 minutes after the initial "
                "notification was sent at 08:45 UTC; the playbook requires all owners confirmed "
                "before the first customer update"});
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].mark, (Mark{109, 14}));
  EXPECT_EQ(found[0].notes[0].message, "first customer update sent here");
}

TEST(OwnersBeforeFirstUpdate, TheSameMinutePasses) {
  EXPECT_TRUE(run(example_with(kConfirmed, "owners_confirmed_at: 2026-11-02T08:45:00Z")).empty());
  EXPECT_TRUE(run(example_with(kConfirmed, "owners_confirmed_at: 2026-11-02T08:45:59Z")).empty());
  EXPECT_EQ(run(example_with(kConfirmed, "owners_confirmed_at: 2026-11-02T08:46:00Z")),
            std::vector<std::string>{
                "40:22: owners were confirmed at 08:46 UTC, 1 minute after the initial "
                "notification was sent at 08:45 UTC; the playbook requires all owners confirmed "
                "before the first customer update"});
}

TEST(OwnersBeforeFirstUpdate, SaysTheDateWhenTheDaysDiffer) {
  EXPECT_EQ(run(example_with(kConfirmed, "owners_confirmed_at: 2026-11-03T09:00:00Z")),
            std::vector<std::string>{
                "40:22: owners were confirmed at 3 Nov 2026 09:00 UTC, 1 day after "
                "the initial notification was sent at 2 Nov 2026 08:45 UTC; the playbook requires "
                "all owners confirmed before the first customer update"});
}

TEST(OwnersBeforeFirstUpdate, FiresWhenMissingOnceSomethingWasSent) {
  const auto found = run_rule_on_text(kOwnersBeforeFirstUpdateRule, example_with(kConfirmed + "\n", ""));
  EXPECT_EQ(describe(found),
            std::vector<std::string>{
                "3:1: owners_confirmed_at is missing but the initial notification was sent at "
                "2 Nov 2026 08:45 UTC: record when every owner in the stakeholder grid was "
                "confirmed (the playbook requires it before the first customer update)"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].notes.size(), 1u);
}

TEST(OwnersBeforeFirstUpdate, NothingSentNothingRequired) {
  const std::string text = without_communications(read_text("fixtures/ESC-2026-0142.yaml"));
  EXPECT_TRUE(run(text).empty());
  const auto pos = text.find(kConfirmed + "\n");
  EXPECT_TRUE(run(std::string(text).replace(pos, kConfirmed.size() + 1, "")).empty());
}

TEST(OwnersBeforeFirstUpdate, AnInvalidTimestampIsSchemasBusiness) {
  EXPECT_TRUE(run(example_with(kConfirmed, "owners_confirmed_at: 2026-11-02T08:30:00")).empty());
  EXPECT_TRUE(run(example_with(kConfirmed, "owners_confirmed_at:")).empty());
}

TEST(OwnersBeforeFirstUpdate, AFirstCommunicationWithoutSentAt) {
  const std::string no_sent_at = example_with("    sent_at: 2026-11-02T08:45:00Z\n", "");
  // Nothing to compare against (schema reports the missing sent_at) ...
  EXPECT_TRUE(run(no_sent_at).empty());
  // ... but a missing owners_confirmed_at is still missing.
  std::string text = no_sent_at;
  text.replace(text.find(kConfirmed + "\n"), kConfirmed.size() + 1, "");
  EXPECT_EQ(run(text), std::vector<std::string>{
                           "3:1: owners_confirmed_at is missing but the initial notification has "
                           "been sent: record when every owner in the stakeholder grid was "
                           "confirmed (the playbook requires it before the first customer update)"});
}
