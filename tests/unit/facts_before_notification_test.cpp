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

// ---- facts confirmed more than once (issue 14, item 6) -------------------------------------------

namespace {

const std::string kSingle =
    "  confirmed_by: Sam Okafor\n"
    "  confirmed_at: 2026-11-02T08:38:00Z\n"
    "  confirmation_ref: \"Email from Sam Okafor to Dana Whitfield, 08:38 UTC\"\n";

// The example with its single confirmation replaced by a list.
std::string with_confirmations(const std::string& list) {
  return edit(read_text("fixtures/ESC-2026-0142.yaml"), kSingle, "  confirmations:\n" + list);
}

std::string confirmation(const std::string& what, const std::string& at) {
  return "    - what: " + what + "\n      confirmed_by: Sam Okafor\n      confirmed_at: " + at +
         "\n      confirmation_ref: Email from Sam Okafor, " + at.substr(11, 5) + " UTC\n";
}

}  // namespace

TEST(FactsBeforeNotification, ALaterConfirmationOfTheRootCauseIsRecordedNotAFailure) {
  // The case: recording the root cause's later confirmation in the single block
  // (the only way before) makes the rule fail...
  EXPECT_EQ(run(edit(read_text("fixtures/ESC-2026-0142.yaml"), kConfirmedAt, "  confirmed_at: 2026-11-02T10:00:00Z")).size(), 1u);
  // ... while as a second confirmation it is simply true.
  const std::string text = with_confirmations(confirmation("[affected, status]", "2026-11-02T08:38:00Z") +
                                              confirmation("[root_cause]", "2026-11-02T10:00:00Z"));
  EXPECT_TRUE(run(text).empty());
  LoadResult loaded = load_record(text, "r.yaml", ParseLimits{});
  EXPECT_TRUE(loaded.diagnostics.empty());
}

TEST(FactsBeforeNotification, EachCommunicationIsCheckedAgainstWhatWasConfirmedWhenItWasSent) {
  // The status was confirmed only after the initial notification and the first update.
  EXPECT_EQ(run(with_confirmations(confirmation("[affected, root_cause]", "2026-11-02T08:38:00Z") +
                                   confirmation("[status]", "2026-11-02T09:50:00Z"))),
            std::vector<std::string>{
                "43:21: the status was first confirmed at 09:50 UTC (facts.confirmations[1]), 1 hour 5 minutes "
                "after the initial notification was sent at 08:45 UTC (1 more communication was sent before it "
                "too)" + kWhy});
  // The root cause: the resolution notification states it once it is called confirmed.
  EXPECT_EQ(run(with_confirmations(confirmation("[affected, status]", "2026-11-02T08:38:00Z") +
                                   confirmation("[root_cause]", "2026-11-02T10:40:00Z"))),
            std::vector<std::string>{
                "43:21: the root cause was first confirmed at 10:40 UTC (facts.confirmations[1]), 5 minutes "
                "after the resolution notification was sent at 10:35 UTC" + kWhy});
  // Never confirmed at all.
  EXPECT_EQ(run(with_confirmations(confirmation("[root_cause, status]", "2026-11-02T08:38:00Z"))),
            std::vector<std::string>{
                "37:5: no written confirmation in facts.confirmations covers the affected systems, yet the "
                "initial notification was sent at 2 Nov 2026 08:45 UTC (and 2 more)" + kWhy});
}

TEST(FactsBeforeNotification, AConfirmationWithoutWhatConfirmsEverything) {
  EXPECT_TRUE(run(with_confirmations("    - confirmed_by: Sam Okafor\n      confirmed_at: 2026-11-02T08:38:00Z\n"
                                     "      confirmation_ref: Email\n"))
                  .empty());
  EXPECT_EQ(run(with_confirmations("    - confirmed_by: Sam Okafor\n      confirmed_at: 2026-11-02T08:50:00Z\n"
                                   "      confirmation_ref: Email\n"))
                .size(),
            2u);  // affected and status, each once
}

TEST(FactsBeforeNotification, AListedConfirmationNeedsItsReferenceAndOwner) {
  const auto loaded = load_record(with_confirmations("    - confirmed_at: 2026-11-02T08:38:00Z\n"), "r.yaml", ParseLimits{});
  EXPECT_EQ(loaded.diagnostics.size(), 2u);  // confirmed_by and confirmation_ref: schema
  EXPECT_EQ(run(with_confirmations("    - confirmed_by: Sam Okafor\n      confirmed_at: 2026-11-02T08:38:00Z\n"
                                   "      confirmation_ref: TBD\n")),
            std::vector<std::string>{"39:25: facts are not confirmed before the initial notification (sent at 2 "
                                     "Nov 2026 08:45 UTC): facts.confirmations[0].confirmation_ref is a placeholder "
                                     "('TBD')" + kWhy});
}
