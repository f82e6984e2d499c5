#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kFactsBeforeNotificationRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

std::vector<std::string> run(const std::string& text) {
  return describe(run_rule_on_text(kFactsBeforeNotificationRule, text));
}

std::string edit(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  if (pos == std::string::npos || text.find(from, pos + 1) != std::string::npos)
    throw std::runtime_error("edit: '" + from + "' must occur exactly once");
  return text.replace(pos, from.size(), to);
}

std::string cut(std::string text, const std::string& from, const std::string& to) {
  const auto a = text.find(from);
  const auto b = text.find(to, a);
  return text.replace(a, b - a, "");
}

const std::string kConfirmedAt = "  confirmed_at: 2026-11-02T08:38:00Z";
const std::string kRef = "  confirmation_ref: \"Email from Sam Okafor to Dana Whitfield, 08:38 UTC\"\n";
const std::string kWhy =
    "; the playbook asks for written confirmation from the technical owner before stating facts "
    "to the customer";

}  // namespace

TEST(FactsBeforeNotification, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kFactsBeforeNotificationRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(FactsBeforeNotification, FiresWhenConfirmedAfterTheFirstCommunication) {
  const auto found = run_rule(kFactsBeforeNotificationRule, "fixtures/rules/facts-before-notification.yaml");
  EXPECT_EQ(describe(found),
            std::vector<std::string>{"37:17: the facts were confirmed at 08:50 UTC, 5 minutes "
                                     "after the initial notification was sent at 08:45 UTC" + kWhy});
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].mark, (Mark{109, 14}));
}

TEST(FactsBeforeNotification, TheSameMinutePasses) {
  EXPECT_TRUE(run(example_with(kConfirmedAt, "  confirmed_at: 2026-11-02T08:45:59Z")).empty());
  EXPECT_EQ(run(example_with(kConfirmedAt, "  confirmed_at: 2026-11-02T08:46:00Z")),
            std::vector<std::string>{"37:17: the facts were confirmed at 08:46 UTC, 1 minute "
                                     "after the initial notification was sent at 08:45 UTC" + kWhy});
}

TEST(FactsBeforeNotification, OneMissingItemPointsAtTheFactsSection) {
  EXPECT_EQ(run(example_with(kRef, "")),
            std::vector<std::string>{
                "32:3: facts are not confirmed before the initial notification (sent at 2 Nov 2026 "
                "08:45 UTC): confirmation_ref (where the written confirmation is) is missing" + kWhy});
}

TEST(FactsBeforeNotification, APlaceholderReferencePointsAtItself) {
  EXPECT_EQ(run(example_with(kRef, "  confirmation_ref: TBD\n")),
            std::vector<std::string>{
                "38:21: facts are not confirmed before the initial notification (sent at 2 Nov "
                "2026 08:45 UTC): confirmation_ref is a placeholder ('TBD')" + kWhy});
}

TEST(FactsBeforeNotification, EveryMissingItemInOneFinding) {
  std::string text = example_with("  affected: [payment-gateway, eu-checkout]\n  status: contained\n"
                                  "  confirmed_by: Sam Okafor\n",
                                  "  affected: []\n");
  EXPECT_EQ(run(text), std::vector<std::string>{
                           "32:3: facts are not confirmed before the initial notification (sent "
                           "at 2 Nov 2026 08:45 UTC): confirmed_by (the technical owner) is "
                           "missing, affected is empty and status (ongoing, contained or resolved) "
                           "is missing" + kWhy});
}

TEST(FactsBeforeNotification, AffectedNeedsARealItem) {
  EXPECT_EQ(run(example_with("  affected: [payment-gateway, eu-checkout]", "  affected: [TBD]")),
            std::vector<std::string>{
                "34:13: facts are not confirmed before the initial notification (sent at 2 Nov "
                "2026 08:45 UTC): affected lists only placeholders" + kWhy});
}

TEST(FactsBeforeNotification, NoFactsSectionAtAll) {
  const auto found = run_rule_on_text(kFactsBeforeNotificationRule,
                                      cut(read_text("fixtures/ESC-2026-0142.yaml"), "facts:\n", "owners_confirmed_at"));
  EXPECT_EQ(describe(found),
            std::vector<std::string>{
                "3:1: the record has no facts section but the initial notification (sent at 2 Nov "
                "2026 08:45 UTC) has gone to the customer: confirm root cause, affected systems, "
                "status and who confirmed them, when and where" + kWhy});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].notes.size(), 1u);
}

TEST(FactsBeforeNotification, NothingSentNothingRequired) {
  std::string text = cut(read_text("fixtures/ESC-2026-0142.yaml"), "communications:\n", "pir:\n");
  EXPECT_TRUE(run(cut(text, "facts:\n", "owners_confirmed_at")).empty());
  EXPECT_TRUE(run(edit(text, kConfirmedAt, "  confirmed_at: 2026-11-09T08:00:00Z")).empty());
}

TEST(FactsBeforeNotification, LeavesOtherRulesTheirFindings) {
  // A placeholder confirmed_by is owner-missing's; a bad timestamp and a non-mapping are schema's.
  EXPECT_TRUE(run(example_with("  confirmed_by: Sam Okafor\n  confirmed_at", "  confirmed_by: TBD\n  confirmed_at")).empty());
  EXPECT_TRUE(run(example_with(kConfirmedAt, "  confirmed_at: yesterday")).empty());
  EXPECT_TRUE(run(example_with("  status: contained\n  confirmed_by", "  status: fixed\n  confirmed_by")).empty());
  EXPECT_TRUE(run(example_with("  affected: [payment-gateway, eu-checkout]", "  affected: payment-gateway")).empty());
  EXPECT_TRUE(run(cut(read_text("fixtures/ESC-2026-0142.yaml"), "  root_cause:", "owners_confirmed_at")).empty());
}
