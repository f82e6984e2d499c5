#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kRootCauseConfirmedRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

std::vector<std::string> run(const std::string& text) {
  return describe(run_rule_on_text(kRootCauseConfirmedRule, text));
}

std::string edit(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  if (pos == std::string::npos || text.find(from, pos + 1) != std::string::npos)
    throw std::runtime_error("edit: '" + from + "' must occur exactly once");
  return text.replace(pos, from.size(), to);
}

const std::string kCause =
    "  root_cause: An expired TLS certificate on the payment gateway caused every authorisation "
    "call to fail.";
const std::string kStatus = "  root_cause_status: confirmed  # confirmed | hypothesis\n";

}  // namespace

TEST(RootCauseConfirmed, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kRootCauseConfirmedRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(RootCauseConfirmed, FiresOnAHypothesisWhenResolved) {
  EXPECT_EQ(describe(run_rule(kRootCauseConfirmedRule, "fixtures/rules/root-cause-confirmed.yaml")),
            std::vector<std::string>{
                "33:22: the record is resolved but its root cause is still a hypothesis: confirm "
                "it with the technical owner and set root_cause_status: confirmed"});
}

TEST(RootCauseConfirmed, AHypothesisIsFineWhileOngoing) {
  std::string text = example_with(kStatus, "  root_cause_status: hypothesis\n");
  EXPECT_TRUE(run(edit(text, "status: resolved", "status: contained")).empty());
}

TEST(RootCauseConfirmed, TwoSentencesFireWhateverTheStatus) {
  const std::string two = "  root_cause: The TLS certificate expired. Every authorisation call failed.";
  const std::string expected =
      "32:15: facts.root_cause is 2 sentences; state the root cause in one sentence (the exec "
      "readout's \"Root cause (confirmed, one sentence)\")";
  EXPECT_EQ(run(example_with(kCause, two)), std::vector<std::string>{expected});
  EXPECT_EQ(run(edit(example_with(kCause, two), "status: resolved", "status: ongoing")),
            std::vector<std::string>{expected});
}

TEST(RootCauseConfirmed, AbbreviationsAndFiguresAreOneSentence) {
  EXPECT_TRUE(run(example_with(kCause, "  root_cause: A certificate from Example Ltd. expired, e.g. "
                                       "on 99.95% of calls worth £1.2m."))
                  .empty());
}

TEST(RootCauseConfirmed, NotASentence) {
  EXPECT_EQ(run(example_with(kCause, "  root_cause: \"...\"")),
            std::vector<std::string>{
                "32:15: facts.root_cause is not a sentence; state the root cause in one sentence "
                "(the exec readout's \"Root cause (confirmed, one sentence)\")"});
}

TEST(RootCauseConfirmed, APlaceholderRootCauseOnAResolvedRecord) {
  EXPECT_EQ(run(example_with(kCause, "  root_cause: TBD")),
            std::vector<std::string>{
                "32:15: the record is resolved but facts.root_cause is a placeholder ('TBD'): "
                "state the confirmed root cause in facts.root_cause, in one sentence"});
  // Not resolved yet: still being worked out, nothing to say.
  EXPECT_TRUE(run(edit(example_with(kCause, "  root_cause: TBD"), "status: resolved", "status: ongoing")).empty());
}

TEST(RootCauseConfirmed, NoRootCauseOnAResolvedRecord) {
  EXPECT_EQ(run(example_with(kCause + "\n", "")),
            std::vector<std::string>{
                "32:3: the record is resolved but no root cause is recorded: state the confirmed "
                "root cause in facts.root_cause, in one sentence"});
  std::string text = read_text("fixtures/ESC-2026-0142.yaml");
  const auto a = text.find("facts:\n"), b = text.find("owners_confirmed_at");
  text.replace(a, b - a, "");
  EXPECT_EQ(run(text), std::vector<std::string>{
                           "3:1: the record is resolved but no root cause is recorded: state the "
                           "confirmed root cause in facts.root_cause, in one sentence"});
}

TEST(RootCauseConfirmed, AMissingStatusOnAResolvedRecord) {
  EXPECT_EQ(run(example_with(kStatus, "")),
            std::vector<std::string>{
                "32:3: the record is resolved but facts.root_cause_status is missing: confirm the "
                "root cause with the technical owner and set root_cause_status: confirmed"});
}

TEST(RootCauseConfirmed, InvalidValuesAreSchemasBusiness) {
  EXPECT_TRUE(run(example_with(kStatus, "  root_cause_status: maybe\n")).empty());
  EXPECT_TRUE(run(example_with(kCause, "  root_cause: [a, b]")).empty());
}
