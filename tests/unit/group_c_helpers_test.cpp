// The PIR, readout and commitment rules together: each fixture fires only its own rule among them.
#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kPirPromiseRule, kPirScheduledRule, kPirScheduleWindowRule,
    kPirDeliveryWindowRule, kPirAttendeesRule, kPirLessonsLoggedRule, kReadoutImpactRule,
    kReadoutActionsRule, kReadoutSlaRule, kReadoutSentimentRule, kCommitmentIncompleteRule,
    kCommitmentOverdueRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

const RuleInfo* const kGroup[] = {
    &kPirPromiseRule,     &kPirScheduledRule,     &kPirScheduleWindowRule,
    &kPirDeliveryWindowRule, &kPirAttendeesRule,  &kPirLessonsLoggedRule,
    &kReadoutImpactRule,  &kReadoutActionsRule,   &kReadoutSlaRule,
    &kReadoutSentimentRule, &kCommitmentIncompleteRule, &kCommitmentOverdueRule,
};

// Every finding of the group's rules on a file, as "rule line:col".
std::vector<std::string> group_findings(const std::string& file) {
  std::vector<std::string> out;
  for (const RuleInfo* rule : kGroup)
    for (const Diagnostic& d : run_rule(*rule, file))
      out.push_back(d.rule + " " + std::to_string(d.mark.line) + ":" + std::to_string(d.mark.col));
  return out;
}

}  // namespace

TEST(GroupC, EveryRuleIsSilentOnTheExample) {
  EXPECT_TRUE(group_findings("fixtures/ESC-2026-0142.yaml").empty());
  // Not even an info.
  for (const char* now : {"2026-11-02T10:30:00Z", "2026-11-20T12:00:00Z", "2026-12-15T12:00:00Z"})
    for (const RuleInfo* rule : kGroup)
      EXPECT_TRUE(run_rule(*rule, "fixtures/ESC-2026-0142.yaml", *parse_now(now)).empty())
          << rule->id << " at " << now;
}

TEST(GroupC, OnlyThisRuleFiresInGroup) {
  for (const RuleInfo* rule : kGroup) {
    const std::string file = "fixtures/rules/" + std::string(rule->id) + ".yaml";
    const auto found = group_findings(file);
    ASSERT_EQ(found.size(), 1u) << file << ": " << ::testing::PrintToString(found);
    EXPECT_EQ(found[0].substr(0, rule->id.size() + 1), std::string(rule->id) + " ") << file;
    // The fixture says where it fires in its first comment lines.
    const std::string text = read_text(file);
    const std::string line = "line " + found[0].substr(rule->id.size() + 1, found[0].find(':') - rule->id.size() - 1);
    EXPECT_NE(text.substr(0, text.find("\nversion:")).find(line), std::string::npos) << file << " " << line;
  }
}

TEST(GroupC, DocumentationIsComplete) {
  for (const RuleInfo* rule : kGroup) {
    EXPECT_EQ(rule->kind(), RuleKind::record) << rule->id;
    EXPECT_NE(rule->check, nullptr) << rule->id;
    EXPECT_FALSE(rule->summary.empty()) << rule->id;
    EXPECT_FALSE(rule->description.empty()) << rule->id;
    EXPECT_FALSE(rule->rationale.empty()) << rule->id;
    EXPECT_FALSE(rule->bad_example.empty()) << rule->id;
    EXPECT_FALSE(rule->good_example.empty()) << rule->id;
    EXPECT_NE(rule->bad_example, rule->good_example) << rule->id;
  }
}
