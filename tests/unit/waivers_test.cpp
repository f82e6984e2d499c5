// Waivers in a record and per-rule severities from the configuration.
#include <gtest/gtest.h>

#include "rule_test_util.h"
#include "rules/engine.h"

using namespace esc;
using namespace esc::testing;

namespace {

CheckedRecord check(const std::string& text, const Config& config = Config{}) {
  Calendar calendar(config.calendar, config.holidays);
  return check_record_text(text, "r.yaml", CheckOptions{&config, example_now()}, calendar);
}

std::string genuine_false_with(const std::string& waivers) {
  return read_text("fixtures/rules/triage-genuine.yaml") + waivers;
}

const Diagnostic* find(const CheckedRecord& r, const std::string& rule) {
  for (const Diagnostic& d : r.diagnostics)
    if (d.rule == rule) return &d;
  return nullptr;
}

}  // namespace

TEST(Waivers, AWaiverSuppressesItsRuleAndKeepsTheFinding) {
  auto r = check(genuine_false_with(
      "waivers:\n  - rule: triage-genuine\n    reason: Raised by the customer's CEO; worked as an escalation by decision of the VP.\n    approved_by: Malik Chen\n"));
  const Diagnostic* d = find(r, "triage-genuine");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->suppression, Suppression::waived);
  EXPECT_EQ(d->suppression_reason, "Raised by the customer's CEO; worked as an escalation by decision of the VP.");
  EXPECT_FALSE(counts(*d));
  EXPECT_EQ(find(r, "schema"), nullptr);
}

TEST(Waivers, AWaiverWithoutAReasonIsAnError) {
  auto r = check(genuine_false_with("waivers:\n  - rule: triage-genuine\n    reason: TBD\n    approved_by: Malik Chen\n"));
  const Diagnostic* d = find(r, "schema");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->message, "waiver for 'triage-genuine' has no reason; say why the rule does not apply");
  EXPECT_EQ(find(r, "triage-genuine")->suppression, Suppression::none);
}

TEST(Waivers, AMissingReasonKeyIsASchemaError) {
  auto r = check(genuine_false_with("waivers:\n  - rule: triage-genuine\n    approved_by: Malik Chen\n"));
  const Diagnostic* d = find(r, "schema");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->message, "missing required key 'reason' in 'waivers[0]'");
  EXPECT_EQ(find(r, "triage-genuine")->suppression, Suppression::none);
}

TEST(Waivers, AnUnknownRuleIsAnErrorWithASuggestion) {
  auto r = check(genuine_false_with("waivers:\n  - rule: triage-genuin\n    reason: because\n    approved_by: Malik Chen\n"));
  const Diagnostic* d = find(r, "schema");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->message, "waiver for unknown rule 'triage-genuin'; did you mean 'triage-genuine'?");
}

TEST(Waivers, SchemaCannotBeWaived) {
  auto r = check(genuine_false_with("waivers:\n  - rule: schema\n    reason: because\n    approved_by: Malik Chen\n"));
  const Diagnostic* d = find(r, "schema");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->message, "the 'schema' rule cannot be waived; fix the record instead");
}

TEST(RuleSeverities, ConfigurationChangesOrDisablesARule) {
  Config config;
  config.rule_severity["triage-genuine"] = Severity::warning;
  EXPECT_EQ(find(check(read_text("fixtures/rules/triage-genuine.yaml"), config), "triage-genuine")->severity,
            Severity::warning);
  config.rule_severity["triage-genuine"] = Severity::off;
  EXPECT_EQ(find(check(read_text("fixtures/rules/triage-genuine.yaml"), config), "triage-genuine"), nullptr);
}

TEST(RuleSeverities, TheExampleIsCleanWithEveryRule) {
  auto r = check(read_text("fixtures/ESC-2026-0142.yaml"));
  for (const Diagnostic& d : r.diagnostics) ADD_FAILURE() << d.rule << " " << d.mark.line << ":" << d.mark.col << " " << d.message;
}

// Findings made while building the pack: the configuration's severities and the record's waivers
// apply to them as to the check's (`rules: {readout-glyph: off}` silences the build's warning).
TEST(Waivers, BuildFindingsGetConfiguredSeveritiesAndWaivers) {
  const std::string text = read_text("fixtures/ESC-2026-0142.yaml") +
                           "waivers:\n  - rule: readout-one-page\n    reason: The board asked for the full account.\n"
                           "    approved_by: Malik Chen\n";
  const CheckedRecord checked = check(text);
  ASSERT_TRUE(checked.record.has_value());
  auto built = [] {
    std::vector<Diagnostic> found{make_finding(RuleId::readout_glyph), make_finding(RuleId::readout_one_page),
                                  make_finding(RuleId::comms_complete)};
    return found;
  };
  Config config;
  config.rule_severity["readout-glyph"] = Severity::off;
  config.rule_severity["comms-complete"] = Severity::warning;
  std::vector<Diagnostic> found = built();
  settle_build_findings(found, *checked.record, config);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].rule, "readout-one-page");
  EXPECT_EQ(found[0].suppression, Suppression::waived);
  EXPECT_EQ(found[0].suppression_reason, "The board asked for the full account.");
  EXPECT_EQ(found[1].rule, "comms-complete");
  EXPECT_EQ(found[1].severity, Severity::warning);
  EXPECT_EQ(found[1].suppression, Suppression::none);
  // Without configuration or waivers they stay as the registry made them.
  const CheckedRecord plain = check(read_text("fixtures/ESC-2026-0142.yaml"));
  found = built();
  settle_build_findings(found, *plain.record, Config{});
  ASSERT_EQ(found.size(), 3u);
  for (const Diagnostic& d : found) EXPECT_EQ(d.suppression, Suppression::none);
  EXPECT_EQ(found[0].severity, Severity::warning);
  EXPECT_EQ(found[1].severity, Severity::error);
}
