#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kTriageImpactRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

// `text` with exactly one occurrence of `from` replaced.
std::string edit(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  if (pos == std::string::npos || text.find(from, pos + 1) != std::string::npos)
    throw std::runtime_error("edit: '" + from + "' must occur exactly once");
  return text.replace(pos, from.size(), to);
}

std::vector<std::string> run(const std::string& text) {
  return describe(run_rule_on_text(kTriageImpactRule, text));
}

const std::string kRevenueZero = "    revenue_at_risk: 0 ";

}  // namespace

TEST(TriageImpact, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kTriageImpactRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(TriageImpact, FiresOnZeroRevenueWithACompleteOutage) {
  const auto found = run_rule(kTriageImpactRule, "fixtures/rules/triage-impact.yaml");
  EXPECT_EQ(describe(found),
            std::vector<std::string>{
                "25:22: revenue at risk is 0 although the outage is complete and the SLA is "
                "breached: assess the revenue at risk (orders that could not be taken, service "
                "credits, contract value) and record it in triage.impact.revenue_at_risk"});
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].notes.size(), 2u);
  EXPECT_EQ(found[0].notes[0].mark, (Mark{23, 13}));
  EXPECT_EQ(found[0].notes[1].mark, (Mark{26, 10}));
}

TEST(TriageImpact, ZeroRevenueWithABreachedSlaAlone) {
  std::string text = example_with("    revenue_at_risk: 180000 ", kRevenueZero);
  text = edit(text, "outage: complete ", "outage: partial  ");
  EXPECT_EQ(run(text), std::vector<std::string>{
                           "25:22: revenue at risk is 0 although the SLA is breached: assess the "
                           "revenue at risk (orders that could not be taken, service credits, "
                           "contract value) and record it in triage.impact.revenue_at_risk"});
}

TEST(TriageImpact, ZeroRevenueIsFineForAPartialOutageWithinSla) {
  std::string text = example_with("    revenue_at_risk: 180000 ", kRevenueZero);
  text = edit(text, "outage: complete ", "outage: partial  ");
  text = edit(text, "sla: breached ", "sla: within   ");
  EXPECT_TRUE(run(text).empty());
}

TEST(TriageImpact, SomeRevenueWithACompleteOutagePasses) {
  EXPECT_TRUE(run(example_with("revenue_at_risk: 180000", "revenue_at_risk: 0.5")).empty());
}

TEST(TriageImpact, SlaAtRiskIsAnAssessmentOnAResolvedRecordToo) {
  // A monthly availability SLA stays at risk until its measurement period closes, weeks after
  // resolution: at_risk is what the triage found, not a missing assessment.
  EXPECT_TRUE(run(example_with("sla: breached ", "sla: at_risk  ")).empty());
}

TEST(TriageImpact, SlaAtRiskIsAFineAnswerWhileOngoing) {
  std::string text = example_with("sla: breached ", "sla: at_risk  ");
  EXPECT_TRUE(run(edit(text, "status: resolved", "status: ongoing")).empty());
}

TEST(TriageImpact, ZeroRevenueBesideABreachedSlaStillFires) {
  // The true positive stays: the outage is partial here, so only the breached SLA says money
  // was at stake.
  std::string text = example_with("    revenue_at_risk: 180000 ", kRevenueZero);
  text = edit(text, "outage: complete", "outage: partial ");
  EXPECT_EQ(run(text).size(), 1u);
}

TEST(TriageImpact, MissingOrInvalidValuesAreSchemasBusiness) {
  // Absent revenue_at_risk: schema reports the required key; nothing here.
  EXPECT_TRUE(run(example_with("    revenue_at_risk: 180000     # in the configured currency (GBP by default)\n", ""))
                  .empty());
  // Not a number, and empty.
  EXPECT_TRUE(run(example_with("revenue_at_risk: 180000", "revenue_at_risk: TBD")).empty());
  EXPECT_TRUE(run(example_with("revenue_at_risk: 180000", "revenue_at_risk:")).empty());
  // Unknown SLA value.
  EXPECT_TRUE(run(example_with("sla: breached ", "sla: unknown  ")).empty());
}

TEST(TriageImpact, MissingImpactIsSchemasBusiness) {
  EXPECT_TRUE(run_rule_on_text(kTriageImpactRule, "version: 1\nstatus: resolved\ntriage:\n  genuine: true\n").empty());
}
