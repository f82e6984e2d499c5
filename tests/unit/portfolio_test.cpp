// escalate report: the measures of one escalation (model/measures) and the aggregates over a
// few hand-made rows, where every answer is known.
#include <gtest/gtest.h>

#include <sstream>

#include "model/measures.h"
#include "report/portfolio.h"
#include "rule_test_util.h"
#include "rules/engine.h"

using namespace esc;
using namespace esc::testing;
using model::Verdict;
using std::chrono::minutes;

namespace {

// The example's measures at `now` (default: the documented clock), with the checker's findings.
portfolio::Row row_of(const std::string& yaml, const char* now = "2026-11-20T12:00:00Z", const Config& config = Config{}) {
  const Calendar calendar(config.calendar, config.holidays);
  CheckedRecord checked = check_record_text(yaml, "record.yaml", CheckOptions{&config, *parse_now(now)}, calendar);
  EXPECT_TRUE(checked.record.has_value());
  if (!checked.record) return {};
  const model::Escalation e(*checked.record, config, calendar, *parse_now(now));
  return portfolio::make_row(e, config, checked.diagnostics, "record.yaml");
}

std::string example() { return read_text("fixtures/ESC-2026-0142.yaml"); }

}  // namespace

TEST(PortfolioRow, TheExampleMeetsEveryTarget) {
  const portfolio::Row r = row_of(example());
  EXPECT_EQ(r.id, "ESC-2026-0142");
  EXPECT_EQ(r.account, "Northwind Logistics");
  EXPECT_EQ(r.month, "2026-11");
  EXPECT_EQ(r.m.triage, minutes(13));
  EXPECT_EQ(r.m.triage_verdict, Verdict::in_time);
  EXPECT_EQ(r.triage_target, "15 minutes");
  EXPECT_EQ(r.m.first_notification, minutes(45));
  EXPECT_EQ(r.m.facts_before_first_notification, true);
  EXPECT_EQ(r.m.containment, minutes(35));
  EXPECT_EQ(r.m.resolution, minutes(140));
  EXPECT_EQ(r.m.promises_kept, 2);
  EXPECT_EQ(r.m.promises_missed, 0);
  EXPECT_FALSE(r.m.worst_miss_index);
  // Resolved Mon 2 Nov: 5th business day Mon 9 Nov, 10th Mon 16 Nov.
  EXPECT_EQ(format_iso_date(*r.pir_schedule_by), "2026-11-09");
  EXPECT_EQ(format_iso_date(*r.pir_delivery_by), "2026-11-16");
  EXPECT_EQ(r.m.pir_schedule, Verdict::in_time);
  EXPECT_EQ(r.m.pir_delivery, Verdict::in_time);
  EXPECT_EQ(r.m.commitments_open, 2);
  EXPECT_EQ(r.m.commitments_overdue, 0);
  EXPECT_EQ(r.errors, 0);
  EXPECT_TRUE(r.findings.empty());
}

TEST(PortfolioRow, TriageLateIsCheckSTriageWindowFinding) {
  const portfolio::Row r = row_of(replace_once(example(), "at: 2026-11-02T08:13:00Z", "at: 2026-11-02T08:16:00Z"));
  EXPECT_EQ(r.m.triage, minutes(16));
  EXPECT_EQ(r.m.triage_verdict, Verdict::late);
  EXPECT_EQ(r.findings.at("triage-window"), 1);
  EXPECT_EQ(r.errors, 1);
  // Exactly 15 minutes, with seconds: still in time (minute to minute).
  EXPECT_EQ(row_of(replace_once(example(), "at: 2026-11-02T08:13:00Z", "at: 2026-11-02T08:15:59Z")).m.triage_verdict,
            Verdict::in_time);
}

TEST(PortfolioRow, TriageNotCompletedIsPendingThenOverdue) {
  std::string yaml = example();
  const auto from = yaml.find("  - milestone: triage_completed"), to = yaml.find("  - milestone: containment");
  yaml.erase(from, to - from);
  EXPECT_EQ(row_of(yaml, "2026-11-02T08:15:00Z").m.triage_verdict, Verdict::pending);
  EXPECT_EQ(row_of(yaml, "2026-11-02T08:16:00Z").m.triage_verdict, Verdict::overdue);
  EXPECT_FALSE(row_of(yaml).m.triage);
}

TEST(PortfolioRow, FactsConfirmedAfterTheFirstNotification) {
  EXPECT_EQ(row_of(replace_once(example(), "confirmed_at: 2026-11-02T08:38:00Z", "confirmed_at: 2026-11-02T08:46:00Z"))
                .m.facts_before_first_notification,
            false);
  // The same minute as the notification passes.
  EXPECT_EQ(row_of(replace_once(example(), "confirmed_at: 2026-11-02T08:38:00Z", "confirmed_at: 2026-11-02T08:45:59Z"))
                .m.facts_before_first_notification,
            true);
}

TEST(PortfolioRow, FactsWithConfirmationsEachCount) {
  // The status and the affected systems confirmed at 08:40, the root cause later: the initial
  // notification states no root cause, so its facts were confirmed.
  const std::string confirmations =
      "  confirmations:\n"
      "    - what: [affected, status]\n      confirmed_by: Sam Okafor\n      confirmed_at: 2026-11-02T08:40:00Z\n"
      "      confirmation_ref: mail 1\n"
      "    - what: [root_cause]\n      confirmed_by: Sam Okafor\n      confirmed_at: 2026-11-02T09:58:00Z\n"
      "      confirmation_ref: mail 2\n";
  std::string yaml = example();
  const auto from = yaml.find("  confirmed_by: Sam Okafor\n  confirmed_at"), to = yaml.find("\nowners_confirmed_at");
  yaml.replace(from, to - from + 1, confirmations);
  EXPECT_EQ(row_of(yaml).m.facts_before_first_notification, true);
  const portfolio::Row late = row_of(replace_once(yaml, "2026-11-02T08:40:00Z", "2026-11-02T08:50:00Z"));
  EXPECT_EQ(late.m.facts_before_first_notification, false);
  EXPECT_EQ(late.findings.at("facts-before-notification"), 2);  // check agrees: the affected systems, the status
}

TEST(PortfolioRow, PromisesKeptToTheMinuteAndTheWorstMiss) {
  // The 30-second case: 09:45:30 against a 09:45 promise is kept, as check decides.
  const portfolio::Row kept = row_of(replace_once(example(), "sent_at: 2026-11-02T09:40:00Z", "sent_at: 2026-11-02T09:45:30Z"));
  EXPECT_EQ(kept.m.promises_kept, 2);
  EXPECT_EQ(kept.findings.count("update-promise-kept"), 0u);
  const portfolio::Row missed = row_of(replace_once(example(), "sent_at: 2026-11-02T09:40:00Z", "sent_at: 2026-11-02T09:52:00Z"));
  EXPECT_EQ(missed.m.promises_kept, 1);
  EXPECT_EQ(missed.m.promises_missed, 1);
  EXPECT_EQ(missed.m.worst_miss, minutes(7));
  EXPECT_EQ(missed.worst_miss_by, "initial notification");
  EXPECT_EQ(missed.findings.at("update-promise-kept"), 1);
}

TEST(PortfolioRow, PirLatePendingAndOverdue) {
  EXPECT_EQ(row_of(replace_once(example(), "scheduled_for: 2026-11-05T14:00:00Z", "scheduled_for: 2026-11-10T14:00:00Z"))
                .m.pir_schedule,
            Verdict::late);
  const std::string undelivered = replace_once(example(), "  delivered_at: 2026-11-12\n", "");
  EXPECT_EQ(row_of(undelivered, "2026-11-16T23:59:00Z").m.pir_delivery, Verdict::pending);
  EXPECT_EQ(row_of(undelivered, "2026-11-17T00:00:00Z").m.pir_delivery, Verdict::overdue);
  // An unresolved record has no PIR verdict.
  EXPECT_FALSE(row_of(replace_once(example(), "status: resolved", "status: contained")).m.pir_schedule);
}

TEST(PortfolioRow, CommitmentsDoneOpenAndOverdue) {
  const std::string yaml = replace_once(example(), "      due: 2026-12-15\n", "      due: 2026-12-15\n      done: true\n");
  const portfolio::Row r = row_of(yaml, "2027-01-11T09:00:00Z");
  EXPECT_EQ(r.m.commitments_done, 1);  // delivered: never overdue
  EXPECT_EQ(r.m.commitments_overdue, 1);
  EXPECT_EQ(r.m.commitments_open, 0);
  ASSERT_EQ(r.commitments.size(), 2u);
  EXPECT_EQ(r.commitments[1].owner, "Aoife Brennan");
  EXPECT_EQ(r.commitments[1].days_overdue, 1);
  EXPECT_EQ(r.commitments[0].state, model::CommitmentState::State::done);
}

TEST(PortfolioDistribution, NearestRankPercentiles) {
  portfolio::Distribution d;
  EXPECT_FALSE(d.percentile(50));
  d.minutes = {7};
  EXPECT_EQ(d.percentile(50), 7);
  EXPECT_EQ(d.percentile(90), 7);
  d.minutes = {1, 2, 3};
  EXPECT_EQ(d.percentile(50), 2);
  EXPECT_EQ(d.percentile(90), 3);
  d.minutes = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  EXPECT_EQ(d.percentile(50), 5);  // the lower middle
  EXPECT_EQ(d.percentile(90), 9);
  EXPECT_EQ(d.percentile(100), 10);
}

namespace {

portfolio::Row hand_row(const char* id, Priority p, const char* month, int triage, Verdict v, const char* account) {
  portfolio::Row r;
  r.id = id;
  r.severity = p;
  r.month = month;
  r.account = account;
  r.triage_target = "15 minutes";
  r.triage_target_minutes = 15;
  if (v != Verdict::pending) r.m.triage = minutes(triage);
  r.m.triage_verdict = v;
  return r;
}

}  // namespace

TEST(PortfolioAggregate, CountsSharesAndPercentilesOfHandMadeRows) {
  portfolio::Aggregator a(*parse_now("2026-12-01T00:00:00Z"), {});
  portfolio::Row r1 = hand_row("A", Priority::P1, "2026-10", 10, Verdict::in_time, "Northwind");
  r1.m.promises_kept = 3;
  r1.m.promises_missed = 1;
  r1.m.worst_miss = minutes(20);
  r1.m.worst_miss_index = 1;
  r1.worst_miss_by = "progress update #1";
  r1.m.facts_before_first_notification = true;
  r1.m.resolution = minutes(100);
  r1.m.pir_schedule = Verdict::in_time;
  r1.m.pir_delivery = Verdict::late;
  r1.findings["triage-window"] = 2;
  portfolio::Row r2 = hand_row("B", Priority::P1, "2026-11", 30, Verdict::late, "Zürich AG");
  r2.m.promises_kept = 1;
  r2.m.promises_overdue = 1;
  r2.m.facts_before_first_notification = false;
  r2.m.resolution = minutes(300);
  r2.m.pir_schedule = Verdict::pending;
  r2.m.pir_delivery = Verdict::overdue;
  r2.findings["triage-window"] = 1;
  r2.findings["update-overdue"] = 1;
  r2.m.commitments_overdue = 1;
  r2.commitments.push_back({"B", "Fix it", "Sam", parse_date("2026-11-01"), model::CommitmentState::State::overdue, 30});
  portfolio::Row r3 = hand_row("C", Priority::P3, "2026-11", 0, Verdict::pending, "Northwind");
  r3.m.promises_missed = 2;
  r3.m.worst_miss = minutes(45);
  r3.m.worst_miss_index = 0;
  r3.worst_miss_by = "initial notification";
  r3.m.commitments_done = 2;
  for (const auto* r : {&r1, &r2, &r3}) a.add(*r);
  a.left_out(true);
  a.not_loaded({"broken.yaml", "3:1: invalid YAML"});
  const portfolio::Summary s = a.finish();

  EXPECT_EQ(s.records, 3u);
  EXPECT_EQ(s.left_out, 1u);
  EXPECT_EQ(s.no_opened, 1u);
  ASSERT_EQ(s.not_loaded.size(), 1u);
  EXPECT_EQ((s.by_severity), (std::array<std::size_t, 4>{2, 0, 1, 0}));
  EXPECT_EQ((s.by_month.at("2026-11")), (std::array<std::size_t, 4>{1, 0, 1, 0}));
  EXPECT_EQ(s.triage_within.met, 1);
  EXPECT_EQ(s.triage_within.of, 2);  // the pending one is not decided
  EXPECT_EQ(s.triage_pending, 1u);
  EXPECT_EQ(s.triage.percentile(50), 10);
  EXPECT_EQ(s.triage.percentile(90), 30);
  EXPECT_EQ(s.facts_before_notification.met, 1);
  EXPECT_EQ(s.facts_before_notification.of, 2);
  EXPECT_EQ(portfolio::format_share(s.facts_before_notification), "50%");
  // Kept 4 of 4 + 3 missed + 1 overdue.
  EXPECT_EQ(s.promises.met, 4);
  EXPECT_EQ(s.promises.of, 8);
  ASSERT_EQ(s.worst_misses.size(), 2u);
  EXPECT_EQ(s.worst_misses[0].record, "C");
  EXPECT_EQ(s.worst_misses[0].minutes, 45);
  EXPECT_EQ(s.resolution_by_severity[0].percentile(50), 100);
  EXPECT_EQ(s.resolution_by_severity[0].percentile(90), 300);
  EXPECT_EQ(s.resolution_by_severity[2].count(), 0u);
  EXPECT_EQ(s.pir_schedule.met, 1);
  EXPECT_EQ(s.pir_schedule.of, 1);
  EXPECT_EQ(s.pir_schedule_pending, 1u);
  EXPECT_EQ(s.pir_delivery.met, 0);
  EXPECT_EQ(s.pir_delivery.of, 2);
  EXPECT_EQ(s.commitments_overdue, 1);
  EXPECT_EQ(s.commitments_done, 2);
  ASSERT_EQ(s.outstanding.size(), 1u);
  EXPECT_EQ(s.outstanding[0].owner, "Sam");
  EXPECT_EQ(s.findings.at("triage-window"), (std::pair<long long, long long>{3, 2}));
  EXPECT_EQ(s.accounts.at("Northwind"), 2);
}

TEST(PortfolioAggregate, OutstandingCommitmentsStayBounded) {
  portfolio::Aggregator a(*parse_now("2026-12-01T00:00:00Z"), {});
  for (int i = 0; i < 1000; ++i) {
    portfolio::Row r = hand_row("R", Priority::P2, "2026-11", 5, Verdict::in_time, "X");
    r.id = "R" + std::to_string(i);
    r.commitments.push_back({r.id, "c", "o", std::nullopt, model::CommitmentState::State::overdue, i});
    a.add(r);
  }
  const portfolio::Summary s = a.finish();
  ASSERT_EQ(s.outstanding.size(), portfolio::kOutstandingShown);
  EXPECT_EQ(s.outstanding.front().days_overdue, 999);  // the most overdue first
}

TEST(PortfolioFormat, SharesAndMinutes) {
  EXPECT_EQ(portfolio::format_share({2, 3}), "66.7%");
  EXPECT_EQ(portfolio::format_share({1, 1}), "100%");
  EXPECT_EQ(portfolio::format_share({0, 0}), "n/a");
  EXPECT_EQ(portfolio::format_minutes(14), "14 min");
  EXPECT_EQ(portfolio::format_minutes(125), "2 h 05 min");
  EXPECT_EQ(portfolio::format_minutes(3 * 1440 + 240), "3 d 4 h");
}

TEST(PortfolioCsv, QuotesAndDefusesFormulas) {
  portfolio::Row r = hand_row("ESC-1", Priority::P1, "2026-11", 5, Verdict::in_time, "=HYPERLINK(\"x\"), Ltd");
  std::ostringstream out;
  portfolio::write_csv_row(out, r);
  EXPECT_NE(out.str().find(",\"'=HYPERLINK(\"\"x\"\"), Ltd\","), std::string::npos) << out.str();
  EXPECT_TRUE(out.str().ends_with("\r\n"));
}

TEST(PortfolioHtml, EveryTextIsEscaped) {
  portfolio::Aggregator a(*parse_now("2026-12-01T00:00:00Z"), {});
  a.add(hand_row("<b>ESC</b>", Priority::P1, "2026-11", 5, Verdict::in_time, "<script>alert(1)</script> & Søn"));
  std::ostringstream out;
  portfolio::write_html(out, a.finish());
  const std::string html = out.str();
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Søn"), std::string::npos);
  auto escaped = [](std::string_view text) {
    std::string e;
    for (char c : text) {
      if (c == '&') e += "&amp;";
      else if (c == '<') e += "&lt;";
      else if (c == '>') e += "&gt;";
      else if (c == '"') e += "&quot;";
      else if (c == '\'') e += "&#39;";
      else e += c;
    }
    return e;
  };
  for (const portfolio::MetricInfo& m : portfolio::metrics()) {
    EXPECT_NE(html.find(escaped(m.name)), std::string::npos) << m.id;
    EXPECT_NE(html.find(escaped(m.definition)), std::string::npos) << m.id;
  }
}
