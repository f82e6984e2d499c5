#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kTriageGenuineRule;
}

using namespace esc;
using namespace esc::testing;

TEST(TriageGenuine, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kTriageGenuineRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(TriageGenuine, FiresOnFalse) {
  EXPECT_EQ(describe(run_rule(kTriageGenuineRule, "fixtures/rules/triage-genuine.yaml")),
            std::vector<std::string>{
                "21:12: triage.genuine is false: confirm the escalation is genuine (not a routine "
                "support ticket mislabelled) before working it as an escalation"});
}
