#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kReadoutSlaRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

const std::string kDetail =
    "  sla_breach_detail: Monthly availability of 99.95% breached; 99.91% delivered.\n";

std::string contained(std::string text) {
  return text.replace(text.find("status: resolved"), 16, "status: contained");
}

std::vector<std::string> run(const std::string& text) {
  return describe(run_rule_on_text(kReadoutSlaRule, text));
}

}  // namespace

TEST(ReadoutSla, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kReadoutSlaRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(ReadoutSla, FiresOnTheFixture) {
  const auto diags = run_rule(kReadoutSlaRule, "fixtures/rules/readout-sla.yaml");
  EXPECT_EQ(describe(diags),
            std::vector<std::string>{
                "145:3: triage.impact.sla is breached but readout.sla_breach_detail is missing: say "
                "which SLA was breached and by how much"});
  ASSERT_EQ(diags.size(), 1u);
  ASSERT_EQ(diags[0].notes.size(), 1u);
  EXPECT_EQ(diags[0].notes[0].mark, (Mark{26, 10}));
  EXPECT_EQ(diags[0].notes[0].message, "SLA assessed as breached here");
}

TEST(ReadoutSla, PlaceholdersAreNotDetail) {
  EXPECT_EQ(run(example_with(kDetail, "  sla_breach_detail: TBD\n")),
            std::vector<std::string>{
                "152:22: triage.impact.sla is breached but readout.sla_breach_detail is a "
                "placeholder (\"TBD\"): say which SLA was breached and by how much"});
  EXPECT_EQ(run(example_with(kDetail, "  sla_breach_detail: _____\n")).size(), 1u);
  // (An empty `sla_breach_detail:` fires too; the loader places its null value at the next
  // line, so only the count is checked here.)
  EXPECT_EQ(run(example_with(kDetail, "  sla_breach_detail:\n")).size(), 1u);
  EXPECT_EQ(run(example_with(kDetail, "  sla_breach_detail: \"\"\n")),
            std::vector<std::string>{
                "152:22: triage.impact.sla is breached but readout.sla_breach_detail is empty: say "
                "which SLA was breached and by how much"});
  EXPECT_EQ(run(example_with(kDetail, "  sla_breach_detail: Availability of [X]% against 99.95%.\n")),
            std::vector<std::string>{
                "152:22: triage.impact.sla is breached but readout.sla_breach_detail contains the "
                "placeholder \"[X]\": say which SLA was breached and by how much"});
}

TEST(ReadoutSla, NoDetailNeededWithoutABreach) {
  for (const std::string sla : {"at_risk", "within"}) {
    std::string text = example_with(kDetail, "");
    text.replace(text.find("sla: breached"), 13, "sla: " + sla);
    EXPECT_TRUE(run(text).empty()) << sla;
  }
}

TEST(ReadoutSla, OnlyResolvedRecords) {
  EXPECT_TRUE(run(contained(example_with(kDetail, ""))).empty());
}

TEST(ReadoutSla, WithoutAReadoutSectionPointsAtTheRecord) {
  std::string text = read_text("fixtures/ESC-2026-0142.yaml");
  text.erase(text.find("readout:\n"));
  EXPECT_EQ(run(text),
            std::vector<std::string>{
                "3:1: triage.impact.sla is breached but readout.sla_breach_detail is missing: say "
                "which SLA was breached and by how much"});
}
