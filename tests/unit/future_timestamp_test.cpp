#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kFutureTimestampRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

std::vector<std::string> run(const std::string& text, Instant now = example_now()) {
  return describe(run_rule_on_text(kFutureTimestampRule, text, now));
}

const std::string kTail =
    ": it records something that already happened, so it cannot be in the future; correct the date and time";

}  // namespace

TEST(FutureTimestamp, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kFutureTimestampRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(FutureTimestamp, FiresOnTheFixture) {
  EXPECT_EQ(describe(run_rule(kFutureTimestampRule, "fixtures/rules/future-timestamp.yaml")),
            std::vector<std::string>{"107:9: the time of the timeline event \"Northwind's CTO joined the bridge "
                                     "call\" is 2 Dec 2026 09:10 UTC, 11 days 21 hours after now (20 Nov 2026 "
                                     "12:00 UTC)" + kTail});
}

TEST(FutureTimestamp, ExactlyNowPasses) {
  const std::string text = "owners_confirmed_at: 2026-11-20T12:00:00Z\n";
  EXPECT_TRUE(run(text).empty());
  EXPECT_EQ(run(text, *parse_now("2026-11-20T11:59:59Z")),
            std::vector<std::string>{"1:22: owners_confirmed_at is 20 Nov 2026 12:00 UTC, 1 second after now (20 "
                                     "Nov 2026 11:59 UTC)" + kTail});
}

TEST(FutureTimestamp, EveryPastEventIsCheckedAndManyAreOneFinding) {
  // The example checked at a clock before the escalation began: 9 milestones, 3 sent_at,
  // facts.confirmed_at and owners_confirmed_at are one finding (the clock is the likely
  // mistake) with a note at each of the other 13; pir.delivered_at is its own.
  Config config;
  auto diags = run_rule_on_text(kFutureTimestampRule, read_text("fixtures/ESC-2026-0142.yaml"),
                                *parse_now("2026-11-01T00:00:00Z"), config);
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_EQ(describe(diags)[0],
            "37:17: 14 past events are stamped after now (1 Nov 2026 00:00 UTC), starting with facts.confirmed_at at "
            "2 Nov 2026 08:38 UTC: if --now is right (it defaults to the current time), correct these dates");
  ASSERT_EQ(diags[0].notes.size(), 13u);
  EXPECT_EQ(diags[0].notes[0].message, "owners_confirmed_at is 2 Nov 2026 08:30 UTC");
  EXPECT_EQ(diags[0].notes[1].message, "the first_signal milestone's time is 2 Nov 2026 08:00 UTC");
  EXPECT_EQ(describe(diags)[1], "141:17: pir.delivered_at is 2026-11-12, after today (2026-11-01 UTC): a PIR cannot "
                                "have been delivered in the future; correct the date, or remove it until the PIR is "
                                "delivered");
}

TEST(FutureTimestamp, ThreeAreStillThreeFindings) {
  auto text = example_with("owners_confirmed_at: 2026-11-02T08:30:00Z", "owners_confirmed_at: 2026-12-02T08:30:00Z");
  text = replace_once(text, "  confirmed_at: 2026-11-02T08:38:00Z", "  confirmed_at: 2026-12-02T08:38:00Z");
  text = replace_once(text, "    at: 2026-11-03T09:00:00Z", "    at: 2026-12-03T09:00:00Z");
  EXPECT_EQ(run(text).size(), 3u);
}

TEST(FutureTimestamp, PromisesAndPlansAreNeverChecked) {
  // next_update_by, eta, pir.scheduled_for, pir_share_by and commitment due dates lie ahead.
  EXPECT_TRUE(run("communications:\n"
                  "  - type: progress\n"
                  "    sent_at: 2026-11-20T11:00:00Z\n"
                  "    next_action: {action: Fix, owner: Sam, eta: 2026-11-21T10:00:00Z}\n"
                  "    next_update_by: 2026-11-20T13:00:00Z\n"
                  "  - {type: resolution, sent_at: 2026-11-20T11:30:00Z, pir_share_by: 2026-12-04}\n"
                  "pir: {scheduled_for: 2026-11-25T14:00:00Z}\n"
                  "readout: {commitments: [{commitment: Renew, owner: Sam, due: 2026-12-15}]}\n")
                  .empty());
}

TEST(FutureTimestamp, DeliveredTodayPasses) {
  // A date is compared with now's UTC date; a timestamp is compared by its UTC date.
  EXPECT_TRUE(run("pir: {delivered_at: 2026-11-20}\n").empty());
  EXPECT_TRUE(run("pir: {delivered_at: 2026-11-20T23:30:00Z}\n").empty());
  EXPECT_EQ(run("pir: {delivered_at: 2026-11-21}\n"),
            std::vector<std::string>{"1:21: pir.delivered_at is 2026-11-21, after today (2026-11-20 UTC): a PIR "
                                     "cannot have been delivered in the future; correct the date, or remove it "
                                     "until the PIR is delivered"});
}

TEST(FutureTimestamp, MilestoneAndCommunicationNames) {
  EXPECT_EQ(run("timeline:\n"
                "  - {milestone: containment, at: 2026-11-21T08:35:00Z}\n"
                "communications:\n"
                "  - {type: progress, number: 3, sent_at: 2026-11-20T12:30:00Z}\n"),
            (std::vector<std::string>{
                "2:34: the containment milestone's time is 21 Nov 2026 08:35 UTC, 20 hours 35 minutes after now (20 "
                "Nov 2026 12:00 UTC)" + kTail,
                "4:42: progress update #3's sent_at is 20 Nov 2026 12:30 UTC, 30 minutes after now (20 Nov 2026 "
                "12:00 UTC)" + kTail}));
}
