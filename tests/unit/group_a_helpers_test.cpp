// The helpers shared by group A's rules, and a check that each of those rules' fixtures makes
// exactly its own rule fire among them.
#include <gtest/gtest.h>

#include "rule_test_util.h"
#include "rules/group_a_helpers.h"

namespace esc {
extern const RuleInfo kTriageImpactRule, kTriageWindowRule, kRecordOpenedRule, kLeadAssignedRule,
    kOwnerMissingRule, kOwnersBeforeFirstUpdateRule, kStakeholderGridRule,
    kFactsBeforeNotificationRule, kRootCauseConfirmedRule, kSeverityCriteriaRule,
    kSpeculativeLanguageRule;
}

using namespace esc;
using namespace esc::testing;
using namespace esc::group_a;

TEST(GroupAHelpers, FormatAmount) {
  EXPECT_EQ(format_amount(0, "GBP"), "£0");
  EXPECT_EQ(format_amount(999, "GBP"), "£999");
  EXPECT_EQ(format_amount(1000, "GBP"), "£1,000");
  EXPECT_EQ(format_amount(180000, "GBP"), "£180,000");
  EXPECT_EQ(format_amount(1234567.5, "EUR"), "€1,234,567.50");
  EXPECT_EQ(format_amount(20000, "USD"), "$20,000");
  EXPECT_EQ(format_amount(20000, "CHF"), "CHF 20,000");
  EXPECT_EQ(format_amount(0.07, "GBP"), "£0.07");
}

TEST(GroupAHelpers, DescribeUnfilled) {
  EXPECT_EQ(describe_unfilled(""), "empty");
  EXPECT_EQ(describe_unfilled("  "), "empty");
  EXPECT_EQ(describe_unfilled("TBD"), "a placeholder ('TBD')");
}

TEST(GroupAHelpers, Times) {
  const Instant t = *parse_now("2026-11-02T08:45:59Z");
  EXPECT_EQ(to_minute(t), *parse_now("2026-11-02T08:45:00Z"));
  EXPECT_EQ(format_beside(t, *parse_now("2026-11-02T23:59:00Z")), "08:45 UTC");
  EXPECT_EQ(format_beside(t, *parse_now("2026-11-03T00:00:00Z")), "2 Nov 2026 08:45 UTC");
}

TEST(GroupAHelpers, OneLine) {
  EXPECT_EQ(one_line("  a\n  b\t c  "), "a b c");
}

TEST(GroupA, EachFixtureFiresOnlyItsOwnRuleInTheGroup) {
  const RuleInfo* const rules[] = {
      &kTriageImpactRule,  &kTriageWindowRule,          &kRecordOpenedRule,
      &kLeadAssignedRule,  &kOwnerMissingRule,          &kOwnersBeforeFirstUpdateRule,
      &kStakeholderGridRule, &kFactsBeforeNotificationRule, &kRootCauseConfirmedRule,
      &kSeverityCriteriaRule, &kSpeculativeLanguageRule};
  for (const RuleInfo* fixture_rule : rules) {
    const std::string fixture = "fixtures/rules/" + std::string(fixture_rule->id) + ".yaml";
    for (const RuleInfo* rule : rules) {
      const auto found = run_rule(*rule, fixture);
      if (rule == fixture_rule)
        EXPECT_EQ(found.size(), 1u) << fixture;
      else
        EXPECT_TRUE(found.empty()) << rule->id << " fires on " << fixture;
    }
    // And nothing in the group fires on the example.
    EXPECT_TRUE(run_rule(*fixture_rule, "fixtures/ESC-2026-0142.yaml").empty()) << fixture_rule->id;
  }
}

TEST(GroupA, EveryRuleIsDocumented) {
  const RuleInfo* const rules[] = {
      &kTriageImpactRule,  &kTriageWindowRule,          &kRecordOpenedRule,
      &kLeadAssignedRule,  &kOwnerMissingRule,          &kOwnersBeforeFirstUpdateRule,
      &kStakeholderGridRule, &kFactsBeforeNotificationRule, &kRootCauseConfirmedRule,
      &kSeverityCriteriaRule, &kSpeculativeLanguageRule};
  for (const RuleInfo* r : rules) {
    EXPECT_EQ(r->kind(), RuleKind::record) << r->id;
    EXPECT_NE(r->check, nullptr) << r->id;
    EXPECT_FALSE(r->summary.empty() || r->description.empty() || r->rationale.empty() ||
                 r->bad_example.empty() || r->good_example.empty())
        << r->id;
    // The bad example is a record fragment that makes the rule fire; the good one does not.
    // Fragments lack the required keys, so only the rule's own check is run.
    EXPECT_FALSE(run_rule_on_text(*r, std::string(r->bad_example)).empty()) << r->id << " bad example";
    EXPECT_TRUE(run_rule_on_text(*r, std::string(r->good_example)).empty()) << r->id << " good example";
  }
}
