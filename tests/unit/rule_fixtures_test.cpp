// Every record rule of the table has a fixture in fixtures/rules/<id>.yaml that makes it — and
// only it — fire when the whole pipeline runs, and the example record is clean with every rule.
#include <filesystem>
#include <gtest/gtest.h>
#include <set>

#include "rule_test_util.h"
#include "rules/engine.h"

using namespace esc;
using namespace esc::testing;

namespace {

std::set<std::string> rules_fired(const std::string& fixture) {
  Config config;
  Calendar calendar(config.calendar, config.holidays);
  auto checked = check_record_text(read_text(fixture), fixture, CheckOptions{&config, example_now()}, calendar);
  std::set<std::string> out;
  for (const Diagnostic& d : checked.diagnostics)
    if (counts(d)) out.insert(d.rule);
  return out;
}

}  // namespace

TEST(RuleTable, IdsAreUniqueKebabCaseAndDocumented) {
  std::set<std::string_view> seen;
  for (const RuleInfo* r : rule_table()) {
    EXPECT_TRUE(seen.insert(r->id).second) << r->id;
    for (char c : r->id) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '-') << r->id;
    EXPECT_FALSE(r->summary.empty()) << r->id;
    EXPECT_FALSE(r->description.empty()) << r->id;
    EXPECT_FALSE(r->rationale.empty()) << r->id;
    EXPECT_FALSE(r->bad_example.empty()) << r->id;
    EXPECT_FALSE(r->good_example.empty()) << r->id;
    EXPECT_EQ(r->kind() == RuleKind::record, r->check != nullptr) << r->id;
  }
}

TEST(RuleTable, EverySpecRuleIsThere) {
  for (const char* id : {"schema", "yaml-syntax", "duplicate-id", "triage-genuine", "triage-impact", "triage-window",
                         "record-opened", "lead-assigned", "owner-missing", "owners-before-first-update",
                         "stakeholder-grid", "facts-before-notification", "root-cause-confirmed", "timeline-milestones",
                         "timeline-order", "timeline-matches-comms", "timestamp-utc", "future-timestamp",
                         "comms-sequence", "comms-complete", "update-promise-kept", "update-overdue", "update-cadence",
                         "comms-status-consistent", "speculative-language", "pir-promise", "pir-scheduled",
                         "pir-schedule-window", "pir-delivery-window", "pir-attendees", "pir-lessons-logged",
                         "readout-impact", "readout-actions", "readout-sla", "readout-sentiment",
                         "commitment-incomplete", "commitment-overdue", "severity-criteria", "readout-one-page"})
    EXPECT_NE(find_rule(id), nullptr) << id;
}

TEST(RuleFixtures, TheExampleIsClean) { EXPECT_EQ(rules_fired("fixtures/ESC-2026-0142.yaml"), std::set<std::string>{}); }

TEST(RuleFixtures, EachRecordRuleFiresAloneOnItsFixture) {
  for (const RuleInfo* r : rule_table()) {
    if (r->kind() != RuleKind::record) continue;
    std::string fixture = "fixtures/rules/" + std::string(r->id) + ".yaml";
    ASSERT_TRUE(std::filesystem::exists(std::string(ESCALATE_SOURCE_DIR) + "/" + fixture)) << fixture;
    EXPECT_EQ(rules_fired(fixture), std::set<std::string>{std::string(r->id)}) << fixture;
  }
}
