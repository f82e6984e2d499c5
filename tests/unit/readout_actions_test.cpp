#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kReadoutActionsRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

const std::string kActions =
    "  resolution_actions:\n"
    "    - Failed traffic over to the secondary gateway\n"
    "    - Replaced the expired certificate\n"
    "    - Added certificate expiry alerting\n";

std::string contained(std::string text) {
  return text.replace(text.find("status: resolved"), 16, "status: contained");
}

std::vector<std::string> run(const std::string& text) {
  return describe(run_rule_on_text(kReadoutActionsRule, text));
}

}  // namespace

TEST(ReadoutActions, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kReadoutActionsRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(ReadoutActions, FiresOnTheFixtureAtTheSixthItem) {
  EXPECT_EQ(describe(run_rule(kReadoutActionsRule, "fixtures/rules/readout-actions.yaml")),
            std::vector<std::string>{
                "154:7: readout.resolution_actions lists 6 actions; the exec readout allows at "
                "most 5: merge or drop from the 6th on"});
}

TEST(ReadoutActions, FiveIsTheLimit) {
  EXPECT_TRUE(run(example_with(kActions, kActions + "    - Fourth\n    - Fifth\n")).empty());
  EXPECT_EQ(run(example_with(kActions, "  resolution_actions: [a, b, c, d, e, f, g]\n")),
            std::vector<std::string>{
                "148:39: readout.resolution_actions lists 7 actions; the exec readout allows at "
                "most 5: merge or drop from the 6th on"});
}

TEST(ReadoutActions, TooManyWhateverTheStatus) {
  EXPECT_EQ(run(contained(example_with(kActions, "  resolution_actions: [a, b, c, d, e, f]\n"))).size(), 1u);
}

TEST(ReadoutActions, ResolvedRecordNeedsActions) {
  EXPECT_EQ(run(example_with(kActions, "  resolution_actions: []\n")),
            std::vector<std::string>{
                "148:23: readout.resolution_actions is empty: list the key resolution actions (at "
                "most 5) for the exec readout"});
  EXPECT_EQ(run(example_with(kActions, "")),
            std::vector<std::string>{
                "145:3: readout.resolution_actions is missing: list the key resolution actions (at "
                "most 5) for the exec readout"});
}

TEST(ReadoutActions, WithoutAReadoutSectionPointsAtTheRecord) {
  std::string text = read_text("fixtures/ESC-2026-0142.yaml");
  text.erase(text.find("readout:\n"));
  EXPECT_EQ(run(text),
            std::vector<std::string>{
                "3:1: readout.resolution_actions is missing: list the key resolution actions (at "
                "most 5) for the exec readout"});
}

TEST(ReadoutActions, UnresolvedRecordsMayHaveNoActionsYet) {
  EXPECT_TRUE(run(contained(example_with(kActions, "  resolution_actions: []\n"))).empty());
  EXPECT_TRUE(run(contained(example_with(kActions, ""))).empty());
}

TEST(ReadoutActions, ANonListIsTheSchemaRulesFinding) {
  EXPECT_TRUE(run(example_with(kActions, "  resolution_actions: Replaced the certificate\n")).empty());
}
