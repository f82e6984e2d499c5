#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kStakeholderGridRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

std::vector<std::string> run(const std::string& text) {
  return describe(run_rule_on_text(kStakeholderGridRule, text));
}

const std::string kCsmRow =
    "  - role: csm\n    name: Aoife Brennan\n    contact: aoife.brennan@example.com\n    owner: Aoife Brennan\n";

}  // namespace

TEST(StakeholderGrid, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kStakeholderGridRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(StakeholderGrid, FiresOnAMissingRole) {
  EXPECT_EQ(describe(run_rule(kStakeholderGridRule, "fixtures/rules/stakeholder-grid.yaml")),
            std::vector<std::string>{
                "43:3: the stakeholder grid has no Internal Exec Sponsor (role: "
                "internal_exec_sponsor, leadership visibility): add the person, their contact and "
                "who owns the relationship"});
}

TEST(StakeholderGrid, OneFindingPerMissingRole) {
  std::string both = example_with(kCsmRow, "");
  const std::string sponsor = "  - role: customer_exec_sponsor\n    name: Tomás Ferreira\n"
                              "    contact: tomas.ferreira@northwind.example\n    owner: Malik Chen\n";
  both.replace(both.find(sponsor), sponsor.size(), "");
  EXPECT_EQ(run(both),
            (std::vector<std::string>{
                "43:3: the stakeholder grid has no Customer Executive Sponsor (role: "
                "customer_exec_sponsor, exec relationship): add the person, their contact and who "
                "owns the relationship",
                "43:3: the stakeholder grid has no Customer Success Manager (role: csm, account "
                "health): add the person, their contact and who owns the relationship"}));
}

TEST(StakeholderGrid, LegalOnlyWithRegulatoryExposure) {
  const std::string regulatory = example_with("regulatory_exposure: false", "regulatory_exposure: true");
  const auto found = run_rule_on_text(kStakeholderGridRule, regulatory);
  EXPECT_EQ(describe(found),
            std::vector<std::string>{
                "43:3: the stakeholder grid has no Legal / Compliance (role: legal, risk and "
                "contractual) although triage.impact.regulatory_exposure is true: add the person, "
                "their contact and who owns the relationship"});
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].mark, (Mark{28, 26}));

  std::string with_legal = regulatory;
  with_legal.replace(with_legal.find(kCsmRow), 0,
                     "  - role: legal\n    name: Ruth Adeyemi\n    contact: ruth.adeyemi@example.com\n"
                     "    owner: Dana Whitfield\n");
  EXPECT_TRUE(run(with_legal).empty());
}

TEST(StakeholderGrid, FiresOnAPlaceholderContact) {
  EXPECT_EQ(run(example_with("    contact: priya.raman@northwind.example", "    contact: TBD")),
            std::vector<std::string>{
                "49:14: the contact of the Customer Primary Contact (Priya Raman) in the "
                "stakeholder grid is a placeholder ('TBD'): give a direct contact (the grid's "
                "CONTACT column)"});
}

TEST(StakeholderGrid, FiresOnAContactWithTwoAddresses) {
  // It passed check, then build refused the emails ("has no e-mail address").
  EXPECT_EQ(run(example_with("    contact: priya.raman@northwind.example",
                             "    contact: \"priya.raman@northwind.example, ops@northwind.example\"")),
            std::vector<std::string>{
                "49:14: the contact of the Customer Primary Contact (Priya Raman) in the "
                "stakeholder grid holds more than one e-mail address: give one direct contact (more "
                "recipients go in a communication's to: or cc:)"});
}

TEST(StakeholderGrid, FiresOnAPlaceholderName) {
  EXPECT_EQ(run(example_with("    name: Aoife Brennan", "    name: \"[CSM name]\"")),
            std::vector<std::string>{
                "60:11: the name of the Customer Success Manager in the stakeholder grid is a "
                "placeholder ('[CSM name]'): name the person who fills the role"});
}

TEST(StakeholderGrid, ThePrimaryContactsNameIsCommsCompletesOnceAnEmailWasSent) {
  const std::string text = example_with("    name: Priya Raman", "    name: TBD");
  EXPECT_TRUE(run(text).empty());
  // A new record, nothing sent yet: the grid's own finding.
  std::string unsent = text;
  const auto from = unsent.find("communications:\n");
  unsent.replace(from, unsent.find("pir:\n") - from, "");
  EXPECT_EQ(run(unsent), std::vector<std::string>{
                             "48:11: the name of the Customer Primary Contact in the stakeholder "
                             "grid is a placeholder ('TBD'): name the person who fills the role"});
}

TEST(StakeholderGrid, AnEmptyGridMissesEveryRole) {
  EXPECT_EQ(run_rule_on_text(kStakeholderGridRule, "version: 1\nstakeholders: []\n").size(), 6u);
}

TEST(StakeholderGrid, MissingKeysAreSchemasBusiness) {
  EXPECT_TRUE(run_rule_on_text(kStakeholderGridRule, "version: 1\n").empty());
  EXPECT_TRUE(run(example_with("    contact: priya.raman@northwind.example\n", "")).empty());
}
