#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kUpdateCadenceRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

// One initial notification (line 3) sent at `sent` promising `promise`.
std::string initial(const std::string& severity, const std::string& sent, const std::string& promise) {
  return "severity: " + severity + "\ncommunications:\n  - {type: initial, sent_at: " + sent +
         ", next_update_by: " + promise + "}\n";
}

std::vector<std::string> run(const std::string& text, const Config& config = Config{}) {
  return describe(run_rule_on_text(kUpdateCadenceRule, text, example_now(), config));
}

}  // namespace

TEST(UpdateCadence, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kUpdateCadenceRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(UpdateCadence, FiresOnTheFixture) {
  const auto found = run_rule(kUpdateCadenceRule, "fixtures/rules/update-cadence.yaml");
  EXPECT_EQ(describe(found),
            std::vector<std::string>{"113:21: the initial notification promises the next update by 09:46 UTC, 1 hour "
                                     "1 minute after it was sent at 08:45 UTC, but the P1 cadence is 1 hour: promise "
                                     "an update by 09:45 UTC at the latest"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::warning);
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].mark, (Mark{109, 14}));
}

TEST(UpdateCadence, ExactlyOneCadenceAwayPasses) {
  EXPECT_TRUE(run(initial("P2", "2026-11-02T08:45:00Z", "2026-11-02T12:45:00Z")).empty());
  EXPECT_TRUE(run(initial("P2", "2026-11-02T08:45:00Z", "2026-11-02T12:45:59Z")).empty());
  EXPECT_EQ(run(initial("P2", "2026-11-02T08:45:00Z", "2026-11-02T12:46:00Z")),
            std::vector<std::string>{"3:68: the initial notification promises the next update by 12:46 UTC, 4 hours "
                                     "1 minute after it was sent at 08:45 UTC, but the P2 cadence is 4 hours: "
                                     "promise an update by 12:45 UTC at the latest"});
}

TEST(UpdateCadence, P3IsTheSameTimeOnTheNextBusinessDay) {
  // Friday 6 Nov 2026 16:00 -> Monday 9 Nov 16:00.
  EXPECT_TRUE(run(initial("P3", "2026-11-06T16:00:00Z", "2026-11-09T16:00:00Z")).empty());
  EXPECT_EQ(run(initial("P3", "2026-11-06T16:00:00Z", "2026-11-09T16:01:00Z")),
            std::vector<std::string>{"3:68: the initial notification promises the next update by 9 Nov 2026 16:01 "
                                     "UTC, 3 days 1 minute after it was sent at 6 Nov 2026 16:00 UTC, but the P3 "
                                     "cadence is 1 business day: promise an update by 9 Nov 2026 16:00 UTC at the "
                                     "latest"});
}

TEST(UpdateCadence, BankHolidaysAreSkipped) {
  // Thursday 24 Dec 2026 -> Tuesday 29 Dec (Christmas and the Boxing Day substitute skipped).
  EXPECT_TRUE(run(initial("P3", "2026-12-24T10:00:00Z", "2026-12-29T10:00:00Z")).empty());
  Config none;
  none.calendar = CalendarKind::none;
  EXPECT_EQ(run(initial("P3", "2026-12-24T10:00:00Z", "2026-12-29T10:00:00Z"), none),
            std::vector<std::string>{"3:68: the initial notification promises the next update by 29 Dec 2026 10:00 "
                                     "UTC, 5 days after it was sent at 24 Dec 2026 10:00 UTC, but the P3 cadence is "
                                     "1 business day: promise an update by 25 Dec 2026 10:00 UTC at the latest"});
  Config extra;
  extra.calendar = CalendarKind::none;
  extra.holidays = {*parse_date("2026-12-25")};
  EXPECT_EQ(run(initial("P3", "2026-12-24T10:00:00Z", "2026-12-29T10:00:00Z"), extra),
            std::vector<std::string>{"3:68: the initial notification promises the next update by 29 Dec 2026 10:00 "
                                     "UTC, 5 days after it was sent at 24 Dec 2026 10:00 UTC, but the P3 cadence is "
                                     "1 business day: promise an update by 28 Dec 2026 10:00 UTC at the latest"});
}

TEST(UpdateCadence, ConfiguredCadence) {
  Config config;
  config.cadence[static_cast<int>(Priority::P1)] = *parse_duration("30m");
  const std::string text = initial("P1", "2026-11-02T08:45:00Z", "2026-11-02T09:45:00Z");
  EXPECT_TRUE(run(text).empty());
  EXPECT_EQ(run(text, config),
            std::vector<std::string>{"3:68: the initial notification promises the next update by 09:45 UTC, 1 hour "
                                     "after it was sent at 08:45 UTC, but the P1 cadence is 30 minutes: promise an "
                                     "update by 09:15 UTC at the latest"});
  config.cadence[static_cast<int>(Priority::P1)] = *parse_duration("2bd");
  EXPECT_TRUE(run(initial("P1", "2026-11-06T08:45:00Z", "2026-11-10T08:45:00Z"), config).empty());
}

TEST(UpdateCadence, EveryPromiseIsChecked) {
  EXPECT_EQ(run("severity: P1\ncommunications:\n"
                "  - {type: initial, sent_at: 2026-11-02T08:45:00Z, next_update_by: 2026-11-02T09:45:00Z}\n"
                "  - {type: progress, number: 1, sent_at: 2026-11-02T09:40:00Z, next_update_by: 2026-11-02T11:40:00Z}\n"
                "  - {type: resolution, sent_at: 2026-11-02T10:35:00Z}\n"),
            std::vector<std::string>{"4:80: progress update #1 promises the next update by 11:40 UTC, 2 hours after it "
                                     "was sent at 09:40 UTC, but the P1 cadence is 1 hour: promise an update by "
                                     "10:40 UTC at the latest"});
}

TEST(UpdateCadence, MissingSeverityIsSchemasFinding) {
  EXPECT_TRUE(run("communications:\n  - {type: initial, sent_at: 2026-11-02T08:45:00Z, next_update_by: "
                  "2026-11-09T09:45:00Z}\n")
                  .empty());
}
