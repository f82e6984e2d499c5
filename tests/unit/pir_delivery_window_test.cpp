#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kPirDeliveryWindowRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

std::string delivered(const std::string& delivered_at) {
  return example_with("delivered_at: 2026-11-12", "delivered_at: " + delivered_at);
}

// The example before the PIR was delivered.
std::string undelivered() {
  return example_with("  delivered_at: 2026-11-12\n  lessons_logged: true\n", "  lessons_logged: false\n");
}

std::vector<std::string> run(const std::string& text, const char* now = "2026-11-20T12:00:00Z",
                             const Config& config = Config{}) {
  return describe(run_rule_on_text(kPirDeliveryWindowRule, text, *parse_now(now), config));
}

}  // namespace

TEST(PirDeliveryWindow, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kPirDeliveryWindowRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(PirDeliveryWindow, FiresOnTheFixture) {
  const auto diags = run_rule(kPirDeliveryWindowRule, "fixtures/rules/pir-delivery-window.yaml");
  EXPECT_EQ(describe(diags),
            std::vector<std::string>{
                "141:17: the written PIR was delivered on 2026-11-17, later than 2026-11-16, the "
                "10th business day after resolution on 2 Nov 2026 (england-and-wales calendar)"});
  ASSERT_EQ(diags.size(), 1u);
  ASSERT_EQ(diags[0].notes.size(), 1u);
  EXPECT_EQ(diags[0].notes[0].mark, (Mark{95, 9}));
}

TEST(PirDeliveryWindow, TheTenthBusinessDayIsInTime) {
  EXPECT_TRUE(run(delivered("2026-11-16")).empty());
  // A timestamp is compared by its UTC date.
  EXPECT_TRUE(run(delivered("2026-11-16T23:59:00Z")).empty());
  EXPECT_TRUE(run(delivered("2026-11-17T00:30:00+01:00")).empty());
  EXPECT_EQ(run(delivered("2026-11-17T00:00:00Z")).size(), 1u);
}

TEST(PirDeliveryWindow, UndeliveredPastTheDeadline) {
  EXPECT_TRUE(run(undelivered(), "2026-11-16T23:59:59Z").empty());
  EXPECT_EQ(run(undelivered(), "2026-11-17T00:00:00Z"),
            std::vector<std::string>{
                "139:3: the written PIR has not been delivered (no pir.delivered_at) and was due by "
                "2026-11-16, the 10th business day after resolution on 2 Nov 2026 "
                "(england-and-wales calendar); deliver it and record the date"});
}

TEST(PirDeliveryWindow, UndeliveredWithoutAPirSectionPointsAtTheRecord) {
  const std::string text = example_with(
      "pir:\n"
      "  scheduled_for: 2026-11-05T14:00:00Z\n"
      "  attendees: [escalation_lead, engineering_lead, csm, customer_primary]\n"
      "  delivered_at: 2026-11-12\n"
      "  lessons_logged: true\n",
      "");
  ASSERT_EQ(run(text).size(), 1u);
  EXPECT_EQ(run(text)[0].substr(0, 4), "3:1:");
}

TEST(PirDeliveryWindow, UndeliveredOnlyMattersOnceResolved) {
  EXPECT_TRUE(run(replace_once(undelivered(), "status: resolved", "status: contained")).empty());
}

TEST(PirDeliveryWindow, HolidaysMoveTheDeadline) {
  // Resolved Wed 23 Dec 2026: the 10th business day is Mon 11 Jan 2027 (england-and-wales) or
  // Wed 6 Jan 2027 (weekends only).
  const std::string text = replace_once(delivered("2027-01-11"), "    at: 2026-11-02T10:20:00Z\n",
                                    "    at: 2026-12-23T10:20:00Z\n");
  EXPECT_TRUE(run(text).empty());
  Config none;
  none.calendar = CalendarKind::none;
  EXPECT_EQ(run(text, "2026-11-20T12:00:00Z", none),
            std::vector<std::string>{
                "141:17: the written PIR was delivered on 2027-01-11, later than 2027-01-06, the "
                "10th business day after resolution on 23 Dec 2026 (calendar none: weekends only)"});
}

TEST(PirDeliveryWindow, SilentWithoutAResolutionTimestamp) {
  const std::string text =
      replace_once(delivered("2026-12-30"), "    at: 2026-11-02T10:20:00Z\n", "");
  EXPECT_TRUE(run(text).empty());
}
