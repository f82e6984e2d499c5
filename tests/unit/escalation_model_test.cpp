// The model of an escalation: every deadline and promise worked out once, and the readers
// (update-promise-kept, the readout's timeline) agreeing with it.
#include <gtest/gtest.h>

#include "model/escalation.h"
#include "render/readout_content.h"
#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kUpdatePromiseKeptRule;
}

using namespace esc;
using namespace esc::testing;
using State = model::UpdatePromise::State;

namespace {

Record load_text(const std::string& yaml) {
  LoadResult loaded = load_record(yaml, "record.yaml", ParseLimits{});
  EXPECT_TRUE(loaded.record.has_value());
  return loaded.record ? *loaded.record : Record{};
}

Instant at(const char* text) { return *parse_now(text); }

// The example with the progress update sent at another time (its promise was 09:45).
std::string progress_sent_at(const std::string& stamp) {
  return example_with("sent_at: 2026-11-02T09:40:00Z", "sent_at: " + stamp);
}

// The example without its resolution notice and still `contained`: progress update #1's
// 10:40 promise is unanswered.
std::string unresolved_example() {
  std::string yaml = read_text("fixtures/ESC-2026-0142.yaml");
  const auto from = yaml.find("  - type: resolution\n"), to = yaml.find("\npir:");
  yaml.erase(from, to - from);
  return replace_once(yaml, "status: resolved", "status: contained");
}

}  // namespace

TEST(EscalationModel, PromisesOfTheExample) {
  const Record r = load_text(read_text("fixtures/ESC-2026-0142.yaml"));
  const auto promises = model::update_promises(r, example_now());
  ASSERT_EQ(promises.size(), 2u);
  EXPECT_EQ(promises[0].index, 0u);
  EXPECT_EQ(promises[0].due, at("2026-11-02T09:45:00Z"));
  EXPECT_EQ(promises[0].answered_by, 1u);
  EXPECT_EQ(promises[0].state, State::kept);
  EXPECT_EQ(promises[1].answered_at, at("2026-11-02T10:35:00Z"));
  EXPECT_EQ(promises[1].state, State::kept);
}

TEST(EscalationModel, ThePromiseIsDecidedToTheMinute) {
  // 30 seconds after the promised 09:45: the same minute, kept.
  auto p = model::update_promises(load_text(progress_sent_at("2026-11-02T09:45:30Z")), example_now());
  EXPECT_EQ(p[0].state, State::kept);
  EXPECT_EQ(p[0].late, std::chrono::minutes(0));
  // 09:46:30: one minute late, however many seconds.
  p = model::update_promises(load_text(progress_sent_at("2026-11-02T09:46:30Z")), example_now());
  EXPECT_EQ(p[0].state, State::missed);
  EXPECT_EQ(p[0].late, std::chrono::minutes(1));
}

TEST(EscalationModel, AnUnansweredPromiseIsOpenThenOverdue) {
  const Record r = load_text(unresolved_example());
  auto p = model::update_promises(r, at("2026-11-02T10:40:59Z"));
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[1].state, State::open);  // the promised minute itself is still in time
  p = model::update_promises(r, at("2026-11-02T10:55:00Z"));
  EXPECT_EQ(p[1].state, State::overdue);
  EXPECT_EQ(p[1].late, std::chrono::minutes(15));
  const model::Escalation e(r, Config{}, Calendar{}, at("2026-11-02T10:55:00Z"));
  ASSERT_NE(e.pending_promise(), nullptr);
  EXPECT_EQ(e.pending_promise()->index, 1u);
  // Resolved: nothing more is owed.
  const Record resolved = load_text(replace_once(unresolved_example(), "status: contained\n\nescalation_lead",
                                                 "status: resolved\n\nescalation_lead"));
  EXPECT_EQ(model::update_promises(resolved, at("2026-11-02T10:55:00Z"))[1].state, State::open);
}

TEST(EscalationModel, PirDeadlinesOnTheConfiguredCalendar) {
  const Record r = load_text(read_text("fixtures/ESC-2026-0142.yaml"));  // resolved Mon 2 Nov 2026
  const model::Escalation e(r, Config{}, Calendar{}, example_now());
  ASSERT_TRUE(e.pir_schedule() && e.pir_delivery());
  EXPECT_EQ(format_iso_date(e.pir_schedule()->date), "2026-11-09");
  EXPECT_EQ(format_iso_date(e.pir_delivery()->date), "2026-11-16");
  EXPECT_TRUE(e.pir_schedule()->in_time());  // meeting 5 Nov
  EXPECT_TRUE(e.pir_delivery()->in_time());  // delivered 12 Nov
  // Resolved Wed 23 Dec 2026: Christmas, Boxing Day's substitute and New Year's Day are skipped.
  const Record christmas = load_text(replace_once(read_text("fixtures/ESC-2026-0142.yaml"),
                                                  "at: 2026-11-02T10:20:00Z", "at: 2026-12-23T10:20:00Z"));
  EXPECT_EQ(format_iso_date(model::pir_deadline(christmas, Calendar{}, 5)->date), "2027-01-04");
  EXPECT_EQ(format_iso_date(model::pir_deadline(christmas, Calendar(CalendarKind::none), 5)->date), "2026-12-30");
}

TEST(EscalationModel, TriageLeadCommitmentsAndSla) {
  const Record r = load_text(read_text("fixtures/ESC-2026-0142.yaml"));
  const model::Escalation e(r, Config{}, Calendar{}, at("2026-12-16T09:00:00Z"));
  ASSERT_TRUE(e.triage());
  EXPECT_EQ(e.triage()->start, at("2026-11-02T08:00:00Z"));
  EXPECT_EQ(e.triage()->deadline, at("2026-11-02T08:15:00Z"));
  EXPECT_EQ(e.triage()->end, at("2026-11-02T08:13:00Z"));
  EXPECT_FALSE(e.triage()->late);
  EXPECT_EQ(*e.lead().name, "Dana Whitfield");
  EXPECT_EQ(e.resolved_at(), at("2026-11-02T10:20:00Z"));
  EXPECT_EQ(e.sla(), Sla::breached);
  ASSERT_EQ(e.commitments().size(), 2u);
  EXPECT_EQ(e.commitments()[0].state, model::CommitmentState::State::overdue);  // due 15 Dec
  EXPECT_EQ(e.commitments()[0].days_overdue, 1);
  EXPECT_EQ(e.commitments()[1].state, model::CommitmentState::State::open);
  EXPECT_FALSE(e.closed_out());  // a commitment is still open
  const model::Escalation due_day(r, Config{}, Calendar{}, at("2026-12-15T23:59:00Z"));
  EXPECT_EQ(due_day.commitments()[0].state, model::CommitmentState::State::due_today);
}

TEST(EscalationModel, TriageWindowRunsThenIsOverdue) {
  std::string yaml = unresolved_example();
  yaml = replace_once(yaml, "  - milestone: triage_completed\n    at: 2026-11-02T08:13:00Z\n",
                      "  - milestone: triage_completed\n");
  const Record r = load_text(yaml);
  auto w = model::triage_window(r, Config{}, Calendar{}, at("2026-11-02T08:15:40Z"));
  ASSERT_TRUE(w);
  EXPECT_FALSE(w->end);
  EXPECT_TRUE(w->running);
  w = model::triage_window(r, Config{}, Calendar{}, at("2026-11-02T08:16:00Z"));
  EXPECT_TRUE(w->overdue);
}

// Issue 15's 30-second case: an update sent 30 seconds after the promise. check and the readout
// read the same decision: kept, on both.
TEST(EscalationModel, ThirtySecondsLateIsKeptByCheckAndByTheReadout) {
  const std::string yaml = progress_sent_at("2026-11-02T09:45:30Z");
  EXPECT_TRUE(run_rule_on_text(kUpdatePromiseKeptRule, yaml).empty());
  const readout::Content c = readout::build_content(load_text(yaml), Config{}, Calendar{}, false, Instant{});
  ASSERT_EQ(c.timeline.promises.size(), 2u);
  EXPECT_EQ(c.timeline.promises[0].state, readout::UpdatePromise::State::kept);

  // One minute and 30 seconds late: both say missed, by the same 1 minute.
  const std::string late = progress_sent_at("2026-11-02T09:46:30Z");
  const auto found = describe(run_rule_on_text(kUpdatePromiseKeptRule, late));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("1 minute after"), std::string::npos) << found[0];
  const readout::Content m = readout::build_content(load_text(late), Config{}, Calendar{}, false, Instant{});
  EXPECT_EQ(m.timeline.promises[0].state, readout::UpdatePromise::State::missed);
  EXPECT_EQ(describe_span(m.timeline.promises[0].late), "1 minute");
}
