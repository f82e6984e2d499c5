// The triage, ownership, facts and severity rules: each of their fixtures makes exactly its own
// rule fire among them.
#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kTriageImpactRule, kTriageWindowRule, kRecordOpenedRule, kLeadAssignedRule,
    kOwnerMissingRule, kOwnersBeforeFirstUpdateRule, kStakeholderGridRule,
    kFactsBeforeNotificationRule, kRootCauseConfirmedRule, kSeverityCriteriaRule,
    kSpeculativeLanguageRule;
}

using namespace esc;
using namespace esc::testing;

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
