#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kOwnerMissingRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

std::vector<std::string> run(const std::string& text) {
  return describe(run_rule_on_text(kOwnerMissingRule, text));
}

}  // namespace

TEST(OwnerMissing, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kOwnerMissingRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(OwnerMissing, FiresOnAPlaceholderMilestoneOwner) {
  EXPECT_EQ(describe(run_rule(kOwnerMissingRule, "fixtures/rules/owner-missing.yaml")),
            std::vector<std::string>{"80:12: the owner of the 'Triage completed' milestone is a "
                                     "placeholder ('TBD'): name the person who owns it"});
}

TEST(OwnerMissing, TimelineConfirmedBy) {
  EXPECT_EQ(run(example_with("    at: 2026-11-02T08:00:00Z\n    confirmed_by: Sam Okafor",
                             "    at: 2026-11-02T08:00:00Z\n    confirmed_by: unknown")),
            std::vector<std::string>{"71:19: confirmed_by of the 'First signal / alert raised' "
                                     "milestone is a placeholder ('unknown'): name the person who "
                                     "confirmed it"});
}

TEST(OwnerMissing, EventRowOwner) {
  const std::string text = example_with(
      "communications:\n",
      "  - event: Status page updated\n    at: 2026-11-03T10:00:00Z\n    owner: \"?\"\n\ncommunications:\n");
  EXPECT_EQ(run(text), std::vector<std::string>{"109:12: the owner of the timeline event 'Status "
                                                "page updated' is a placeholder ('?'): name the "
                                                "person who owns it"});
}

TEST(OwnerMissing, FactsConfirmedBy) {
  EXPECT_EQ(run(example_with("  confirmed_by: Sam Okafor\n  confirmed_at", "  confirmed_by: TBC\n  confirmed_at")),
            std::vector<std::string>{"36:17: facts.confirmed_by is a placeholder ('TBC'): name "
                                     "the technical owner who confirmed the facts in writing"});
}

TEST(OwnerMissing, StakeholderOwner) {
  EXPECT_EQ(run(example_with("    contact: priya.raman@northwind.example\n    owner: Dana Whitfield",
                             "    contact: priya.raman@northwind.example\n    owner: n/a")),
            std::vector<std::string>{
                "50:12: the owner of the Customer Primary Contact (Priya Raman) in the stakeholder "
                "grid is a placeholder ('n/a'): confirm who owns this relationship (all owners "
                "must be confirmed before the first customer update)"});
}

TEST(OwnerMissing, CommunicationOwner) {
  EXPECT_EQ(run(example_with("    sent_at: 2026-11-02T09:40:00Z\n    owner: Dana Whitfield",
                             "    sent_at: 2026-11-02T09:40:00Z\n    owner: \"\"")),
            std::vector<std::string>{"117:12: the owner of progress update #1 is empty: name the "
                                     "person who sent it"});
  EXPECT_EQ(run(example_with("    sent_at: 2026-11-02T08:45:00Z\n    owner: Dana Whitfield",
                             "    sent_at: 2026-11-02T08:45:00Z\n    owner: none")),
            std::vector<std::string>{"110:12: the owner of the initial notification is a "
                                     "placeholder ('none'): name the person who sent it"});
}

TEST(OwnerMissing, NextActionOwner) {
  EXPECT_EQ(run(example_with("      owner: Sam Okafor\n      eta", "      owner: \"[Engineer]\"\n      eta")),
            std::vector<std::string>{"122:14: the owner of the next action in progress update #1 "
                                     "is a placeholder ('[Engineer]'): the template needs a "
                                     "specific action, owner and ETA"});
}

TEST(OwnerMissing, CommitmentOwner) {
  EXPECT_EQ(run(example_with("      owner: Aoife Brennan", "      owner: _____")),
            std::vector<std::string>{"159:14: the owner of the commitment 'Share quarterly "
                                     "availability report with Northwind' is a placeholder "
                                     "('_____'): every follow-up commitment needs a named owner"});
}

TEST(OwnerMissing, LongCommitmentsAreShortenedInTheMessage) {
  const std::string text = example_with(
      "    - commitment: Share quarterly availability report with Northwind\n      owner: Aoife Brennan",
      "    - commitment: Share a quarterly availability report with Northwind's operations director every quarter\n"
      "      owner: TBD");
  EXPECT_EQ(run(text), std::vector<std::string>{
                           "159:14: the owner of the commitment 'Share a quarterly availability "
                           "report with Northwind's op...' is a placeholder ('TBD'): every "
                           "follow-up commitment needs a named owner"});
}

TEST(OwnerMissing, OneFindingPerField) {
  const std::string text = example_with("    confirmed_by: Aoife Brennan\n    owner: Dana Whitfield",
                                        "    confirmed_by: TBD\n    owner: TBD");
  EXPECT_EQ(run(text).size(), 2u);
}

TEST(OwnerMissing, AbsentKeysAreNotThisRulesBusiness) {
  // A commitment without an owner key: commitment-incomplete.
  EXPECT_TRUE(run(example_with("      owner: Aoife Brennan\n", "")).empty());
  // A row without owner: schema (required).
  EXPECT_TRUE(run(example_with("    confirmed_by: Aoife Brennan\n    owner: Dana Whitfield\n",
                               "    confirmed_by: Aoife Brennan\n"))
                  .empty());
}

TEST(OwnerMissing, RealNamesAreNotPlaceholders) {
  EXPECT_TRUE(run(example_with("      owner: Aoife Brennan", "      owner: Nil Tbd-Okafor")).empty());
}
