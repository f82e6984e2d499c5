#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kCommitmentOverdueRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

std::vector<std::string> run(const std::string& text, const char* now = "2026-11-20T12:00:00Z") {
  return describe(run_rule_on_text(kCommitmentOverdueRule, text, *parse_now(now)));
}

}  // namespace

TEST(CommitmentOverdue, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kCommitmentOverdueRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(CommitmentOverdue, FiresOnTheFixture) {
  const auto diags = run_rule(kCommitmentOverdueRule, "fixtures/rules/commitment-overdue.yaml");
  EXPECT_EQ(describe(diags),
            std::vector<std::string>{
                "157:12: commitment #1 (\"Automate certificate renewal for all payment "
                "endpoints\"), owned by Sam Okafor, was due on 2026-11-19 and is 1 day overdue "
                "(now 2026-11-20): deliver it or agree a new date with the customer"});
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].severity, Severity::warning);
}

TEST(CommitmentOverdue, DueTodayIsNotOverdue) {
  const std::string text = read_text("fixtures/ESC-2026-0142.yaml");
  EXPECT_TRUE(run(text, "2026-12-15T00:00:00Z").empty());
  EXPECT_TRUE(run(text, "2026-12-15T23:59:59Z").empty());
  EXPECT_EQ(run(text, "2026-12-16T00:00:00Z"),
            std::vector<std::string>{
                "157:12: commitment #1 (\"Automate certificate renewal for all payment "
                "endpoints\"), owned by Sam Okafor, was due on 2026-12-15 and is 1 day overdue "
                "(now 2026-12-16): deliver it or agree a new date with the customer"});
}

TEST(CommitmentOverdue, OneWarningPerOverdueCommitment) {
  EXPECT_EQ(run(read_text("fixtures/ESC-2026-0142.yaml"), "2027-01-20T09:00:00Z"),
            (std::vector<std::string>{
                "157:12: commitment #1 (\"Automate certificate renewal for all payment "
                "endpoints\"), owned by Sam Okafor, was due on 2026-12-15 and is 36 days overdue "
                "(now 2027-01-20): deliver it or agree a new date with the customer",
                "160:12: commitment #2 (\"Share quarterly availability report with Northwind\"), "
                "owned by Aoife Brennan, was due on 2027-01-10 and is 10 days overdue (now "
                "2027-01-20): deliver it or agree a new date with the customer"}));
}

TEST(CommitmentOverdue, PlaceholderOwnersAreNotNamed) {
  const std::string text = example_with("      owner: Sam Okafor\n      due: 2026-12-15\n",
                                        "      owner: TBD\n      due: 2026-11-19\n");
  EXPECT_EQ(run(text),
            std::vector<std::string>{
                "157:12: commitment #1 (\"Automate certificate renewal for all payment "
                "endpoints\") was due on 2026-11-19 and is 1 day overdue (now 2026-11-20): deliver "
                "it or agree a new date with the customer"});
}

TEST(CommitmentOverdue, WithoutADueDateThereIsNothingToBeLateFor) {
  // (commitment-incomplete reports the missing date.)
  EXPECT_TRUE(run(example_with("      due: 2026-12-15\n", ""), "2026-12-20T00:00:00Z").empty());
}

TEST(CommitmentOverdue, AppliesWhateverTheStatus) {
  std::string text = read_text("fixtures/rules/commitment-overdue.yaml");
  text.replace(text.find("status: resolved"), 16, "status: contained");
  EXPECT_EQ(run(text).size(), 1u);
}

// ---- the done state (issue 14, item 5) -----------------------------------------------------------

TEST(CommitmentOverdue, ADeliveredCommitmentIsNotOverdue) {
  const std::string due = "      due: 2026-12-15\n";
  const std::string text = read_text("fixtures/ESC-2026-0142.yaml");
  const char* later = "2026-12-20T09:00:00Z";
  // done with when and where.
  EXPECT_TRUE(run(replace_once(text, due, due + "      done: true\n      done_at: 2026-12-14\n      reference: OPS-2291\n"), later)
                  .empty());
  // done alone, and done_at alone (a timestamp is taken by its date).
  EXPECT_TRUE(run(replace_once(text, due, due + "      done: true\n"), later).empty());
  EXPECT_TRUE(run(replace_once(text, due, due + "      done_at: 2026-12-16T10:00:00Z\n"), later).empty());
  // The true positive stays: done: false, or nothing, is still open.
  EXPECT_EQ(run(replace_once(text, due, due + "      done: false\n"), later).size(), 1u);
  EXPECT_EQ(run(text, later).size(), 1u);
}

TEST(CommitmentOverdue, DoneKeysAreInTheSchema) {
  const std::string due = "      due: 2026-12-15\n";
  LoadResult loaded = load_record(
      replace_once(read_text("fixtures/ESC-2026-0142.yaml"), due,
                   due + "      done: true\n      done_at: 2026-12-14\n      reference: OPS-2291\n"),
      "r.yaml", ParseLimits{});
  EXPECT_TRUE(loaded.diagnostics.empty());
  ASSERT_TRUE(loaded.record);
  const Commitment& c = (*loaded.record->readout.commitments)[0];
  EXPECT_TRUE(c.is_done());
  EXPECT_EQ(*c.reference, "OPS-2291");
  EXPECT_EQ(*c.done_at, Date{std::chrono::year{2026} / 12 / 14});
  // A wrong type is a schema finding, not silently "not done".
  LoadResult bad = load_record(replace_once(read_text("fixtures/ESC-2026-0142.yaml"), due, due + "      done: yes please\n"),
                               "r.yaml", ParseLimits{});
  ASSERT_EQ(bad.diagnostics.size(), 1u);
  EXPECT_EQ(bad.diagnostics[0].message, "'readout.commitments[0].done' must be true or false, got 'yes please'");
}
