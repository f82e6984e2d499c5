#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kReadoutImpactRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

const std::string kSummary =
    "  impact_summary: >-\n"
    "    All card payments through Northwind's EU checkout were declined for 35 minutes.\n"
    "    An estimated £180,000 of orders could not be taken during that window.\n";

std::string with_summary(const std::string& summary) {
  return example_with(kSummary, "  impact_summary: " + summary + "\n");
}

std::string contained(std::string text) {
  return text.replace(text.find("status: resolved"), 16, "status: contained");
}

std::vector<std::string> run(const std::string& text) {
  return describe(run_rule_on_text(kReadoutImpactRule, text));
}

}  // namespace

TEST(ReadoutImpact, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kReadoutImpactRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(ReadoutImpact, FiresOnTheFixture) {
  EXPECT_EQ(describe(run_rule(kReadoutImpactRule, "fixtures/rules/readout-impact.yaml")),
            std::vector<std::string>{
                "145:19: readout.impact_summary has 1 sentence; the exec readout asks for 2-3 "
                "sentences, facts only"});
}

TEST(ReadoutImpact, TwoAndThreeSentencesPass) {
  EXPECT_TRUE(run(with_summary("Payments failed for 35 minutes. Orders were lost.")).empty());
  EXPECT_TRUE(run(with_summary("Payments failed. Orders were lost. The customer escalated")).empty());
}

TEST(ReadoutImpact, FourSentencesFail) {
  EXPECT_EQ(run(with_summary("Payments failed. Orders were lost. Staff were idle. The CEO called.")),
            std::vector<std::string>{
                "145:19: readout.impact_summary has 4 sentences; the exec readout asks for 2-3 "
                "sentences, facts only"});
}

TEST(ReadoutImpact, AbbreviationsAndAmountsAreNotSentenceEnds) {
  EXPECT_EQ(run(with_summary("Northwind Ltd. lost about £1.2m of orders, e.g. every EU card payment.")),
            std::vector<std::string>{
                "145:19: readout.impact_summary has 1 sentence; the exec readout asks for 2-3 "
                "sentences, facts only"});
  EXPECT_TRUE(run(with_summary("Availability fell to 99.91% against 99.95%. Northwind Ltd. lost orders."))
                  .empty());
}

TEST(ReadoutImpact, AJapaneseSummaryOfTwoSentencesPasses) {
  EXPECT_TRUE(run(with_summary("決済が35分間停止しました。約18万ポンドの注文が失われました。")).empty());
  // The true positive stays: one Japanese sentence is one sentence.
  EXPECT_EQ(run(with_summary("決済が35分間停止しました。")),
            std::vector<std::string>{
                "145:19: readout.impact_summary has 1 sentence; the exec readout asks for 2-3 "
                "sentences, facts only"});
}

TEST(ReadoutImpact, CountAppliesWhateverTheStatus) {
  EXPECT_EQ(run(contained(with_summary("Payments failed."))).size(), 1u);
}

TEST(ReadoutImpact, ResolvedRecordNeedsASummary) {
  EXPECT_EQ(run(example_with(kSummary, "")),
            std::vector<std::string>{
                "145:3: readout.impact_summary is missing: a resolved record's exec readout needs "
                "2-3 factual sentences on the customer impact"});
  EXPECT_EQ(run(with_summary("TBD")),
            std::vector<std::string>{
                "145:19: readout.impact_summary is a placeholder (\"TBD\"): a resolved record's "
                "exec readout needs 2-3 factual sentences on the customer impact"});
  EXPECT_EQ(run(with_summary("\"\"")),
            std::vector<std::string>{
                "145:19: readout.impact_summary is empty: a resolved record's exec readout needs "
                "2-3 factual sentences on the customer impact"});
  EXPECT_EQ(run(with_summary("Payments failed for [duration]. Orders were lost.")),
            std::vector<std::string>{
                "145:19: readout.impact_summary contains the placeholder \"[duration]\": a "
                "resolved record's exec readout needs 2-3 factual sentences on the customer "
                "impact"});
}

TEST(ReadoutImpact, WithoutAReadoutSectionPointsAtTheRecord) {
  std::string text = read_text("fixtures/ESC-2026-0142.yaml");
  text.erase(text.find("readout:\n"));
  EXPECT_EQ(run(text),
            std::vector<std::string>{
                "3:1: readout.impact_summary is missing: a resolved record's exec readout needs "
                "2-3 factual sentences on the customer impact"});
}

TEST(ReadoutImpact, DraftsOnUnresolvedRecordsAreLeftAlone) {
  EXPECT_TRUE(run(contained(example_with(kSummary, ""))).empty());
  EXPECT_TRUE(run(contained(with_summary("TBD"))).empty());
}

TEST(ReadoutImpact, ANonTextValueIsTheSchemaRulesFinding) {
  EXPECT_TRUE(run(with_summary("[one, two]")).empty());
}
