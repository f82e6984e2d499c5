// The timeline and communication rules (group B) over each other's fixtures: a fixture makes
// exactly its own rule fire, and none of the others — one finding per problem.
#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kTimelineMilestonesRule, kTimelineOrderRule, kTimelineMatchesCommsRule, kFutureTimestampRule,
    kCommsSequenceRule, kCommsCompleteRule, kUpdatePromiseKeptRule, kUpdateOverdueRule, kUpdateCadenceRule,
    kCommsStatusConsistentRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

const RuleInfo* const kGroupB[] = {
    &kTimelineMilestonesRule, &kTimelineOrderRule,     &kTimelineMatchesCommsRule, &kFutureTimestampRule,
    &kCommsSequenceRule,      &kCommsCompleteRule,     &kUpdatePromiseKeptRule,    &kUpdateOverdueRule,
    &kUpdateCadenceRule,      &kCommsStatusConsistentRule,
};

// "rule-id line:col" for every finding of every group B rule on a file.
std::vector<std::string> group_findings(const std::string& fixture) {
  std::vector<std::string> out;
  for (const RuleInfo* rule : kGroupB)
    for (const Diagnostic& d : run_rule(*rule, fixture))
      out.push_back(std::string(rule->id) + " " + std::to_string(d.mark.line) + ":" + std::to_string(d.mark.col));
  return out;
}

}  // namespace

TEST(GroupBFixtures, TheExamplePassesEveryRule) {
  EXPECT_EQ(group_findings("fixtures/ESC-2026-0142.yaml"), std::vector<std::string>{});
}

TEST(GroupBFixtures, OnlyThisRuleFiresInGroup) {
  const std::pair<const char*, const char*> expected[] = {
      {"timeline-milestones", "69:3"},  {"timeline-order", "78:9"},      {"timeline-matches-comms", "91:9"},
      {"future-timestamp", "107:9"},    {"comms-sequence", "115:13"},    {"comms-complete", "112:13"},
      {"update-promise-kept", "116:14"}, {"update-overdue", "112:21"},   {"update-cadence", "113:21"},
      {"comms-status-consistent", "111:13"},
  };
  for (const auto& [id, where] : expected)
    EXPECT_EQ(group_findings("fixtures/rules/" + std::string(id) + ".yaml"),
              std::vector<std::string>{std::string(id) + " " + where})
        << id;
}

TEST(GroupBFixtures, EveryRuleIsDocumented) {
  for (const RuleInfo* rule : kGroupB) {
    EXPECT_EQ(rule->kind(), RuleKind::record) << rule->id;
    EXPECT_NE(rule->check, nullptr) << rule->id;
    EXPECT_FALSE(rule->summary.empty()) << rule->id;
    EXPECT_FALSE(rule->description.empty()) << rule->id;
    EXPECT_FALSE(rule->rationale.empty()) << rule->id;
    EXPECT_FALSE(rule->bad_example.empty()) << rule->id;
    EXPECT_FALSE(rule->good_example.empty()) << rule->id;
    // The fixture's first comment line names the rule that fires.
    EXPECT_EQ(read_text("fixtures/rules/" + std::string(rule->id) + ".yaml").rfind("# " + std::string(rule->id), 0), 0u)
        << rule->id;
  }
}

TEST(GroupBFixtures, TheDocumentedExamplesBehave) {
  for (const RuleInfo* rule : kGroupB) {
    // An example may say which clock it is checked with.
    auto now_of = [](std::string_view example) {
      const std::string_view marker = "--now ";
      const auto at = example.find(marker);
      if (at == std::string_view::npos) return example_now();
      return *parse_now(example.substr(at + marker.size(), 20));
    };
    EXPECT_FALSE(run_rule_on_text(*rule, std::string(rule->bad_example), now_of(rule->bad_example)).empty())
        << rule->id;
    EXPECT_EQ(describe(run_rule_on_text(*rule, std::string(rule->good_example), now_of(rule->good_example))),
              std::vector<std::string>{})
        << rule->id;
  }
}
