// One test that catches the next disagreement: for every record of a generated corpus, the
// promise, deadline, commitment and SLA states that `check`'s findings, the readout (its content
// and the words on the rendered page), the customer emails and the lint report of those emails
// show are the model's (model::Escalation).
//
// The corpus is the example record with, in every combination: the progress update sent at, a
// little before or some seconds after its promised minute (in UTC and with offsets); the
// resolution on a weekday, a Saturday, Christmas Day and Good Friday; the PIR meeting and the
// written PIR on, a day before and a day after their business-day deadlines (meeting times with
// seconds and offsets that move the UTC date); commitments overdue, due today, ahead and done;
// each SLA state; and a `now` a few seconds either side of a promised minute. Nothing here is
// random: the same corpus on every run.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <unistd.h>

#include "draft/draft.h"
#include "model/escalation.h"
#include "render/email.h"
#include "render/readout_content.h"
#include "render/readout_pdf.h"
#include "render/templates.h"
#include "rule_test_util.h"
#include "rules/draft_lint.h"
#include "rules/engine.h"

using namespace esc;
using namespace esc::testing;
namespace fs = std::filesystem;
using PromiseState = model::UpdatePromise::State;
using CommitmentStateKind = model::CommitmentState::State;

namespace {

struct Case {
  std::string name;  // what was varied, for failure messages
  std::string yaml;
  Instant now;
  Config config;
  bool render_pdf = false;  // the page is rendered for every progress-update time on the first
                            // resolution and for the unresolved record: enough to see each verdict
};

std::string date_plus(const std::string& iso, int days) {
  return format_iso_date(*parse_date(iso) + std::chrono::days(days));
}

// The example with progress update #1 sent at `sent` (its promise is 09:45:00Z), resolved at
// `resolved` (the resolution notice and closure keep their 10:35 on the example's day or move
// to an hour after), the PIR meeting at `meeting`, the PIR delivered on `delivered`, the two
// commitments due on `due1` / `due2` (done when `done2`), and the SLA `sla`.
std::string record(const std::string& sent, const std::string& resolved, const std::string& meeting,
                   const std::string& delivered, const std::string& due1, const std::string& due2, bool done2,
                   const std::string& sla) {
  std::string y = read_text("fixtures/ESC-2026-0142.yaml");
  y = replace_once(y, "    sent_at: 2026-11-02T09:40:00Z\n", "    sent_at: " + sent + "\n");
  y = replace_once(y, "    at: 2026-11-02T10:20:00Z\n", "    at: " + resolved + "\n");
  y = replace_once(y, "  scheduled_for: 2026-11-05T14:00:00Z\n", "  scheduled_for: " + meeting + "\n");
  y = replace_once(y, "  delivered_at: 2026-11-12\n", "  delivered_at: " + delivered + "\n");
  y = replace_once(y, "      due: 2026-12-15\n", "      due: " + due1 + "\n");
  y = replace_once(y, "      due: 2027-01-10\n",
                   "      due: " + due2 + "\n" + (done2 ? "      done: true\n" : std::string()));
  y = replace_once(y, "    sla: breached ", "    sla: " + sla + " ");
  return y;
}

std::vector<Case> corpus() {
  std::vector<Case> out;
  // Progress update #1 against the 09:45:00Z promise: before, on the minute, 30 and 59 seconds
  // into it (kept), a minute and more late (missed); some written with other offsets.
  const std::vector<std::string> sent = {
      "2026-11-02T09:40:00Z",      "2026-11-02T09:45:00Z",      "2026-11-02T09:45:30Z",
      "2026-11-02T10:45:59+01:00", "2026-11-02T09:46:00Z",      "2026-11-02T04:16:30-05:30",
      "2026-11-02T10:15:45Z"};
  // resolution_confirmed: Monday; Saturday; Christmas Day (written on Christmas Eve, -02:00);
  // Good Friday 2027 (written +01:00, the UTC date is the same).
  struct Resolution {
    std::string at, day;
  };
  const std::vector<Resolution> resolutions = {{"2026-11-02T10:20:00Z", "2026-11-02"},
                                               {"2026-11-07T12:00:30Z", "2026-11-07"},
                                               {"2026-12-24T23:30:00-02:00", "2026-12-25"},
                                               {"2027-03-26T09:00:00+01:00", "2027-03-26"}};
  const std::vector<std::string> slas = {"breached", "at_risk", "within"};
  std::vector<Config> configs(2);
  configs[1].calendar = CalendarKind::none;
  configs[1].holidays = {*parse_date("2026-11-04"), *parse_date("2026-12-29")};

  std::size_t n = 0;
  for (const Resolution& res : resolutions)
    for (std::size_t ci = 0; ci < configs.size(); ++ci) {
      const Calendar calendar(configs[ci].calendar, configs[ci].holidays);
      const Date day0 = *parse_date(res.day);
      const std::string five = format_iso_date(calendar.add_business_days(day0, 5));
      const std::string ten = format_iso_date(calendar.add_business_days(day0, 10));
      // The meeting on, a day before and a day after the 5th business day; the last written at
      // 00:30+01:00 on the day after, which is still the deadline's date in UTC.
      const std::vector<std::string> meetings = {date_plus(five, -1) + "T14:00:00Z", five + "T23:59:30Z",
                                                 date_plus(five, 1) + "T00:30:00+01:00",
                                                 date_plus(five, 1) + "T09:00:00Z"};
      const std::vector<std::string> delivered = {date_plus(ten, -1), ten, date_plus(ten, 1)};
      for (std::size_t si = 0; si < sent.size(); ++si)
        for (std::size_t mi = 0; mi < meetings.size(); ++mi) {
          const std::string& d = delivered[(si + mi) % delivered.size()];
          const std::string& sla = slas[(si + mi + ci) % slas.size()];
          // now: a day after the latest deadline, so the commitments below are overdue, due
          // today, ahead or done relative to it.
          const Date today = *parse_date(ten) + std::chrono::days(3);
          const Instant now = today + std::chrono::hours(12) + std::chrono::seconds(30);
          const std::string due1 = format_iso_date(today + std::chrono::days(static_cast<int>(n % 3) - 1));
          const std::string due2 = format_iso_date(today - std::chrono::days(2));
          const bool done2 = n % 2 == 0;
          Case c;
          c.name = "sent " + sent[si] + ", resolved " + res.at + ", calendar " + std::to_string(ci) + ", meeting " +
                   meetings[mi] + ", delivered " + d + ", commitments " + due1 + "/" + due2 +
                   (done2 ? " (done)" : "") + ", sla " + sla;
          c.yaml = record(sent[si], res.at, meetings[mi], d, due1, due2, done2, sla);
          c.now = now;
          c.config = configs[ci];
          c.render_pdf = out.size() < sent.size() * meetings.size();
          out.push_back(std::move(c));
          ++n;
        }
    }
  // Unresolved: progress update #1's 10:40 promise is open or overdue, decided to the minute of
  // `now` (10:40:59 is still in time; 10:41:00 is a minute late).
  std::string open = read_text("fixtures/ESC-2026-0142.yaml");
  const auto from = open.find("  - type: resolution\n"), to = open.find("\npir:");
  open.erase(from, to - from);
  open = replace_once(open, "status: resolved", "status: contained");
  // A long-running escalation: progress updates every hour, so many that the page draws them in
  // two lanes and sums them up in one line. Update #1 promises 10:40:30 and update #2 goes out
  // at 10:41:10: 40 seconds after the promise, a minute late minute to minute (the page once
  // summed it up as "40 seconds late"). The rest are on time.
  std::string running = open;
  const std::string block = running.substr(running.find("  - type: progress\n"),
                                           running.find("\npir:") - running.find("  - type: progress\n"));
  for (int k = 2; k <= 8; ++k) {
    const std::string at = k == 2 ? "10:41:10" : std::to_string(8 + k) + ":39:00";
    std::string more = replace_once(block, "number: 1", "number: " + std::to_string(k));
    more = replace_once(more, "sent_at: 2026-11-02T09:40:00Z", "sent_at: 2026-11-02T" + at + "Z");
    more = replace_once(more, "next_update_by: 2026-11-02T10:40:00Z",
                        "next_update_by: 2026-11-02T" + std::to_string(9 + k) + ":40:00Z");
    running.insert(running.find("\npir:"), "\n" + more.substr(0, more.find_last_not_of('\n') + 1));
  }
  running = replace_once(running, "next_update_by: 2026-11-02T10:40:00Z", "next_update_by: 2026-11-02T10:40:30Z");
  {
    Case c;
    c.name = "unresolved, eight progress updates";
    c.yaml = running;
    c.now = *parse_now("2026-11-02T18:00:00Z");
    c.render_pdf = true;
    out.push_back(std::move(c));
  }
  for (const char* now : {"2026-11-02T10:39:30Z", "2026-11-02T10:40:59Z", "2026-11-02T10:41:00Z",
                          "2026-11-02T11:41:00+01:00", "2026-11-02T13:05:30Z"}) {
    Case c;
    c.name = std::string("unresolved, now ") + now;
    c.yaml = open;
    c.now = *parse_now(now);
    c.render_pdf = true;
    out.push_back(std::move(c));
  }
  return out;
}

std::size_t count_rule(const std::vector<Diagnostic>& diags, std::string_view rule) {
  std::size_t n = 0;
  for (const Diagnostic& d : diags) n += d.rule == rule;
  return n;
}

readout::UpdatePromise::State readout_state(PromiseState s) {
  switch (s) {
    case PromiseState::kept: return readout::UpdatePromise::State::kept;
    case PromiseState::missed: return readout::UpdatePromise::State::missed;
    case PromiseState::open: return readout::UpdatePromise::State::open;
    case PromiseState::overdue: return readout::UpdatePromise::State::overdue;
  }
  return readout::UpdatePromise::State::open;
}

readout::SlaMark readout_sla(std::optional<Sla> s) {
  if (!s) return readout::SlaMark::unknown;
  switch (*s) {
    case Sla::breached: return readout::SlaMark::breached;
    case Sla::at_risk: return readout::SlaMark::at_risk;
    case Sla::within: return readout::SlaMark::within;
  }
  return readout::SlaMark::unknown;
}

// The page's words, as pdftotext extracts them (one line per text line).
std::string pdf_words(const std::string& pdf) {
  const fs::path file = fs::temp_directory_path() / ("model_agreement_" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(file, std::ios::binary) << pdf;
  std::string out;
  if (FILE* p = ::popen(("pdftotext -raw '" + file.string() + "' - 2>/dev/null").c_str(), "r")) {
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    ::pclose(p);
  }
  fs::remove(file);
  return out;
}

}  // namespace

TEST(ModelAgreement, EveryArtefactShowsTheModelsStates) {
  const std::vector<Case> cases = corpus();
  ASSERT_GE(cases.size(), 200u);
  const EmailTemplates templates = builtin_templates();
  std::map<std::string, int> seen;  // which states the corpus reached
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const LoadResult loaded = load_record(c.yaml, "record.yaml", ParseLimits{});
    ASSERT_TRUE(loaded.record);
    const Record& r = *loaded.record;
    const Calendar calendar(c.config.calendar, c.config.holidays);
    const model::Escalation e(r, c.config, calendar, c.now);

    // --- check's findings -----------------------------------------------------------------------
    const std::vector<Diagnostic> found = run_record_rules(r, c.config, calendar, c.now);
    std::vector<std::chrono::minutes> missed;  // how late each missed promise was
    for (const model::UpdatePromise& p : e.promises()) {
      ++seen[std::string("promise ") + std::to_string(static_cast<int>(p.state))];
      if (p.state == PromiseState::missed) missed.push_back(p.late);
    }
    // One finding per missed promise, saying how late it was to the minute.
    std::vector<std::string> late;
    for (const Diagnostic& d : found)
      if (d.rule == "update-promise-kept") late.push_back(d.message);
    ASSERT_EQ(late.size(), missed.size());
    for (std::size_t k = 0; k < late.size(); ++k)
      EXPECT_NE(late[k].find(", " + describe_span(missed[k]) + " after"), std::string::npos) << late[k];
    const model::UpdatePromise* pending = e.pending_promise();
    EXPECT_EQ(count_rule(found, "update-overdue"), pending && pending->state == PromiseState::overdue ? 1u : 0u);
    // Every record of the corpus is resolved (the timeline says so) with the PIR booked and sent.
    ASSERT_TRUE(e.pir_schedule() && e.pir_delivery() && r.pir.scheduled_for && r.pir.delivered_at);
    const model::PirDeadline& meeting = *e.pir_schedule();
    const model::PirDeadline& written = *e.pir_delivery();
    ++seen[meeting.in_time() ? "meeting in time" : "meeting late"];
    ++seen[written.in_time() ? "pir in time" : "pir late"];
    EXPECT_EQ(count_rule(found, "pir-schedule-window"), meeting.in_time() ? 0u : 1u);
    EXPECT_EQ(count_rule(found, "pir-delivery-window"), written.in_time() ? 0u : 1u);
    std::size_t overdue = 0;
    for (const model::CommitmentState& s : e.commitments()) {
      ++seen["commitment " + std::to_string(static_cast<int>(s.state))];
      overdue += s.state == CommitmentStateKind::overdue;
    }
    EXPECT_EQ(count_rule(found, "commitment-overdue"), overdue);
    EXPECT_EQ(count_rule(found, "triage-window"), e.triage() && e.triage()->late ? 1u : 0u);

    // --- the readout: its content, and the words on the page ----------------------------------
    const readout::Content content = readout::build_content(r, c.config, calendar, false, c.now);
    ASSERT_EQ(content.timeline.promises.size(), e.promises().size());
    for (std::size_t i = 0; i < e.promises().size(); ++i) {
      // The page is built at the same `now`: overdue where check says update-overdue, by as much.
      EXPECT_EQ(content.timeline.promises[i].state, readout_state(e.promises()[i].state)) << i;
      EXPECT_EQ(content.timeline.promises[i].late, e.promises()[i].late) << i;
      EXPECT_EQ(content.timeline.promises[i].due, e.promises()[i].due) << i;
    }
    // The triage deadline is red when the model says triage ended late or is overdue at `now`.
    const auto triage_due = std::find_if(content.timeline.marks.begin(), content.timeline.marks.end(),
                                         [](const readout::TimeMark& m) { return m.label == "Triage due"; });
    ASSERT_TRUE(e.triage() && triage_due != content.timeline.marks.end());
    EXPECT_EQ(triage_due->tone, e.triage()->late || e.triage()->overdue ? readout::Tone::bad : readout::Tone::deadline);
    EXPECT_EQ(content.sla, readout_sla(e.sla()));
    ++seen["sla " + std::to_string(static_cast<int>(content.sla))];
    std::map<std::string, readout::DayMark> marks;
    for (const readout::DayMark& m : content.timeline.pir_marks) marks[m.label] = m;
    EXPECT_EQ(marks["Review due"].day, meeting.date);
    EXPECT_EQ(marks["Review"].tone, meeting.in_time() ? readout::Tone::good : readout::Tone::bad);
    EXPECT_EQ(marks["PIR due"].day, written.date);
    EXPECT_EQ(marks["Delivered"].tone, written.in_time() ? readout::Tone::good : readout::Tone::bad);
    // --- the emails, and the lint report of each against the record ----------------------------
    const EmailBuild emails = build_emails(r, templates, EmailOptions{});
    ASSERT_TRUE(emails.error.empty()) << emails.error;
    ASSERT_EQ(emails.emails.size(), r.comms().size());
    const Incident incident{r, "record.yaml"};
    DraftLintOptions lo;
    lo.config = &c.config;
    lo.incident = &incident;
    for (std::size_t i = 0; i < emails.emails.size(); ++i) {
      const Communication& comm = r.comms()[i];
      const std::string& eml = emails.emails[i].content;
      // The promise the email makes is the record's, to the minute (a resolution notice makes none).
      const std::string promise = comm.next_update_by ? "Next update by: " + format_human(comm.next_update_by->utc)
                                                      : std::string("Next update by:");
      EXPECT_EQ(eml.find(promise) != std::string::npos, static_cast<bool>(comm.next_update_by)) << eml;
      // Linted as it is about to be sent: `now` is its sent_at.
      ASSERT_TRUE(comm.sent_at);
      lo.now = comm.sent_at->utc;
      const Draft draft = read_draft(eml, DraftFormat::email);
      const std::vector<Diagnostic> lint = lint_draft(draft, emails.emails[i].filename, lo);
      for (const char* rule : {"draft-record-mismatch", "draft-next-update", "draft-status-value"})
        EXPECT_EQ(count_rule(lint, rule), 0u) << rule << " on " << emails.emails[i].filename << ": "
                                              << ::testing::PrintToString(describe(lint));
    }
  }
  // The corpus reached every state it is meant to test.
  for (const char* state : {"promise 0", "promise 1", "promise 2", "promise 3", "meeting in time", "meeting late",
                            "pir in time", "pir late", "commitment 1", "commitment 2", "commitment 3", "commitment 0",
                            "sla 0", "sla 1", "sla 2"})
    EXPECT_GT(seen[state], 0) << state;
}

// The words on the rendered page, for every progress-update time on the first resolution and for
// the unresolved record: each promise's verdict is the model's.
TEST(ModelAgreement, TheReadoutPageSaysTheModelsVerdicts) {
  std::size_t pages = 0, missed = 0, overdue = 0;
  for (const Case& c : corpus()) {
    if (!c.render_pdf) continue;
    SCOPED_TRACE(c.name);
    ++pages;
    const LoadResult loaded = load_record(c.yaml, "record.yaml", ParseLimits{});
    ASSERT_TRUE(loaded.record);
    const Record& r = *loaded.record;
    const Calendar calendar(c.config.calendar, c.config.holidays);
    const model::Escalation e(r, c.config, calendar, c.now);
    ReadoutOptions ro;
    ro.system_fonts = false;
    ro.now = c.now;
    const ReadoutResult pdf = render_readout(r, c.config, calendar, ro);
    ASSERT_FALSE(pdf.pdf.empty()) << (pdf.error ? *pdf.error : "no PDF");
    const std::string words = pdf_words(pdf.pdf);
    ASSERT_NE(words.find("EXECUTIVE READOUT"), std::string::npos) << words;
    // How late a missed promise was, minute to minute as the model says, never in seconds
    // ("missed by 30 seconds" for an update sent inside the promised minute).
    EXPECT_EQ(words.find(" seconds"), std::string::npos) << words;
    EXPECT_EQ(words.find(" 1 second"), std::string::npos) << words;
    for (const model::UpdatePromise& p : e.promises()) {
      // Beside its bar ("missed by 1 minute"), or in the summary line of a crowded strip
      // ("Update 1 1 minute late").
      const std::string label = communication_label(r.comms()[p.index]);
      const bool said = words.find("missed by " + describe_span(p.late)) != std::string::npos ||
                        words.find(label + " " + describe_span(p.late) + " late") != std::string::npos;
      EXPECT_EQ(said, p.state == PromiseState::missed) << describe_span(p.late) << "\n" << words;
      missed += p.state == PromiseState::missed;
      // An overdue promise, as check's update-overdue and status say: "overdue by 25 minutes".
      const bool owed = words.find("overdue by " + describe_span(p.late)) != std::string::npos;
      EXPECT_EQ(owed, p.state == PromiseState::overdue) << describe_span(p.late) << "\n" << words;
      overdue += p.state == PromiseState::overdue;
    }
  }
  EXPECT_EQ(pages, 34u);
  EXPECT_GT(missed, 0u);
  EXPECT_GT(overdue, 0u);
}
