#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kSeverityCriteriaRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

// The example's impact block, replaced as a whole.
const std::string kImpact =
    "    outage: complete            # complete | partial | none\n"
    "    customers_affected: 1\n"
    "    revenue_at_risk: 180000     # in the configured currency (GBP by default)\n"
    "    sla: breached               # breached | at_risk | within\n"
    "    reputational_exposure: high # high | medium | low\n"
    "    regulatory_exposure: false\n";

// A record declared `severity` with the given impact values.
std::string record(const std::string& severity, const std::string& outage, int customers,
                   const std::string& revenue, const std::string& sla, bool regulatory,
                   const std::string& extra = "") {
  std::string text = example_with("severity: P1", "severity: " + severity);
  const std::string impact = "    outage: " + outage + "\n    customers_affected: " +
                             std::to_string(customers) + "\n    revenue_at_risk: " + revenue +
                             "\n    sla: " + sla + "\n    reputational_exposure: high\n" +
                             "    regulatory_exposure: " + (regulatory ? "true" : "false") + "\n" + extra;
  return text.replace(text.find(kImpact), kImpact.size(), impact);
}

std::vector<std::string> run(const std::string& text, const Config& config = Config{}) {
  return describe(run_rule_on_text(kSeverityCriteriaRule, text, example_now(), config));
}

const std::string kNoP1 =
    "(no complete outage, revenue at risk £20,000 is not over the £100,000 threshold, SLA not "
    "breached, no regulatory exposure)";

}  // namespace

TEST(SeverityCriteria, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kSeverityCriteriaRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(SeverityCriteria, FiresOnAP1DeclaredP2) {
  const auto found = run_rule(kSeverityCriteriaRule, "fixtures/rules/severity-criteria.yaml");
  EXPECT_EQ(describe(found),
            std::vector<std::string>{
                "12:11: declared P2 but the playbook's criteria make this P1: the outage is "
                "complete, revenue at risk £180,000 is over the £100,000 threshold and the SLA is "
                "breached"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::warning);
  ASSERT_EQ(found[0].notes.size(), 3u);
  EXPECT_EQ(found[0].notes[0].mark, (Mark{23, 13}));
}

TEST(SeverityCriteria, NamesTheSingleDecidingCriterion) {
  EXPECT_EQ(run(record("P2", "complete", 1, "0", "within", false)),
            std::vector<std::string>{
                "12:11: declared P2 but the playbook's criteria make this P1: the outage is complete"});
  EXPECT_EQ(run(record("P3", "none", 1, "0", "within", true)),
            std::vector<std::string>{"12:11: declared P3 but the playbook's criteria make this "
                                     "P1: there is regulatory exposure"});
  EXPECT_EQ(run(record("P3", "partial", 3, "0", "within", false)),
            std::vector<std::string>{"12:11: declared P3 but the playbook's criteria make this "
                                     "P2: a partial outage affects 3 customers"});
  EXPECT_EQ(run(record("P3", "none", 1, "0", "within", false, "    customer_exec_escalation: true\n")),
            std::vector<std::string>{"12:11: declared P3 but the playbook's criteria make this "
                                     "P2: the customer's executives escalated"});
}

TEST(SeverityCriteria, DeclaredTooHigh) {
  EXPECT_EQ(run(record("P1", "partial", 1, "20000", "within", false)),
            std::vector<std::string>{"12:11: declared P1 but nothing meets P1 " + kNoP1 +
                                     "; the criteria make it P2: revenue at risk is above zero"});
  EXPECT_EQ(run(record("P1", "none", 1, "0", "at_risk", false)),
            std::vector<std::string>{
                "12:11: declared P1 but nothing meets P1 (no complete outage, revenue at risk £0 "
                "is not over the £100,000 threshold, SLA not breached, no regulatory exposure) or "
                "P2 (no partial outage, no revenue at risk, no customer exec escalation); the "
                "criteria make it P3"});
  EXPECT_EQ(run(record("P2", "partial", 1, "0", "within", false)),
            std::vector<std::string>{
                "12:11: declared P2 but nothing meets P2 (the partial outage affects only 1 "
                "customer, no revenue at risk, no customer exec escalation); the criteria make it P3"});
}

TEST(SeverityCriteria, TheThresholdIsExclusive) {
  EXPECT_EQ(run(record("P1", "partial", 1, "100000", "within", false)),
            std::vector<std::string>{
                "12:11: declared P1 but nothing meets P1 (no complete outage, revenue at risk "
                "£100,000 is not over the £100,000 threshold, SLA not breached, no regulatory "
                "exposure); the criteria make it P2: revenue at risk is above zero"});
  EXPECT_TRUE(run(record("P1", "partial", 1, "100000.01", "within", false)).empty());
}

TEST(SeverityCriteria, ConfiguredThresholdAndCurrency) {
  Config config;
  config.p1_revenue_threshold = 250000;
  config.currency = "EUR";
  EXPECT_EQ(run(record("P1", "partial", 1, "180000", "within", false), config),
            std::vector<std::string>{
                "12:11: declared P1 but nothing meets P1 (no complete outage, revenue at risk "
                "€180,000 is not over the €250,000 threshold, SLA not breached, no regulatory "
                "exposure); the criteria make it P2: revenue at risk is above zero"});
  config.currency = "USD";
  EXPECT_EQ(run(record("P2", "partial", 1, "1234567.5", "within", false), config),
            std::vector<std::string>{"12:11: declared P2 but the playbook's criteria make this "
                                     "P1: revenue at risk $1,234,567.50 is over the $250,000 threshold"});
  config.currency = "CHF";
  EXPECT_EQ(run(record("P2", "partial", 1, "300000", "within", false), config),
            std::vector<std::string>{"12:11: declared P2 but the playbook's criteria make this "
                                     "P1: revenue at risk CHF 300,000 is over the CHF 250,000 threshold"});
}

TEST(SeverityCriteria, AgreementIsSilent) {
  EXPECT_TRUE(run(record("P2", "partial", 2, "0", "within", false)).empty());
  EXPECT_TRUE(run(record("P3", "partial", 1, "0", "at_risk", false)).empty());
  EXPECT_TRUE(run(record("P1", "none", 1, "0", "breached", false)).empty());
}

TEST(SeverityCriteria, MissingValuesAreSchemasBusiness) {
  // The outage is complete, but with customers_affected missing the rule stays out of it.
  std::string text = record("P2", "complete", 1, "0", "within", false);
  text.replace(text.find("    customers_affected: 1\n"), 26, "");
  EXPECT_TRUE(run(text).empty());
  EXPECT_TRUE(run(example_with("severity: P1", "severity: P0")).empty());
}
