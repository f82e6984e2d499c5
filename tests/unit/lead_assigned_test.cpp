#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kLeadAssignedRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

std::vector<std::string> run(const std::string& text) {
  return describe(run_rule_on_text(kLeadAssignedRule, text));
}

const std::string kGridLead = "  - role: escalation_lead\n    name: Dana Whitfield\n";

}  // namespace

TEST(LeadAssigned, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kLeadAssignedRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(LeadAssigned, FiresWhenTheGridNamesSomeoneElse) {
  const auto found = run_rule(kLeadAssignedRule, "fixtures/rules/lead-assigned.yaml");
  EXPECT_EQ(describe(found),
            std::vector<std::string>{
                "44:11: the stakeholder grid names Jordan Pike as escalation_lead, but the "
                "record's Escalation Lead is Dana Whitfield: the grid and escalation_lead must "
                "name the same single accountable owner"});
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].mark, (Mark{16, 9}));
}

TEST(LeadAssigned, NamesAreComparedIgnoringCaseAndSpaces) {
  EXPECT_TRUE(run(example_with(kGridLead, "  - role: escalation_lead\n    name: \" dana   WHITFIELD \"\n"))
                  .empty());
}

TEST(LeadAssigned, FiresOnAPlaceholderTitle) {
  EXPECT_EQ(run(example_with("  title: Head of Customer Operations", "  title: TBD")),
            std::vector<std::string>{
                "17:10: escalation_lead.title is a placeholder ('TBD'): give the Escalation Lead's "
                "job title (customer updates are signed \"Name, title, direct contact\")"});
}

TEST(LeadAssigned, FiresOnAnEmptyContact) {
  EXPECT_EQ(run(example_with("Operations\n  contact: dana.whitfield@example.com\n", "Operations\n  contact: \"\"\n")),
            std::vector<std::string>{
                "18:12: escalation_lead.contact is empty: give the Escalation Lead's direct "
                "contact (customer updates are signed \"Name, title, direct contact\")"});
}

TEST(LeadAssigned, APlaceholderNameIsOneFindingNotAlsoAMismatch) {
  EXPECT_EQ(run(example_with("  name: Dana Whitfield\n  title:", "  name: \"[Name]\"\n  title:")),
            std::vector<std::string>{"16:9: escalation_lead.name is a placeholder ('[Name]'): "
                                     "assign the single accountable Escalation Lead by name"});
}

TEST(LeadAssigned, OneFindingPerUnfilledField) {
  std::string text = example_with("  name: Dana Whitfield\n  title: Head of Customer Operations\n"
                                  "  contact: dana.whitfield@example.com\n",
                                  "  name: TBD\n  title: TBD\n  contact: TBD\n");
  EXPECT_EQ(run(text).size(), 3u);
}

TEST(LeadAssigned, LeavesTheGridsOwnGapsToStakeholderGrid) {
  // A placeholder name in the grid: stakeholder-grid's finding.
  EXPECT_TRUE(run(example_with(kGridLead, "  - role: escalation_lead\n    name: TBD\n")).empty());
  // No escalation_lead row in the grid at all: stakeholder-grid's finding too.
  EXPECT_TRUE(run(example_with("  - role: escalation_lead\n", "  - role: legal\n")).empty());
}

TEST(LeadAssigned, MissingKeysAreSchemasBusiness) {
  EXPECT_TRUE(run(example_with("  title: Head of Customer Operations\n", "")).empty());
  EXPECT_TRUE(run_rule_on_text(kLeadAssignedRule, "version: 1\n").empty());
}

TEST(LeadAssigned, APreviousLeadNeedsTheirNameTitleAndContact) {
  const std::string lead = "  contact: dana.whitfield@example.com\n\n";
  const std::string handover = "  contact: dana.whitfield@example.com\nprevious_leads:\n  - name: Sam Lee\n"
                               "    title: TBD\n    contact: sam.lee@example.com\n    until: 2026-11-02T08:20:00Z\n\n";
  const auto found = run_rule_on_text(kLeadAssignedRule, example_with(lead, handover));
  EXPECT_EQ(describe(found),
            std::vector<std::string>{"21:12: previous_leads[0].title is a placeholder ('TBD'): the emails sent "
                                     "before this handover are signed \"Escalation Lead: [Name, title, direct "
                                     "contact]\""});
  // Filled in, a handover is fine.
  std::string fine = handover;
  fine.replace(fine.find("TBD"), 3, "Escalation Manager");
  EXPECT_TRUE(run_rule_on_text(kLeadAssignedRule, example_with(lead, fine)).empty());
}
