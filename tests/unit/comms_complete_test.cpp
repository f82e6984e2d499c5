#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kCommsCompleteRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

std::vector<std::string> run(const std::string& text) { return describe(run_rule_on_text(kCommsCompleteRule, text)); }

const std::string kTail = ": complete every template field before the email is sent";

}  // namespace

TEST(CommsComplete, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kCommsCompleteRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(CommsComplete, FiresOnTheFixture) {
  EXPECT_EQ(describe(run_rule(kCommsCompleteRule, "fixtures/rules/comms-complete.yaml")),
            std::vector<std::string>{"112:13: the initial notification's impact is a placeholder (\"[Describe known "
                                     "impact clearly and factually]\"), but it fills \"Impact:\" in the initial "
                                     "notification" + kTail});
}

TEST(CommsComplete, PlaceholderTokensInsideText) {
  EXPECT_EQ(run(example_with("is being verified.", "is being verified by TBD.")),
            std::vector<std::string>{"119:15: progress update #1's progress contains the placeholder \"TBD\", but it "
                                     "fills \"Progress since last update:\" in the progress update" + kTail});
  EXPECT_EQ(run(example_with("action: Return traffic to the primary gateway", "action: Return traffic to ____")),
            std::vector<std::string>{"121:15: progress update #1's next_action.action contains the placeholder "
                                     "\"____\", but it fills \"Next action:\" in the progress update" + kTail});
}

TEST(CommsComplete, EmptyValues) {
  // (A bare `resolution_summary:` is found too, but the loader marks an empty plain scalar at the
  // next token, so the quoted form is used here to pin the position.)
  EXPECT_EQ(run(example_with("resolution_summary: The expired TLS certificate on the payment gateway was replaced and "
                             "traffic returned to the primary gateway.",
                             "resolution_summary: \"\"")),
            std::vector<std::string>{"128:25: the resolution notification's resolution_summary is empty, but it fills "
                                     "\"Resolution summary:\" in the resolution notification" + kTail});
  EXPECT_EQ(run(example_with("      - Replaced the expired certificate\n      - Returned",
                             "      - \"  \"\n      - Returned")),
            std::vector<std::string>{"131:9: the resolution notification's actions_taken item 2 is empty, but it fills "
                                     "\"Actions taken:\" in the resolution notification" + kTail});
}

TEST(CommsComplete, WholeValuePlaceholders) {
  EXPECT_EQ(run(example_with("      - Automated certificate renewal for all payment endpoints", "      - n/a")),
            std::vector<std::string>{"135:9: the resolution notification's preventative_measures item 2 is a "
                                     "placeholder (\"n/a\"), but it fills \"Preventative measures:\" in the "
                                     "resolution notification" + kTail});
}

TEST(CommsComplete, TemplateFieldsFromElsewhereInTheRecord) {
  EXPECT_EQ(run(example_with("  name: Northwind Logistics", "  name: \"[ACCOUNT NAME]\"")),
            std::vector<std::string>{"9:9: account.name is a placeholder (\"[ACCOUNT NAME]\"), but it fills [ACCOUNT "
                                     "NAME] in the subject of every customer email" + kTail});
  EXPECT_EQ(run(example_with("title: Card payments declined at EU checkout", "title: Card payments declined at XXX")),
            std::vector<std::string>{"5:8: title contains the placeholder \"XXX\", but it fills [BRIEF DESCRIPTION] in "
                                     "the subject of every customer email" + kTail});
  EXPECT_EQ(run(example_with("summary: card payments", "summary: <issue> card payments")),
            std::vector<std::string>{"6:10: summary contains the placeholder \"<issue>\", but it fills [issue "
                                     "description] in the initial notification" + kTail});
  EXPECT_EQ(run(example_with("    name: Priya Raman", "    name: TBC")),
            std::vector<std::string>{"48:11: the customer primary contact's name is a placeholder (\"TBC\"), but it "
                                     "fills the [Customer Name] greeting of every customer email" + kTail});
}

TEST(CommsComplete, RecordFieldsOnlyOnceThereIsAnEmail) {
  // A new record may still hold the skeleton's placeholders.
  EXPECT_TRUE(run("title: \"[BRIEF DESCRIPTION]\"\nsummary: \"[issue description]\"\naccount: {name: TBD}\n").empty());
  // The [issue description] is only used by the initial notification.
  EXPECT_TRUE(run("summary: TBD\ncommunications:\n  - {type: progress, number: 1, progress: Fixed.}\n").empty());
}

TEST(CommsComplete, OtherRulesFindingsAreNotRepeated) {
  // Owners (owner-missing), the lead's signature (lead-assigned), a missing customer primary
  // contact or contact address (stakeholder-grid) and missing keys (schema) are not ours.
  EXPECT_TRUE(run(example_with("    owner: Dana Whitfield\n    status: contained\n    impact:",
                               "    owner: TBD\n    status: contained\n    impact:"))
                  .empty());
  EXPECT_TRUE(run(example_with("      owner: Sam Okafor\n      eta:", "      owner: \"?\"\n      eta:")).empty());
  EXPECT_TRUE(run(example_with("  title: Head of Customer Operations", "  title: \"[Title]\"")).empty());
  EXPECT_TRUE(run(example_with("    contact: priya.raman@northwind.example", "    contact: TBD")).empty());
  EXPECT_TRUE(run("communications:\n  - {type: initial}\n  - {type: progress}\n  - {type: resolution}\n").empty());
  EXPECT_TRUE(run("communications:\n  - {impact: TBD}\n").empty());
}

TEST(CommsComplete, EmailAddressesAndUrlsAreNotPlaceholders) {
  EXPECT_TRUE(run(example_with("is being verified.", "is being verified (see <https://status.example.com>).")).empty());
}
