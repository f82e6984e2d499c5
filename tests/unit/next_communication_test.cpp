// The model's answer to "what does the customer get next, and is the record ready for it?"
#include <gtest/gtest.h>

#include "load/loader.h"
#include "model/next_communication.h"
#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kFactsBeforeNotificationRule;
extern const RuleInfo kOwnerMissingRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

std::vector<std::string> whats(const std::vector<model::Missing>& missing) {
  std::vector<std::string> out;
  for (const model::Missing& m : missing) out.push_back(m.what);
  return out;
}

}  // namespace

TEST(NextCommunication, InitialWhenNothingIsSent) {
  const auto next = model::next_communication(record_from_text(read_text("tests/data/next/ESC-2026-0301.yaml")));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->type, CommType::initial);
  EXPECT_EQ(next->index, 0u);
  EXPECT_EQ(next->name(), "initial notification");
}

TEST(NextCommunication, TheNextNumberedProgressUpdate) {
  const auto next = model::next_communication(record_from_text(read_text("tests/data/next/ESC-2026-0302.yaml")));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->type, CommType::progress);
  EXPECT_EQ(next->number, 2);
  EXPECT_EQ(next->index, 2u);
  EXPECT_EQ(next->name(), "progress update #2");
}

TEST(NextCommunication, NoNumberPastTheLastARecordHolds) {
  std::string text = read_text("tests/data/next/ESC-2026-0302.yaml");
  const std::size_t at = text.find("    number: 1\n");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 13, "    number: 9999");
  const auto next = model::next_communication(record_from_text(text));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->number, 10000);
  ASSERT_TRUE(next->out_of_numbers);
  EXPECT_EQ(next->out_of_numbers->path, "communications[1].number");
  EXPECT_EQ(next->out_of_numbers->mark, (Mark{102, 13}));
  // One below the limit, the next number is still there to draft.
  text.replace(at, 16, "    number: 9998");
  EXPECT_FALSE(model::next_communication(record_from_text(text))->out_of_numbers);
}

TEST(NextCommunication, ResolutionOnceResolved) {
  const auto next = model::next_communication(record_from_text(read_text("tests/data/next/ESC-2026-0303.yaml")));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->type, CommType::resolution);
  EXPECT_EQ(next->name(), "resolution notification");
}

TEST(NextCommunication, NothingAfterTheResolutionNotification) {
  EXPECT_FALSE(model::next_communication(record_from_text(read_text("fixtures/ESC-2026-0142.yaml"))));
}

TEST(NextCommunication, TheSameNameAsAWrittenCommunication) {
  const Record r = record_from_text(read_text("fixtures/ESC-2026-0142.yaml"));
  EXPECT_EQ(describe_communication(r.comms()[1]), describe_communication(CommType::progress, 1));
  EXPECT_EQ(describe_communication(r.comms()[2]), describe_communication(CommType::resolution, std::nullopt));
}

TEST(MissingBeforeCommunication, ReadyRecordsLackNothing) {
  EXPECT_TRUE(model::missing_before_communication(record_from_text(read_text("tests/data/next/ESC-2026-0301.yaml")),
                                                  CommType::initial).empty());
  EXPECT_TRUE(model::missing_before_communication(record_from_text(read_text("tests/data/next/ESC-2026-0303.yaml")),
                                                  CommType::resolution).empty());
}

TEST(MissingBeforeCommunication, FactsAndOwnersNotConfirmed) {
  const Record r = record_from_text(read_text("tests/data/next/ESC-2026-0304.yaml"));
  const auto missing = model::missing_before_communication(r, CommType::initial);
  EXPECT_EQ(whats(missing),
            (std::vector<std::string>{
                "facts.confirmed_by (the technical owner who confirmed the facts in writing) is missing",
                "facts.confirmation_ref (where the written confirmation is) is missing",
                "owners_confirmed_at (when every owner in the stakeholder grid was confirmed) is missing",
                "the owner of the Customer Executive Sponsor (Tomás Ferreira) in the stakeholder grid is a "
                "placeholder ('TBD')"}));
  EXPECT_EQ(whats(model::facts_or_owners_unconfirmed(r)), whats(missing));
}

TEST(MissingBeforeCommunication, AResolutionNeedsItsMilestones) {
  const std::string text = read_text("tests/data/next/ESC-2026-0303.yaml");
  const Record r = record_from_text(replace_once(text, "  - milestone: resolution_confirmed\n    at: 2026-11-02T10:20:00Z\n",
                                     "  - milestone: resolution_confirmed\n"));
  EXPECT_EQ(whats(model::missing_before_communication(r, CommType::resolution)),
            (std::vector<std::string>{"the resolution_confirmed milestone (\"resolved as of [resolution "
                                      "timestamp]\") is missing"}));
}

TEST(MissingBeforeCommunication, APlaceholderConfirmedByBesideAList) {
  // owner-missing reports `confirmed_by: TBD` whether or not a list is there: `next` must not
  // call the record ready for what `check` will report once it is sent.
  const std::string text = example_with(
      "  status: contained\n  confirmed_by: Sam Okafor\n",
      "  status: contained\n  confirmed_by: TBD\n  confirmations:\n    - confirmed_by: Sam Okafor\n"
      "      confirmed_at: 2026-11-02T08:38:00Z\n      confirmation_ref: \"Email from Sam Okafor, 08:38 UTC\"\n");
  EXPECT_EQ(run_rule_on_text(kOwnerMissingRule, text).size(), 1u);
  EXPECT_TRUE(run_rule_on_text(kFactsBeforeNotificationRule, text).empty());  // one finding, not two
  EXPECT_EQ(whats(model::facts_or_owners_unconfirmed(record_from_text(text))),
            (std::vector<std::string>{
                "facts.confirmed_by (the technical owner who confirmed the facts in writing) is a placeholder ('TBD')"}));
}

// Beside a list of confirmations the single facts.confirmation_ref is optional, but written as a
// placeholder it points nowhere: facts-before-notification says so once a communication has
// gone, and `next` holds the first one back for the same reason (the model's one answer).
TEST(MissingBeforeCommunication, APlaceholderConfirmationRefBesideAList) {
  const std::string text = example_with(
      "  confirmation_ref: \"Email from Sam Okafor to Dana Whitfield, 08:38 UTC\"\n",
      "  confirmation_ref: TBD\n  confirmations:\n    - confirmed_by: Sam Okafor\n"
      "      confirmed_at: 2026-11-02T08:38:00Z\n      confirmation_ref: \"Email from Sam Okafor, 08:38 UTC\"\n");
  EXPECT_EQ(describe(run_rule_on_text(kFactsBeforeNotificationRule, text)),
            (std::vector<std::string>{
                "38:21: facts are not confirmed before the initial notification (sent at 2 Nov 2026 08:45 UTC): "
                "confirmation_ref is a placeholder ('TBD'); the playbook asks for written confirmation from the "
                "technical owner before stating facts to the customer"}));
  EXPECT_EQ(whats(model::facts_or_owners_unconfirmed(record_from_text(text))),
            (std::vector<std::string>{"facts.confirmation_ref (where the written confirmation is) is a placeholder ('TBD')"}));
}

// Each gap is said with where it is: an entry of the confirmations list by its path, a value by
// its state (missing, empty, a placeholder), the affected list by what is wrong with it. The
// written confirmation comes first (the playbook's condition), then what it confirms.
TEST(MissingBeforeCommunication, EveryGapIsSaidWithItsEntryAndState) {
  const std::string text = example_with(
      "  root_cause: An expired TLS certificate on the payment gateway caused every authorisation call to fail.\n"
      "  root_cause_status: confirmed  # confirmed | hypothesis\n"
      "  affected: [payment-gateway, eu-checkout]\n"
      "  status: contained\n"
      "  confirmed_by: Sam Okafor\n"
      "  confirmed_at: 2026-11-02T08:38:00Z\n"
      "  confirmation_ref: \"Email from Sam Okafor to Dana Whitfield, 08:38 UTC\"\n",
      "  root_cause: TBD\n"
      "  root_cause_status: confirmed\n"
      "  affected: [TBD, \"?\"]\n"
      "  confirmations:\n"
      "    - confirmed_by: Sam Okafor\n"
      "      confirmed_at: 2026-11-02T08:38:00Z\n"
      "      confirmation_ref: \"Email from Sam Okafor, 08:38 UTC\"\n"
      "    - confirmed_by: \"  \"\n"
      "      confirmation_ref: TBC\n");
  EXPECT_EQ(whats(model::facts_or_owners_unconfirmed(record_from_text(text))),
            (std::vector<std::string>{
                "facts.confirmations[1].confirmed_by is empty",
                "facts.confirmations[1].confirmed_at is missing",
                "facts.confirmations[1].confirmation_ref is a placeholder ('TBC')",
                "facts.affected (the affected systems, services or processes) lists only placeholders",
                "facts.status (ongoing, contained or resolved) is missing",
                "facts.root_cause is a placeholder ('TBD')"}));
}

TEST(MissingBeforeCommunication, AnEmptyAffectedListAndNoFactsAtAll) {
  EXPECT_EQ(whats(model::facts_or_owners_unconfirmed(
                record_from_text(example_with("  affected: [payment-gateway, eu-checkout]\n", "  affected: []\n")))),
            (std::vector<std::string>{"facts.affected (the affected systems, services or processes) is empty"}));
  const std::string text = read_text("fixtures/ESC-2026-0142.yaml");
  const std::size_t from = text.find("facts:\n"), to = text.find("owners_confirmed_at:");
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  EXPECT_EQ(whats(model::facts_or_owners_unconfirmed(record_from_text(text.substr(0, from) + text.substr(to)))),
            (std::vector<std::string>{
                "facts (root cause, affected systems, status, and who confirmed them in writing, when and where)"}));
}
