#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kTriageWindowRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

std::string edit(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  if (pos == std::string::npos || text.find(from, pos + 1) != std::string::npos)
    throw std::runtime_error("edit: '" + from + "' must occur exactly once");
  return text.replace(pos, from.size(), to);
}

const std::string kSignal = "    at: 2026-11-02T08:00:00Z";
const std::string kTriaged = "    at: 2026-11-02T08:13:00Z";

std::vector<std::string> triaged_at(const std::string& at, const Config& config = Config{}) {
  return describe(run_rule_on_text(kTriageWindowRule, example_with(kTriaged, "    at: " + at),
                                   example_now(), config));
}

Config window(const std::string& text) {
  Config c;
  c.triage_window = *parse_duration(text);
  return c;
}

}  // namespace

TEST(TriageWindow, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kTriageWindowRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(TriageWindow, FiresSeventeenMinutesAfterTheSignal) {
  const auto found = run_rule(kTriageWindowRule, "fixtures/rules/triage-window.yaml");
  EXPECT_EQ(describe(found),
            std::vector<std::string>{"78:9: triage was completed at 08:17 UTC, 17 minutes after "
                                     "the first signal at 08:00 UTC; the playbook allows 15 minutes"});
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].mark, (Mark{70, 9}));
  EXPECT_EQ(found[0].notes[0].message, "first signal here");
}

TEST(TriageWindow, ExactlyFifteenMinutesPasses) {
  EXPECT_TRUE(triaged_at("2026-11-02T08:15:00Z").empty());
  // Compared to the minute, as the timeline is kept.
  EXPECT_TRUE(triaged_at("2026-11-02T08:15:59Z").empty());
  EXPECT_EQ(triaged_at("2026-11-02T08:16:00Z"),
            std::vector<std::string>{"78:9: triage was completed at 08:16 UTC, 16 minutes after "
                                     "the first signal at 08:00 UTC; the playbook allows 15 minutes"});
}

TEST(TriageWindow, ConfiguredWindow) {
  EXPECT_TRUE(triaged_at("2026-11-02T08:30:00Z", window("30m")).empty());
  EXPECT_EQ(triaged_at("2026-11-02T08:31:00Z", window("30m")),
            std::vector<std::string>{"78:9: triage was completed at 08:31 UTC, 31 minutes after "
                                     "the first signal at 08:00 UTC; the configured triage window "
                                     "is 30 minutes"});
  EXPECT_EQ(triaged_at("2026-11-02T08:13:00Z", window("10m")),
            std::vector<std::string>{"78:9: triage was completed at 08:13 UTC, 13 minutes after "
                                     "the first signal at 08:00 UTC; the configured triage window "
                                     "is 10 minutes"});
}

TEST(TriageWindow, BusinessDayWindowSkipsTheWeekend) {
  // First signal on Friday 6 November 2026: one business day runs to Monday at the same time.
  const std::string friday = example_with(kSignal, "    at: 2026-11-06T08:00:00Z");
  const auto run = [&](const std::string& at) {
    return describe(run_rule_on_text(kTriageWindowRule, edit(friday, kTriaged, "    at: " + at),
                                     example_now(), window("1bd")));
  };
  EXPECT_TRUE(run("2026-11-09T08:00:00Z").empty());
  EXPECT_EQ(run("2026-11-09T08:01:00Z"),
            std::vector<std::string>{"78:9: triage was completed at 9 Nov 2026 08:01 UTC, 3 days "
                                     "after the first signal at 6 Nov 2026 08:00 UTC; the "
                                     "configured triage window is 1 business day"});
}

TEST(TriageWindow, SaysTheDateWhenTheDaysDiffer) {
  const std::string text = example_with(kSignal, "    at: 2026-11-01T23:50:00Z");
  EXPECT_EQ(describe(run_rule_on_text(kTriageWindowRule, text)),
            std::vector<std::string>{"78:9: triage was completed at 2 Nov 2026 08:13 UTC, 8 hours "
                                     "23 minutes after the first signal at 1 Nov 2026 23:50 UTC; "
                                     "the playbook allows 15 minutes"});
}

TEST(TriageWindow, SilentWithoutBothMilestones) {
  // No triage_completed row: timeline-milestones' finding.
  EXPECT_TRUE(run_rule_on_text(kTriageWindowRule,
                               example_with("  - milestone: triage_completed\n", "  - milestone: containment\n"))
                  .empty());
  // No first_signal row.
  EXPECT_TRUE(run_rule_on_text(kTriageWindowRule,
                               example_with("  - milestone: first_signal\n", "  - milestone: containment\n"))
                  .empty());
  // A timestamp without a zone is schema's.
  EXPECT_TRUE(triaged_at("2026-11-02T09:13:00").empty());
}

TEST(TriageWindow, TriageBeforeTheSignalIsTimelineOrdersBusiness) {
  EXPECT_TRUE(triaged_at("2026-11-02T07:50:00Z").empty());
}
