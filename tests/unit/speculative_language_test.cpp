#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kSpeculativeLanguageRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

// "line:col: message", each message whole: the playbook line it cites is the field's.
std::vector<std::string> run(const std::string& text) {
  std::vector<std::string> out;
  for (const Diagnostic& d : run_rule_on_text(kSpeculativeLanguageRule, text))
    out.push_back(std::to_string(d.mark.line) + ":" + std::to_string(d.mark.col) + ": " + d.message);
  return out;
}

// The hint quotes the playbook line for the field.
std::string hint(const std::string& path) {
  if (path == "facts.root_cause") return "Confirm root cause hypothesis (not assumption)";
  if (path == "summary") return "Get written confirmation from technical owner before stating facts to customer";
  if (path == "readout.impact_summary") return "Customer impact summary (2–3 sentences, facts only)";
  if (path.ends_with(".impact")) return "Impact: [Describe known impact clearly and factually]";
  if (path.ends_with(".progress")) return "Progress since last update: [Factual description only]";
  if (path.ends_with(".resolution_summary")) return "Resolution summary: [Concise factual summary]";
  return "?";
}

std::string message(const std::string& phrase, const std::string& path) {
  return "'" + phrase + "' is speculative language in " + path + "; state confirmed facts only (playbook: \"" +
         hint(path) + "\")";
}

const std::string kProgress =
    "    progress: The expired certificate has been replaced on the primary gateway and is being "
    "verified.";

}  // namespace

TEST(SpeculativeLanguage, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kSpeculativeLanguageRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(SpeculativeLanguage, PointsAtTheWordInAPlainScalar) {
  const auto found = run_rule(kSpeculativeLanguageRule, "fixtures/rules/speculative-language.yaml");
  EXPECT_EQ(describe(found),
            std::vector<std::string>{"119:43: " + message("probably", "communications[1].progress")});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::warning);
}

TEST(SpeculativeLanguage, OneWarningPerPhrase) {
  EXPECT_EQ(run(example_with(kProgress, "    progress: We think the certificate might be replaced soon.")),
            (std::vector<std::string>{"119:15: " + message("We think", "communications[1].progress"),
                                      "119:40: " + message("might", "communications[1].progress")}));
}

TEST(SpeculativeLanguage, ColumnsCountCodePoints) {
  EXPECT_EQ(run(example_with(kProgress, "    progress: Tomás's fix appears to work.")),
            std::vector<std::string>{"119:27: " + message("appears to", "communications[1].progress")});
}

// The caret stands under the phrase inside the quotes, not one column left of it.
TEST(SpeculativeLanguage, PointsAtTheWordInAQuotedScalar) {
  EXPECT_EQ(run(example_with(kProgress, "    progress: \"It should be fixed now.\"")),
            std::vector<std::string>{"119:19: " + message("should be fixed", "communications[1].progress")});
  EXPECT_EQ(run(example_with(kProgress, "    progress: 'Replaced: it should be fixed now.'")),
            std::vector<std::string>{"119:29: " + message("should be fixed", "communications[1].progress")});
}

TEST(SpeculativeLanguage, MultiLineQuotedAndBlockScalarsPointAtTheField) {
  EXPECT_EQ(run(example_with(kProgress, "    progress: \"Replaced: it\n      should be fixed now.\"")),
            std::vector<std::string>{"119:15: " + message("should be fixed", "communications[1].progress")});
  // The readout's impact summary is a folded block scalar: the finding is at its indicator.
  EXPECT_EQ(run(example_with("for 35 minutes.", "for probably 35 minutes.")),
            std::vector<std::string>{"145:19: " + message("probably", "readout.impact_summary")});
}

TEST(SpeculativeLanguage, AMultiLinePlainScalarPointsAtTheField) {
  EXPECT_EQ(run(example_with(kProgress, "    progress: The certificate was replaced\n      and is likely verified.")),
            std::vector<std::string>{"119:15: " + message("likely", "communications[1].progress")});
}

TEST(SpeculativeLanguage, ActionsAndBreachDetailAreNotStatementsOfTheFacts) {
  // The cases: a conditional in a resolution action and in the SLA breach detail.
  EXPECT_TRUE(run(example_with("      - Replaced the expired certificate\n      - Returned",
                               "      - Replayed requests that may have been rejected\n      - Returned"))
                  .empty());
  EXPECT_TRUE(run(example_with("    - Added certificate expiry alerting",
                               "    - Replayed requests that may have been rejected")).empty());
  EXPECT_TRUE(run(example_with("99.91% delivered.", "99.91% delivered; service credits may be due under clause 7.2."))
                  .empty());
  // Hedges there are not the statement of facts the playbook asks to confirm either.
  EXPECT_TRUE(run(example_with("    - Added certificate expiry alerting", "    - Added expiry alerting, hopefully")).empty());
  EXPECT_TRUE(run(example_with("99.91% delivered.", "99.91% delivered, we suspect.")).empty());
}

TEST(SpeculativeLanguage, ConditionalStatementsOfFactInAFactualFieldDoNotFire) {
  EXPECT_TRUE(run(example_with("Traffic now runs through", "Customers whose payments may have been declined will be refunded. Traffic now runs through"))
                  .empty());
  EXPECT_TRUE(run(example_with("Traffic now runs through", "Service credits may be due under clause 7.2. Traffic now runs through"))
                  .empty());
  // The true positive stays: the same modal as a guess about what happened.
  EXPECT_EQ(run(example_with("Traffic now runs through", "Payments may have been declined. Traffic now runs through")).size(), 1u);
}

TEST(SpeculativeLanguage, EveryFactualField) {
  // The summary is followed by a blank line: the field is pointed at.
  EXPECT_EQ(run(example_with("summary: card payments", "summary: perhaps card payments")),
            std::vector<std::string>{"6:10: " + message("perhaps", "summary")});
  EXPECT_EQ(run(example_with("caused every authorisation call", "presumably caused every authorisation call")),
            std::vector<std::string>{"32:65: " + message("presumably", "facts.root_cause")});
  EXPECT_EQ(run(example_with("Traffic now runs through", "Traffic seems to run through")),
            std::vector<std::string>{"112:106: " + message("seems to", "communications[0].impact")});
  EXPECT_EQ(run(example_with("primary gateway.\n    actions_taken", "primary gateway, we believe.\n    actions_taken")),
            std::vector<std::string>{"128:134: " + message("we believe", "communications[2].resolution_summary")});
  EXPECT_EQ(run(example_with("for 35 minutes.", "for probably 35 minutes.")),
            std::vector<std::string>{"145:19: " + message("probably", "readout.impact_summary")});
}

TEST(SpeculativeLanguage, PlansAndWordsThatMerelyContainAHedgeDoNotFire) {
  EXPECT_TRUE(run(example_with("      - Automated certificate renewal for all payment endpoints",
                               "      - Renewal should be fixed by the new automation, hopefully"))
                  .empty());
  EXPECT_TRUE(run(example_with("    progress: The expired", "    progress: The mighty expired")).empty());
  EXPECT_TRUE(run(example_with("  customer_sentiment: Frustrated", "  customer_sentiment: Probably frustrated")).empty());
}
