#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kCommitmentIncompleteRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

const std::string kFirst =
    "    - commitment: Automate certificate renewal for all payment endpoints\n"
    "      owner: Sam Okafor\n"
    "      due: 2026-12-15\n";

std::vector<std::string> run(const std::string& text) {
  return describe(run_rule_on_text(kCommitmentIncompleteRule, text));
}

}  // namespace

TEST(CommitmentIncomplete, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kCommitmentIncompleteRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(CommitmentIncomplete, FiresOnTheFixture) {
  EXPECT_EQ(describe(run_rule(kCommitmentIncompleteRule, "fixtures/rules/commitment-incomplete.yaml")),
            std::vector<std::string>{
                "158:7: commitment #2 (\"Share quarterly availability report with Northwind\") has "
                "no due date: add `due: YYYY-MM-DD`"});
}

TEST(CommitmentIncomplete, NoOwner) {
  EXPECT_EQ(run(example_with("      owner: Sam Okafor\n      due: 2026-12-15\n", "      due: 2026-12-15\n")),
            std::vector<std::string>{
                "155:7: commitment #1 (\"Automate certificate renewal for all payment endpoints\") "
                "has no owner: add `owner:` naming who delivers it"});
}

TEST(CommitmentIncomplete, NeitherIsOneFinding) {
  EXPECT_EQ(run(example_with(kFirst, "    - commitment: Automate certificate renewal for all payment endpoints\n")),
            std::vector<std::string>{
                "155:7: commitment #1 (\"Automate certificate renewal for all payment endpoints\") "
                "has no owner and no due date: add `owner:` and `due: YYYY-MM-DD`"});
}

TEST(CommitmentIncomplete, LongAndMissingCommitmentTexts) {
  EXPECT_EQ(run(example_with(kFirst,
                             "    - commitment: Automate certificate renewal for every payment, "
                             "refund and settlement endpoint in all regions\n"
                             "      owner: Sam Okafor\n")),
            std::vector<std::string>{
                "155:7: commitment #1 (\"Automate certificate renewal for every payment, "
                "refund...\") has no due date: add `due: YYYY-MM-DD`"});
  EXPECT_EQ(run(example_with(kFirst, "    - owner: Sam Okafor\n")),
            std::vector<std::string>{"155:7: commitment #1 has no due date: add `due: YYYY-MM-DD`"});
}

TEST(CommitmentIncomplete, PlaceholderOwnersAreOwnerMissingsFinding) {
  EXPECT_TRUE(run(example_with("      owner: Sam Okafor\n      due: 2026-12-15\n",
                               "      owner: TBD\n      due: 2026-12-15\n"))
                  .empty());
  EXPECT_TRUE(run(example_with("      owner: Sam Okafor\n      due: 2026-12-15\n",
                               "      owner:\n      due: 2026-12-15\n"))
                  .empty());
}

TEST(CommitmentIncomplete, AnInvalidDueDateIsTheSchemaRulesFinding) {
  EXPECT_TRUE(run(example_with("due: 2026-12-15", "due: next quarter")).empty());
  EXPECT_TRUE(run(example_with("due: 2026-12-15", "due: 2026-02-30")).empty());
}

TEST(CommitmentIncomplete, NoCommitmentsIsFine) {
  std::string text = read_text("fixtures/ESC-2026-0142.yaml");
  text.erase(text.find("  commitments:\n"));
  EXPECT_TRUE(run(text).empty());
  text += "  commitments: []\n";
  EXPECT_TRUE(run(text).empty());
}

TEST(CommitmentIncomplete, AppliesWhateverTheStatus) {
  std::string text = read_text("fixtures/rules/commitment-incomplete.yaml");
  text.replace(text.find("status: resolved"), 16, "status: ongoing");
  EXPECT_EQ(run(text).size(), 1u);
}
