#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kCommsSequenceRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

std::vector<std::string> run(const std::string& text) { return describe(run_rule_on_text(kCommsSequenceRule, text)); }

// Communications, one per line from line 3: "initial 08:45", "progress 1 09:40", "resolution 10:35".
std::string comms(const std::string& status, std::initializer_list<std::string> rows) {
  std::string text = "status: " + status + "\ncommunications:\n";
  for (const std::string& row : rows) {
    std::string type = row.substr(0, row.find(' '));
    std::string rest = row.substr(type.size() + 1);
    std::string number;
    if (type == "progress") {
      number = ", number: " + rest.substr(0, rest.find(' '));
      rest = rest.substr(rest.find(' ') + 1);
    }
    text += "  - {type: " + type + number + ", sent_at: \"2026-11-02T" + rest + ":00Z\"}\n";
  }
  return text;
}

}  // namespace

TEST(CommsSequence, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kCommsSequenceRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(CommsSequence, FiresOnTheFixture) {
  EXPECT_EQ(describe(run_rule(kCommsSequenceRule, "fixtures/rules/comms-sequence.yaml")),
            std::vector<std::string>{"115:13: this progress update is numbered 2 but it is the first one, so it "
                                     "should be #1: number progress updates 1..N in the order sent"});
}

TEST(CommsSequence, AGoodSequencePasses) {
  EXPECT_TRUE(run(comms("resolved", {"initial 08:45", "progress 1 09:40", "progress 2 10:40", "progress 3 10:40",
                                     "resolution 10:40"}))
                  .empty());
  EXPECT_TRUE(run(comms("ongoing", {"initial 08:45"})).empty());
  EXPECT_TRUE(run("status: ongoing\n").empty());
}

TEST(CommsSequence, FirstCommunicationNotInitial) {
  EXPECT_EQ(run(comms("ongoing", {"progress 1 09:40"})),
            std::vector<std::string>{"3:12: the first communication is a progress update, not an initial "
                                     "notification: every escalation starts with the initial notification (list "
                                     "the initial notification first)"});
  EXPECT_EQ(run(comms("ongoing", {"progress 1 08:40", "initial 08:45"})),
            std::vector<std::string>{"3:12: the first communication is a progress update, not an initial "
                                     "notification: every escalation starts with the initial notification (the "
                                     "initial notification is communication #2; communications are listed in "
                                     "the order sent)"});
}

TEST(CommsSequence, SecondInitialNotification) {
  EXPECT_EQ(run(comms("ongoing", {"initial 08:45", "initial 09:40"})),
            std::vector<std::string>{"4:12: communication #2 is a second initial notification: later updates are "
                                     "progress updates, numbered from 1"});
}

TEST(CommsSequence, OneSkippedNumberIsOneFinding) {
  EXPECT_EQ(run(comms("ongoing", {"initial 08:45", "progress 1 09:40", "progress 3 10:40", "progress 4 11:40"})),
            std::vector<std::string>{"5:30: this progress update is numbered 3 but follows progress update #1, so "
                                     "it should be #2: number progress updates 1..N in the order sent"});
  EXPECT_EQ(run(comms("ongoing", {"initial 08:45", "progress 1 09:40", "progress 1 10:40", "progress 2 11:40"})),
            std::vector<std::string>{"5:30: this progress update is numbered 1 but follows progress update #1, so "
                                     "it should be #2: number progress updates 1..N in the order sent"});
}

TEST(CommsSequence, ResolutionMissingOnAResolvedRecord) {
  const std::string message =
      "the record is resolved but has no resolution notification: send the customer the resolution notice "
      "(resolution summary, actions taken, preventative measures and when the PIR will be shared) and record it "
      "here";
  EXPECT_EQ(run(comms("resolved", {"initial 08:45", "progress 1 09:40"})), std::vector<std::string>{"3:3: " + message});
  // Without any communication the finding points at the status.
  EXPECT_EQ(run("status: resolved\n"), std::vector<std::string>{"1:9: " + message});
  // Not on an unresolved record.
  EXPECT_TRUE(run(comms("contained", {"initial 08:45", "progress 1 09:40"})).empty());
}

TEST(CommsSequence, CommunicationListedAfterTheResolution) {
  const auto found =
      run_rule_on_text(kCommsSequenceRule, comms("resolved", {"initial 08:45", "resolution 10:35", "progress 1 10:50"}));
  EXPECT_EQ(describe(found),
            std::vector<std::string>{"5:12: progress update #1 is listed after the resolution notification: the "
                                     "resolution notice is the last communication of an escalation (list "
                                     "communications in the order sent; a new problem is a new escalation)"});
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].mark, (Mark{4, 12}));
  EXPECT_EQ(run(comms("resolved", {"initial 08:45", "resolution 10:35", "resolution 10:50"})),
            std::vector<std::string>{"5:12: a second resolution notification (communication #3) is listed after the "
                                     "resolution notification: the resolution notice is the last communication of "
                                     "an escalation (list communications in the order sent; a new problem is a new "
                                     "escalation)"});
}

TEST(CommsSequence, CommunicationSentAfterTheResolution) {
  EXPECT_EQ(run(comms("resolved", {"initial 08:45", "progress 1 10:50", "resolution 10:35"})),
            std::vector<std::string>{"4:42: progress update #1 was sent at 10:50 UTC, 15 minutes after the resolution "
                                     "notification (10:35 UTC): nothing is sent after the resolution notice; "
                                     "correct the time or the order"});
  // The same minute is not after it.
  EXPECT_TRUE(run("status: resolved\ncommunications:\n"
                  "  - {type: initial, sent_at: 2026-11-02T10:35:30Z}\n"
                  "  - {type: resolution, sent_at: 2026-11-02T10:35:00Z}\n")
                  .empty());
}

TEST(CommsSequence, SentAtGoingBackwards) {
  EXPECT_EQ(run(comms("ongoing", {"initial 08:45", "progress 1 10:40", "progress 2 09:40"})),
            std::vector<std::string>{"5:42: progress update #2 was sent at 09:40 UTC, 1 hour before progress update #1, "
                                     "listed above it (sent at 10:40 UTC): list communications in the order sent, "
                                     "or correct the time"});
  // One misdated update in the middle is one finding.
  EXPECT_EQ(run(comms("ongoing", {"initial 08:45", "progress 1 07:40", "progress 2 10:40"})),
            std::vector<std::string>{"4:42: progress update #1 was sent at 07:40 UTC, 1 hour 5 minutes before the "
                                     "initial notification, listed above it (sent at 08:45 UTC): list "
                                     "communications in the order sent, or correct the time"});
  // Equal times keep the order.
  EXPECT_TRUE(run(comms("ongoing", {"initial 08:45", "progress 1 08:45"})).empty());
}

TEST(CommsSequence, MisdatedUpdateBeforeTheResolutionIsReportedOnce) {
  EXPECT_EQ(run(comms("resolved", {"initial 08:45", "progress 1 10:50", "progress 2 10:00", "resolution 10:35"})),
            std::vector<std::string>{"4:42: progress update #1 was sent at 10:50 UTC, 15 minutes after the resolution "
                                     "notification (10:35 UTC): nothing is sent after the resolution notice; "
                                     "correct the time or the order"});
}

TEST(CommsSequence, MissingValuesAreSchemasFindings) {
  EXPECT_TRUE(run("status: ongoing\ncommunications:\n"
                  "  - {sent_at: 2026-11-02T08:45:00Z}\n"
                  "  - {type: progress, sent_at: 2026-11-02T09:45:00Z}\n"
                  "  - {type: progress, number: 2}\n")
                  .empty());
  // A number below 1 is reported by the schema rule ("must be at least 1").
  EXPECT_TRUE(run(comms("ongoing", {"initial 08:45", "progress 0 09:40", "progress 2 10:40"})).empty());
}
