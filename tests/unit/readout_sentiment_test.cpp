#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kReadoutSentimentRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

const std::string kSentiment =
    "  customer_sentiment: Frustrated by the outage but appreciative of the hourly updates.\n";

std::string contained(std::string text) {
  return text.replace(text.find("status: resolved"), 16, "status: contained");
}

std::vector<std::string> run(const std::string& text) {
  return describe(run_rule_on_text(kReadoutSentimentRule, text));
}

}  // namespace

TEST(ReadoutSentiment, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kReadoutSentimentRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(ReadoutSentiment, FiresOnTheFixture) {
  const auto diags = run_rule(kReadoutSentimentRule, "fixtures/rules/readout-sentiment.yaml");
  EXPECT_EQ(describe(diags),
            std::vector<std::string>{
                "145:3: readout.customer_sentiment is missing: record how the customer feels after "
                "the resolution, in their words where possible"});
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].severity, Severity::warning);
}

TEST(ReadoutSentiment, PlaceholdersAreNotASentiment) {
  EXPECT_EQ(run(example_with(kSentiment, "  customer_sentiment: n/a\n")),
            std::vector<std::string>{
                "153:23: readout.customer_sentiment is a placeholder (\"n/a\"): record how the "
                "customer feels after the resolution, in their words where possible"});
  EXPECT_EQ(run(example_with(kSentiment, "  customer_sentiment: \"[Customer sentiment]\"\n")).size(), 1u);
  EXPECT_EQ(run(example_with(kSentiment, "  customer_sentiment: \"  \"\n")),
            std::vector<std::string>{
                "153:23: readout.customer_sentiment is empty: record how the customer feels after "
                "the resolution, in their words where possible"});
}

TEST(ReadoutSentiment, OnlyResolvedRecords) {
  EXPECT_TRUE(run(contained(example_with(kSentiment, ""))).empty());
}

TEST(ReadoutSentiment, WithoutAReadoutSectionPointsAtTheRecord) {
  std::string text = read_text("fixtures/ESC-2026-0142.yaml");
  text.erase(text.find("readout:\n"));
  EXPECT_EQ(run(text).size(), 1u);
  EXPECT_EQ(run(text)[0].substr(0, 4), "3:1:");
}

TEST(ReadoutSentiment, ANonTextValueIsTheSchemaRulesFinding) {
  EXPECT_TRUE(run(example_with(kSentiment, "  customer_sentiment: {mood: calm}\n")).empty());
}
