// Each draft rule over fixtures/drafts/ and small variations of the clean drafts: where it fires
// (line:col of the decoded text, exact message) and where it must not.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "load/loader.h"
#include "rule_test_util.h"
#include "rules/draft_lint.h"
#include "rules/rule.h"

using namespace esc;

namespace {

const Instant kNow = *parse_now("2026-11-02T08:45:00Z");

std::string read_text(const std::string& relative) {
  std::ifstream in(std::string(ESCALATE_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fixture with one text replacement (exactly one occurrence of `from`).
std::string with(const std::string& fixture, const std::string& from, const std::string& to) {
  std::string text = read_text(fixture);
  auto pos = text.find(from);
  if (pos == std::string::npos || text.find(from, pos + 1) != std::string::npos)
    throw std::runtime_error("with: '" + from + "' must occur exactly once in " + fixture);
  return text.replace(pos, from.size(), to);
}

struct Lint {
  std::string name = "draft.txt";
  Instant now = kNow;
  Config config;
  const Incident* incident = nullptr;
  std::vector<CustomPattern> patterns;

  std::vector<Diagnostic> all(const std::string& text) const {
    Draft d = read_draft(text, draft_format_for(name, text));
    return lint_draft(d, name, DraftLintOptions{&config, &patterns, now, incident});
  }
  // "line:col: message" of one rule's findings.
  std::vector<std::string> operator()(std::string_view rule, const std::string& text) const {
    std::vector<std::string> out;
    for (const Diagnostic& d : all(text))
      if (d.rule == rule)
        out.push_back(std::to_string(d.mark.line) + ":" + std::to_string(d.mark.col) + ": " +
                      esc::testing::without_citation(d));
    return out;
  }
  // "rule line:col" of every finding.
  std::vector<std::string> where(const std::string& text) const {
    std::vector<std::string> out;
    for (const Diagnostic& d : all(text))
      out.push_back(d.rule + " " + std::to_string(d.mark.line) + ":" + std::to_string(d.mark.col));
    return out;
  }
};

using Strings = std::vector<std::string>;

// The example record, loaded once.
const Record& example() {
  static const LoadResult loaded =
      load_record(read_text("fixtures/ESC-2026-0142.yaml"), "fixtures/ESC-2026-0142.yaml", ParseLimits{});
  return *loaded.record;
}

const char* const kClean[] = {"clean/initial.eml",  "clean/initial.txt",    "clean/progress.eml",
                              "clean/progress.txt", "clean/resolution.eml", "clean/resolution.md"};

}  // namespace

TEST(DraftRules, EveryDraftRuleHasACheckAndEveryCheckIsDocumented) {
  std::set<std::string_view> checks;
  for (const RuleInfo* r : draft_rules()) checks.insert(r->id);
  // Every draft rule has a check; the only other rule with one is speculative-language (shared
  // with check).
  for (const RuleInfo* r : rule_table())
    EXPECT_EQ(r->draft_check != nullptr, r->kind() == RuleKind::draft || r->rule == RuleId::speculative_language)
        << r->id;
  EXPECT_EQ(checks, (std::set<std::string_view>{"speculative-language", "draft-syntax", "draft-subject-format",
                                                "draft-placeholder", "draft-missing-field", "draft-status-value",
                                                "draft-next-update", "draft-internal-footer", "draft-record-mismatch"}));
}

TEST(DraftRules, SeveritiesAreTheSpecs) {
  for (const char* id : {"draft-placeholder", "draft-missing-field", "draft-status-value", "draft-next-update",
                         "draft-internal-footer", "draft-record-mismatch"})
    EXPECT_EQ(find_rule(id)->default_severity(), Severity::error) << id;
  EXPECT_EQ(find_rule("draft-subject-format")->default_severity(), Severity::warning);
  EXPECT_EQ(find_rule("speculative-language")->default_severity(), Severity::warning);
}

TEST(DraftRules, CleanDraftsOfEveryTypeAreClean) {
  Incident incident{example(), "fixtures/ESC-2026-0142.yaml"};
  for (const char* file : kClean) {
    Lint lint;
    lint.name = file;
    EXPECT_EQ(lint.where(read_text(std::string("fixtures/drafts/") + file)), Strings{}) << file;
    lint.incident = &incident;
    EXPECT_EQ(lint.where(read_text(std::string("fixtures/drafts/") + file)), Strings{}) << file << " --incident";
  }
}

TEST(DraftRules, EachPlantedDefectIsExactlyOneFinding) {
  Incident incident{example(), "fixtures/ESC-2026-0142.yaml"};
  const std::pair<const char*, const char*> table[] = {
      {"placeholder.txt", "draft-placeholder 3:1"},
      {"placeholder.eml", "draft-placeholder 18:25"},
      {"missing-field.txt", "draft-missing-field 1:1"},
      {"status-value.eml", "draft-status-value 12:1"},
      {"next-update-no-zone.txt", "draft-next-update 9:17"},
      {"next-update-past.txt", "draft-next-update 10:17"},
      {"next-update-two-times.txt", "draft-next-update 13:37"},
      {"subject-format.txt", "draft-subject-format 1:29"},
      {"internal-footer.eml", "draft-internal-footer 29:1"},
      {"speculative-language.txt", "speculative-language 7:57"},
      {"invalid-utf8.txt", "draft-syntax 3:10"},
      {"record-mismatch.txt", "draft-record-mismatch 1:51"},
      {"record-mismatch-status.txt", "draft-record-mismatch 8:17"},
  };
  for (auto [file, expected] : table) {
    Lint lint;
    lint.name = file;
    lint.incident = &incident;
    EXPECT_EQ(lint.where(read_text(std::string("fixtures/drafts/") + file)), Strings{expected}) << file;
  }
}

// ---- draft-placeholder -------------------------------------------------------------------------

TEST(DraftPlaceholder, Fires) {
  Lint lint;
  EXPECT_EQ(lint("draft-placeholder", read_text("fixtures/drafts/placeholder.txt")),
            Strings{"3:1: unfilled placeholder '[Customer Name]'; fill it in before sending"});
  lint.name = "placeholder.eml";
  EXPECT_EQ(lint("draft-placeholder", read_text("fixtures/drafts/placeholder.eml")),
            Strings{"18:25: unfilled placeholder '[number]' in 'Impact'; fill it in before sending"});
  lint.name = "draft.txt";
  EXPECT_EQ(lint("draft-placeholder", with("fixtures/drafts/clean/initial.txt", "Northwind Logistics —", "[ACCOUNT NAME] —")),
            Strings{"1:10: unfilled placeholder '[ACCOUNT NAME]' in the subject; fill it in before sending"});
  EXPECT_EQ(lint("draft-placeholder", with("fixtures/drafts/clean/initial.txt", "Current status: Contained",
                                           "Current status: TBD")),
            Strings{"7:17: unfilled placeholder 'TBD' in 'Current status'; fill it in before sending"});
}

TEST(DraftPlaceholder, OneFindingPerProblem) {
  Lint lint;
  // A placeholder status or promise is this rule's finding only.
  const std::string status = with("fixtures/drafts/clean/initial.txt", "Current status: Contained",
                                  "Current status: [Ongoing / Contained / Resolved]");
  EXPECT_EQ(lint.where(status), Strings{"draft-placeholder 7:17"});
  const std::string promise = with("fixtures/drafts/clean/initial.txt", "Next update by: 09:45 UTC on 2 November 2026",
                                   "Next update by: [Date and time — do not miss this commitment]");
  EXPECT_EQ(lint.where(promise), Strings{"draft-placeholder 9:17"});
  // The footer's underscores are the footer's finding.
  EXPECT_EQ(lint.where(read_text("fixtures/drafts/clean/initial.txt") + "\nOwner: _____ Sent at (UTC): _____\n"),
            Strings{"draft-internal-footer 15:1"});
}

TEST(DraftPlaceholder, MustNotFire) {
  Lint lint;
  const std::string text = with("fixtures/drafts/clean/initial.txt", "Priya Raman,",
                                "Priya Raman <priya.raman@northwind.example>, see [1] and [the status page](https://x.example),");
  EXPECT_EQ(lint("draft-placeholder", text), Strings{});
}

// ---- draft-missing-field -----------------------------------------------------------------------

TEST(DraftMissingField, Fires) {
  Lint lint;
  EXPECT_EQ(lint("draft-missing-field", read_text("fixtures/drafts/missing-field.txt")),
            Strings{"1:1: the initial notification has no 'Impact:' line; the template requires it"});
  EXPECT_EQ(lint("draft-missing-field", with("fixtures/drafts/clean/progress.txt",
                                             "Next action: Return traffic to the primary gateway (owner: Sam Okafor; ETA: 10:30 UTC)\n", "")),
            Strings{"1:1: the progress update has no 'Next action:' line; the template requires it"});
  EXPECT_EQ(lint("draft-missing-field", with("fixtures/drafts/clean/progress.txt",
                                             "Update as of Monday 2 November 2026, 09:40 UTC:\n", "")),
            Strings{"1:1: the progress update has no 'Update as of [timestamp]:' line; the template requires it"});
  EXPECT_EQ(lint("draft-missing-field",
                 with("fixtures/drafts/clean/resolution.md",
                      "A post-incident review document will be shared by 13 Nov 2026. ", "")),
            Strings{"1:1: the resolution notification does not say when the post-incident review document will be "
                    "shared (\"A post-incident review document will be shared by [date].\")"});
  EXPECT_EQ(lint("draft-missing-field",
                 with("fixtures/drafts/clean/initial.txt",
                      "Impact: All card payments through the EU checkout were declined between 08:00 and 08:35 UTC. "
                      "Traffic now runs through the secondary gateway.",
                      "Impact:")),
            Strings{"8:1: 'Impact' has no value; fill it in before sending"});
}

TEST(DraftMissingField, MustNotFire) {
  Lint lint;
  // Without a template (no subject), nothing is required: draft-subject-format says so once.
  const std::string no_subject = with("fixtures/drafts/missing-field.txt",
                                      "Subject: Northwind Logistics — Escalation Opened: Card payments declined at EU checkout\n", "");
  EXPECT_EQ(lint.where(no_subject), Strings{"draft-subject-format 1:1"});
  // A missing "Next update by:" line is this rule's only; draft-next-update stays silent.
  const std::string no_promise = with("fixtures/drafts/clean/progress.txt", "Next update by: 2026-11-02 10:40 UTC\n", "");
  EXPECT_EQ(lint.where(no_promise), Strings{"draft-missing-field 1:1"});
  // Labels in the playbook's one-line form count.
  EXPECT_EQ(lint("draft-missing-field",
                 with("fixtures/drafts/clean/initial.txt", "Current status: Contained\nImpact:", "Current status: Contained Impact:")),
            Strings{});
}

// ---- draft-status-value ------------------------------------------------------------------------

TEST(DraftStatusValue, FiresWithSuggestions) {
  Lint lint;
  auto status = [&](const std::string& value) {
    return lint("draft-status-value",
                with("fixtures/drafts/clean/initial.txt", "Current status: Contained", "Current status: " + value));
  };
  const std::string statuses = " is not one of the playbook's statuses (Ongoing, Contained, Resolved)";
  EXPECT_EQ(status("Investigating"), Strings{"7:17: status 'Investigating'" + statuses + "; did you mean 'Ongoing'?"});
  EXPECT_EQ(status("Mitigated"), Strings{"7:17: status 'Mitigated'" + statuses + "; did you mean 'Contained'?"});
  EXPECT_EQ(status("Fixed."), Strings{"7:17: status 'Fixed'" + statuses + "; did you mean 'Resolved'?"});
  EXPECT_EQ(status("Under investigation — engineers engaged"),
            Strings{"7:17: status 'Under investigation'" + statuses + "; did you mean 'Ongoing'?"});
  EXPECT_EQ(status("Contianed"), Strings{"7:17: status 'Contianed'" + statuses + "; did you mean 'Contained'?"});
  EXPECT_EQ(status("Green"), Strings{"7:17: status 'Green'" + statuses + "; write Ongoing, Contained or Resolved"});
  EXPECT_EQ(lint("draft-status-value", with("fixtures/drafts/clean/initial.txt", "Current status: Contained", "Current status:")),
            Strings{"7:16: 'Current status:' is empty; write Ongoing, Contained or Resolved"});
}

TEST(DraftStatusValue, MustNotFire) {
  Lint lint;
  for (const char* ok : {"Ongoing", "contained", "RESOLVED", "Contained — traffic runs through the secondary gateway",
                         "Contained. Traffic runs through the secondary gateway."})
    EXPECT_EQ(lint("draft-status-value",
                   with("fixtures/drafts/clean/initial.txt", "Current status: Contained", std::string("Current status: ") + ok)),
              Strings{})
        << ok;
}

// ---- draft-next-update -------------------------------------------------------------------------

TEST(DraftNextUpdate, Fires) {
  Lint lint;
  auto promise = [&](const std::string& value) {
    return lint("draft-next-update", with("fixtures/drafts/clean/progress.txt", "Next update by: 2026-11-02 10:40 UTC",
                                          "Next update by: " + value));
  };
  EXPECT_EQ(promise("2 November 2026 10:40"),
            Strings{"10:17: next update time \"2 November 2026 10:40\" has no time zone; add UTC (the playbook works in UTC)"});
  EXPECT_EQ(promise("2026-11-02 08:44 UTC"),
            Strings{"10:17: next update time Monday 2 November 2026, 08:44 UTC is already past (now: Monday 2 November "
                    "2026, 08:45 UTC); promise a time that is still ahead"});
  EXPECT_EQ(promise("this afternoon"),
            Strings{"10:17: next update time \"this afternoon\" is not a date and time; promise one, e.g. \"Monday 2 "
                    "November 2026, 09:45 UTC\""});
  EXPECT_EQ(promise("10:40 UTC"),
            Strings{"10:17: next update time \"10:40 UTC\" has no date; write the date too, e.g. \"Monday 2 November "
                    "2026, 09:45 UTC\""});
  EXPECT_EQ(promise("Tuesday 2 November 2026, 10:40 UTC"),
            Strings{"10:17: next update time \"Tuesday 2 November 2026, 10:40 UTC\" names the wrong day: 2 November 2026 "
                    "is a Monday, not a Tuesday"});
  EXPECT_EQ(promise("2 November 2026 16:10 IST"),
            Strings{"10:17: next update time \"2 November 2026 16:10 IST\" uses the time zone 'IST', which has more than "
                    "one meaning; write the time in UTC"});
  EXPECT_EQ(lint("draft-next-update", with("fixtures/drafts/clean/progress.txt", "Next update by: 2026-11-02 10:40 UTC",
                                           "Next update by:")),
            Strings{"10:16: 'Next update by:' is empty; promise a date and time in UTC, e.g. \"Monday 2 November 2026, "
                    "09:45 UTC\""});
}

TEST(DraftNextUpdate, TwelveHourTimes) {
  Lint lint;
  auto promise = [&](const std::string& value) {
    return lint("draft-next-update", with("fixtures/drafts/clean/progress.txt", "Next update by: 2026-11-02 10:40 UTC",
                                          "Next update by: " + value));
  };
  // The whole value is read: 3pm is a time of day, not the end of a date.
  for (const char* time : {"3pm", "3 pm", "3PM", "3:30pm", "3 p.m.", "12am", "12pm", "noon"})
    EXPECT_EQ(promise(std::string("Thursday 26 November 2026, ") + time + " UTC"), Strings{}) << time;
  EXPECT_EQ(promise("Thursday 26 November 2026, 13pm UTC"),
            Strings{"10:17: next update time \"Thursday 26 November 2026, 13pm UTC\" is not a valid date and time: '13pm' "
                    "is not a time of day: with am or pm the hour runs from 1 to 12; write 1pm or 13:00"});
  EXPECT_EQ(promise("Thursday 26 November 2026, 3pm"),
            Strings{"10:17: next update time \"Thursday 26 November 2026, 3pm\" has no time zone; add UTC (the playbook "
                    "works in UTC)"});
  EXPECT_EQ(promise("Thursday 26 November 2026, midnight UTC"),
            Strings{"10:17: next update time \"Thursday 26 November 2026, midnight UTC\" is not a valid date and time: "
                    "'midnight' could be the start or the end of the day; write 00:00 or 23:59"});
  // 12am is the start of the day: already past at --now.
  lint.now = *parse_now("2026-11-26T08:00:00Z");
  EXPECT_EQ(promise("Thursday 26 November 2026, 12am UTC"),
            Strings{"10:17: next update time Thursday 26 November 2026, 00:00 UTC is already past (now: Thursday 26 "
                    "November 2026, 08:00 UTC); promise a time that is still ahead"});
}

TEST(DraftNextUpdate, ZoneNotInEffectOnThatDate) {
  Lint lint;
  auto promise = [&](const std::string& value) {
    return lint("draft-next-update", with("fixtures/drafts/clean/progress.txt", "Next update by: 2026-11-02 10:40 UTC",
                                          "Next update by: " + value));
  };
  EXPECT_EQ(promise("26 November 2026, 15:00 BST"),
            Strings{"10:17: next update time \"26 November 2026, 15:00 BST\": BST is not in effect on Thursday 26 "
                    "November 2026 (it is GMT then); write the time in UTC"});
  EXPECT_EQ(promise("Thursday 26 November 2026, 4pm CEST"),
            Strings{"10:17: next update time \"Thursday 26 November 2026, 4pm CEST\": CEST is not in effect on Thursday "
                    "26 November 2026 (it is CET then); write the time in UTC"});
  for (const char* ok : {"26 November 2026, 15:00 GMT", "26 November 2026, 15:00 UTC", "26 November 2026, 16:00 CET",
                         "Thursday 1 July 2027, 4pm BST"})
    EXPECT_EQ(promise(ok), Strings{}) << ok;
}

TEST(DraftNextUpdate, ProsePromisesAreRead) {
  Lint lint;
  // The template's sentence names a time of day; it is read on the date of "Next update by:".
  auto draft = [](const std::string& field, const std::string& prose) {
    std::string text = with("fixtures/drafts/clean/initial.txt", "by 2026-11-02T09:45:00Z", "by " + prose);
    const std::string was = "09:45 UTC on 2 November 2026";
    return text.replace(text.find(was), was.size(), field);
  };
  const std::string field = "Thursday 26 November 2026, 15:00 UTC";
  // The same time written two ways is one promise.
  for (const char* same : {"3pm UTC", "15:00 UTC", "3:00 pm UTC", "Thursday 26 November 2026, 3pm UTC",
                           "2026-11-26T15:00:00Z", "4pm CET"})
    EXPECT_EQ(lint("draft-next-update", draft(field, same)), Strings{}) << same;
  EXPECT_EQ(lint("draft-next-update", draft("Thursday 26 November 2026, 3pm UTC", "15:00 UTC")), Strings{});
  // A different time is a second promise.
  EXPECT_EQ(lint("draft-next-update", draft(field, "4pm UTC")),
            Strings{"13:37: two different next update times in one email: Thursday 26 November 2026, 16:00 UTC here, "
                    "but Thursday 26 November 2026, 15:00 UTC on line 9; promise one time"});
  EXPECT_EQ(lint("draft-next-update", draft(field, "Friday 27 November 2026, 3pm UTC")),
            Strings{"13:37: two different next update times in one email: Friday 27 November 2026, 15:00 UTC here, "
                    "but Thursday 26 November 2026, 15:00 UTC on line 9; promise one time"});
  // The prose's zone is checked on that date too.
  EXPECT_EQ(lint("draft-next-update", draft(field, "4pm BST")),
            Strings{"13:37: next update time \"4pm BST\": BST is not in effect on Thursday 26 November 2026 (it is GMT "
                    "then); write the time in UTC"});
  // With no date anywhere, a time of day alone is still a promise without a date.
  EXPECT_EQ(lint("draft-next-update", draft("3pm UTC", "3pm UTC")),
            (Strings{"9:17: next update time \"3pm UTC\" has no date; write the date too, e.g. \"Monday 2 November "
                     "2026, 09:45 UTC\"",
                     "13:37: next update time \"3pm UTC\" has no date; write the date too, e.g. \"Monday 2 November "
                     "2026, 09:45 UTC\""}));
}

TEST(DraftNextUpdate, TheDocumentedExamples) {
  Lint lint;
  const RuleInfo* rule = find_rule("draft-next-update");
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(lint("draft-next-update", std::string(rule->bad_example)).size(), 1u);
  EXPECT_EQ(lint("draft-next-update", std::string(rule->good_example)), Strings{});
}

TEST(DraftNextUpdate, TwoDifferentTimes) {
  Lint lint;
  std::vector<Diagnostic> d = lint.all(read_text("fixtures/drafts/next-update-two-times.txt"));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].message,
            "two different next update times in one email: Monday 2 November 2026, 10:45 UTC here, but Monday 2 "
            "November 2026, 09:45 UTC on line 9; promise one time (playbook: \"Next update by: [Date and time — do "
            "not miss this commitment]\")");
  ASSERT_EQ(d[0].notes.size(), 1u);
  EXPECT_EQ(d[0].notes[0].mark, (Mark{9, 17}));
  EXPECT_EQ(d[0].notes[0].message, "the first promise: Monday 2 November 2026, 09:45 UTC");
}

TEST(DraftNextUpdate, MustNotFire) {
  Lint lint;
  // A promise at exactly --now is still kept.
  lint.now = *parse_now("2026-11-02T10:40:00Z");
  EXPECT_EQ(lint("draft-next-update", read_text("fixtures/drafts/clean/progress.txt")), Strings{});
  // The same time written two ways is one promise.
  lint.now = kNow;
  EXPECT_EQ(lint("draft-next-update", read_text("fixtures/drafts/clean/initial.txt")), Strings{});
  // "the next update by email" is not a time.
  EXPECT_EQ(lint("draft-next-update", read_text("fixtures/drafts/clean/progress.txt") +
                                          "\nYou will receive the next update by email.\n"),
            Strings{});
}

// ---- draft-subject-format ----------------------------------------------------------------------

TEST(DraftSubjectFormat, Fires) {
  Lint lint;
  const std::string tmpl = "\"ACCOUNT — Escalation Opened|Update #N|Resolved: TITLE\"";
  EXPECT_EQ(lint("draft-subject-format", read_text("fixtures/drafts/subject-format.txt")),
            Strings{"1:29: write \" — \" (a spaced em dash) between the account and 'Escalation Opened', as the template "
                    "does (" + tmpl + ")"});
  EXPECT_EQ(lint("draft-subject-format", "Priya,\n\nCurrent status: Ongoing\n"),
            Strings{"1:1: the draft has no subject line; start it with \"Subject: ACCOUNT — Escalation Opened|Update "
                    "#N|Resolved: TITLE\" so the customer and the type checks know which update this is"});
  EXPECT_EQ(lint("draft-subject-format", "Subject: Card payments\n\nPriya,\n"),
            Strings{"1:10: subject \"Card payments\" matches none of the three templates (" + tmpl +
                    "), so the draft's type is unknown and the template's fields were not checked"});
  EXPECT_EQ(lint("draft-subject-format", "Subject:\n\nPriya,\n"),
            Strings{"1:9: the subject is empty; write " + tmpl});
  lint.name = "draft.eml";
  EXPECT_EQ(lint("draft-subject-format", "From: dana@example.com\n\nPriya,\n"),
            Strings{"1:1: the message has no Subject header; start it with \"Subject: ACCOUNT — Escalation "
                    "Opened|Update #N|Resolved: TITLE\" so the customer and the type checks know which update this is"});
}

// ---- draft-internal-footer ---------------------------------------------------------------------

TEST(DraftInternalFooter, Fires) {
  Lint lint;
  lint.name = "internal-footer.eml";
  EXPECT_EQ(lint("draft-internal-footer", read_text("fixtures/drafts/internal-footer.eml")),
            Strings{"29:1: the internal footer \"Owner: ... Sent at (UTC): ...\" is still in the draft; it belongs in the "
                    "incident record, not in the customer's inbox: delete the line"});
}

TEST(DraftInternalFooter, MustNotFire) {
  Lint lint;
  EXPECT_EQ(lint("draft-internal-footer", read_text("fixtures/drafts/clean/initial.txt") +
                                              "\nThe owner: Sam Okafor confirmed the fix.\n"),
            Strings{});
}

// ---- speculative-language ----------------------------------------------------------------------

TEST(DraftSpeculativeLanguage, Fires) {
  Lint lint;
  // The draft's hedge: the playbook line of the row (left out by the helper: see the registry test).
  const std::string tail = " is speculative language; state confirmed facts only";
  EXPECT_EQ(lint("speculative-language", read_text("fixtures/drafts/speculative-language.txt")),
            Strings{"7:57: 'probably'" + tail});
  EXPECT_EQ(lint("speculative-language",
                 with("fixtures/drafts/clean/initial.txt", "Card payments declined", "Card payments possibly declined")),
            Strings{"1:65: 'possibly'" + tail});
}

TEST(DraftSpeculativeLanguage, PlansMayLookAhead) {
  Lint lint;
  const std::string text = with("fixtures/drafts/clean/progress.txt", "Next action: Return traffic",
                                "Next action: We might return traffic");
  EXPECT_EQ(lint("speculative-language", text), Strings{});
}

// ---- draft-syntax ------------------------------------------------------------------------------

TEST(DraftSyntax, UnreadableDraftsGetOneFinding) {
  Lint lint;
  EXPECT_EQ(lint.where(""), Strings{"draft-syntax 0:0"});
  EXPECT_EQ(lint.where(std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10)), Strings{"draft-syntax 0:0"});
  EXPECT_EQ(lint("draft-syntax", read_text("fixtures/drafts/invalid-utf8.txt")),
            Strings{"3:10: the text is not valid UTF-8 here (shown as U+FFFD); save the draft as UTF-8 or declare its charset"});
}

TEST(DraftSyntax, AMegabyteOnOneLine) {
  Lint lint;
  std::string big = "Subject: Northwind Logistics — Escalation Opened: X\n\n";
  for (int i = 0; i < 50000; ++i) big += "TBD probably [x] ";
  std::vector<Diagnostic> d = lint.all(big);
  EXPECT_GT(d.size(), 100000u);  // every placeholder and hedge, found in linear time
}

// ---- draft-record-mismatch ---------------------------------------------------------------------

TEST(DraftRecordMismatch, AgainstTheExample) {
  Incident incident{example(), "fixtures/ESC-2026-0142.yaml"};
  Lint lint;
  lint.incident = &incident;
  EXPECT_EQ(lint("draft-record-mismatch", read_text("fixtures/drafts/record-mismatch.txt")),
            Strings{"1:51: update #3 is not next in sequence: the record's last progress update is #1 "
                    "(fixtures/ESC-2026-0142.yaml:115:13), so this one is #2"});
  EXPECT_EQ(lint("draft-record-mismatch", read_text("fixtures/drafts/record-mismatch-status.txt")),
            Strings{"8:17: status 'Ongoing' disagrees with the record: the progress update #1 says contained "
                    "(fixtures/ESC-2026-0142.yaml:118:13)"});
  EXPECT_EQ(lint("draft-record-mismatch", with("fixtures/drafts/clean/initial.txt", "Northwind Logistics —", "Northwind —")),
            Strings{"1:10: account 'Northwind' in the subject is not the record's account 'Northwind Logistics' "
                    "(fixtures/ESC-2026-0142.yaml:9:9)"});
  EXPECT_EQ(lint("draft-record-mismatch", with("fixtures/drafts/clean/progress.txt", "2026-11-02 10:40 UTC", "2026-11-02 10:50 UTC")),
            Strings{"10:17: next update time Monday 2 November 2026, 10:50 UTC disagrees with the record's next_update_by "
                    "Monday 2 November 2026, 10:40 UTC (fixtures/ESC-2026-0142.yaml:124:21)"});
  EXPECT_EQ(lint("draft-record-mismatch", with("fixtures/drafts/clean/resolution.md", "13 Nov 2026", "12 Nov 2026")),
            Strings{"20:51: post-incident review date Thursday 12 November 2026 disagrees with the record's pir_share_by "
                    "Friday 13 November 2026 (fixtures/ESC-2026-0142.yaml:136:19)"});
  // Case and spacing do not make a different account.
  EXPECT_EQ(lint("draft-record-mismatch", with("fixtures/drafts/clean/initial.txt", "Northwind Logistics —", "NORTHWIND  logistics —")),
            Strings{});
}

TEST(DraftRecordMismatch, NewCommunications) {
  const std::string yaml =
      "version: 1\nid: ESC-1\ntitle: X\naccount:\n  name: Acme\nstatus: ongoing\ntimeline:\n"
      "  - milestone: resolution_confirmed\n    at: 2026-11-02T10:20:00Z\ncommunications:\n"
      "  - type: initial\n    sent_at: 2026-11-02T08:45:00Z\n    status: ongoing\n"
      "    next_update_by: 2026-11-02T09:45:00Z\n";
  LoadResult loaded = load_record(yaml, "record.yaml", ParseLimits{});
  ASSERT_TRUE(loaded.record);
  Incident incident{*loaded.record, "record.yaml"};
  Lint lint;
  lint.incident = &incident;
  const std::string progress = "Subject: Acme — Escalation Update #2: X\n\nCurrent status: Ongoing\n";
  EXPECT_EQ(lint("draft-record-mismatch", progress),
            Strings{"1:36: update #2 is not next in sequence: the record has no progress update yet, so this one is #1"});
  EXPECT_EQ(lint("draft-record-mismatch", "Subject: Acme — Escalation Update #1: X\n\nCurrent status: Contained\n"),
            Strings{"3:17: status 'Contained' disagrees with the record: its status is ongoing (record.yaml:6:9)"});
  EXPECT_EQ(lint("draft-record-mismatch",
                 "Subject: Acme — Escalation Resolved: X\n\nA post-incident review document will be shared by "
                 "17 November 2026.\n"),
            (Strings{"1:17: this is a resolution notification, but the record's status is ongoing (record.yaml:6:9); "
                     "confirm the resolution in the record first",
                     "3:51: post-incident review date Tuesday 17 November 2026 is more than 10 business days after the "
                     "resolution on Monday 2 November 2026; promise it by Monday 16 November 2026"}));
  // Without --incident the rule is silent.
  lint.incident = nullptr;
  EXPECT_EQ(lint("draft-record-mismatch", progress), Strings{});
}

// ---- configuration -----------------------------------------------------------------------------

TEST(DraftConfig, SeveritiesAndOff) {
  Lint lint;
  lint.config.rule_severity["draft-placeholder"] = Severity::warning;
  std::vector<Diagnostic> d = lint.all(read_text("fixtures/drafts/placeholder.txt"));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].severity, Severity::warning);
  lint.config.rule_severity["draft-placeholder"] = Severity::off;
  EXPECT_EQ(lint.where(read_text("fixtures/drafts/placeholder.txt")), Strings{});
}

TEST(DraftConfig, CustomPatterns) {
  Config config;
  config.file = ".escalate.yaml";
  config.lint_patterns = {{"internal-codename", "(?i)project falcon", "internal code name", Severity::warning, {5, 16}}};
  std::vector<std::string> errors;
  Lint lint;
  lint.patterns = compile_patterns(config, errors);
  EXPECT_EQ(errors, Strings{});
  EXPECT_EQ(lint("internal-codename", read_text("fixtures/drafts/custom/codename.txt")),
            Strings{"8:35: internal code name ('Project Falcon')"});
  EXPECT_EQ(lint.all(read_text("fixtures/drafts/custom/codename.txt")).front().severity, Severity::warning);
  lint.config.rule_severity["internal-codename"] = Severity::off;
  EXPECT_EQ(lint.where(read_text("fixtures/drafts/custom/codename.txt")), Strings{});
}

TEST(DraftConfig, BadPatternsAreConfigurationErrors) {
  Config config;
  config.file = ".escalate.yaml";
  config.lint_patterns = {{"codename", "(unclosed", "m", Severity::error, {4, 16}},
                          {"draft-placeholder", "x", "m", Severity::error, {8, 16}}};
  std::vector<std::string> errors;
  EXPECT_TRUE(compile_patterns(config, errors).empty());
  EXPECT_EQ(errors, (Strings{".escalate.yaml:4:16: configuration: lint.patterns[0].pattern is not a valid RE2 regular "
                             "expression: missing ): (unclosed",
                             ".escalate.yaml:8:16: configuration: lint.patterns[1].id 'draft-placeholder' is a built-in "
                             "rule id; give the custom pattern its own id"}));
}

// ---- issue 16: drafts as people write them ------------------------------------------------------

TEST(DraftPlaceholder, TagsBannersAndSizesAreNotPlaceholders) {
  Lint lint;
  // A mail gateway's subject tag: neither a placeholder nor part of the account.
  EXPECT_EQ(lint.where(with("fixtures/drafts/clean/initial.txt", "Subject: Northwind", "Subject: [EXTERNAL] Northwind")),
            Strings{});
  Incident incident{example(), "fixtures/ESC-2026-0142.yaml"};
  lint.incident = &incident;
  EXPECT_EQ(lint.where(with("fixtures/drafts/clean/initial.txt", "Subject: Northwind", "Subject: RE: [EXTERNAL] Northwind")),
            Strings{});
  lint.incident = nullptr;
  EXPECT_EQ(lint.where(with("fixtures/drafts/clean/initial.txt", "Priya Raman,",
                            "[Confidential – for Northwind Logistics only]\n\nPriya Raman,")),
            Strings{});
  EXPECT_EQ(lint.where(with("fixtures/drafts/clean/initial.txt", "Traffic now runs",
                            "Orders of XX-large parcels were affected. Traffic now runs")),
            Strings{});
}

TEST(DraftPlaceholder, TheTemplateFieldsAndFillersStillFire) {
  Lint lint;
  auto impact = [&](const std::string& value) {
    return lint("draft-placeholder", with("fixtures/drafts/clean/initial.txt",
                                          "Impact: All card payments", "Impact: " + value + " All card payments"));
  };
  EXPECT_EQ(impact("[Describe known impact clearly and factually]").size(), 1u);
  EXPECT_EQ(impact("[Customer name]").size(), 1u);
  EXPECT_EQ(impact("[Insert affected regions]").size(), 1u);
  EXPECT_EQ(impact("[DATE]").size(), 1u);
  EXPECT_EQ(impact("TODO").size(), 1u);
  EXPECT_EQ(impact("XXX orders").size(), 1u);
  EXPECT_EQ(impact("<NAME>").size(), 1u);
  EXPECT_EQ(impact("{{ count }}").size(), 1u);
  EXPECT_EQ(impact("_____").size(), 1u);
  EXPECT_EQ(lint("draft-placeholder", with("fixtures/drafts/clean/initial.txt", "Next update by: 09:45 UTC on 2 November 2026",
                                           "Next update by: [Date and time – do not miss this commitment]")),
            Strings{"9:17: unfilled placeholder '[Date and time – do not miss this commitment]' in 'Next update by'; "
                    "fill it in before sending"});
}

TEST(DraftNextUpdate, TheYearIsImpliedByTheDraftsDate) {
  Lint lint;
  const std::string text = with("fixtures/drafts/clean/progress.txt", "Next update by: 2026-11-02 10:40 UTC",
                                "Next update by: 10:40 UTC today, Monday 2 November");
  EXPECT_EQ(lint("draft-next-update", text), Strings{});
  EXPECT_EQ(lint("draft-next-update", with("fixtures/drafts/clean/progress.txt", "Next update by: 2026-11-02 10:40 UTC",
                                           "Next update by: today at 10:40 UTC")),
            Strings{});
  // The Date header decides the year (here --now is a year later).
  lint.now = *parse_now("2027-11-02T08:45:00Z");
  const std::string eml = "Date: Mon, 2 Nov 2026 08:40:00 +0000\n" + text;
  lint.name = "draft.eml";
  std::vector<std::string> got = lint("draft-next-update", eml);
  ASSERT_EQ(got.size(), 1u);  // 2 November 2026 is a year before --now: past, not "no year"
  EXPECT_NE(got[0].find("Monday 2 November 2026, 10:40 UTC is already past"), std::string::npos) << got[0];
  // Far from any reference and without a weekday, the year stays unknown.
  lint.name = "draft.txt";
  lint.now = kNow;
  EXPECT_EQ(lint("draft-next-update", with("fixtures/drafts/clean/progress.txt", "Next update by: 2026-11-02 10:40 UTC",
                                           "Next update by: 10:40 UTC on 2 May")),
            Strings{"10:17: next update time \"10:40 UTC on 2 May\" has no year; write the full date, e.g. \"Monday 2 "
                    "November 2026, 09:45 UTC\""});
}

TEST(DraftNextUpdate, NumericDatesInTheConfiguredOrder) {
  Lint lint;
  auto promise = [&](const std::string& value) {
    return lint("draft-next-update", with("fixtures/drafts/clean/progress.txt", "Next update by: 2026-11-02 10:40 UTC",
                                          "Next update by: " + value));
  };
  EXPECT_EQ(promise("02/11/2026 10:40 UTC"), Strings{});   // day first: 2 November
  EXPECT_EQ(promise("2.11.2026 10:40 UTC"), Strings{});
  EXPECT_EQ(promise("11/02/2026 10:40 UTC").size(), 1u);   // 11 February, months away, 2 November near
  EXPECT_EQ(promise("11/02/2026 10:40 UTC")[0],
            "10:17: next update time \"11/02/2026 10:40 UTC\" has an ambiguous date: '11/02/2026' reads as Wednesday 11 "
            "February 2026 (day first, the configured lint.date_order), but Monday 2 November 2026 is nearer the "
            "draft's date; write the month as a word");
  EXPECT_EQ(promise("Monday 11/02/2026 10:40 UTC"), Strings{});  // the weekday decides
  lint.config.date_order = DateOrder::month_first;
  EXPECT_EQ(promise("11/02/2026 10:40 UTC"), Strings{});
  EXPECT_EQ(promise("11/25/2026 10:40 UTC"), Strings{});  // only one reading is a date (25 November)
}

TEST(DraftNextUpdate, APastTimeWrittenTwiceIsOneFinding) {
  Lint lint;
  const std::string text = with("fixtures/drafts/clean/initial.txt", "09:45 UTC on 2 November 2026", "08:15 UTC on 2 November 2026");
  const std::string twice = text.substr(0, text.find("2026-11-02T09:45:00Z")) + "8:15am UTC" +
                            text.substr(text.find("2026-11-02T09:45:00Z") + std::string("2026-11-02T09:45:00Z").size());
  std::vector<Diagnostic> d = lint.all(twice);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].rule, "draft-next-update");
  EXPECT_EQ(d[0].mark, (Mark{9, 17}));
  ASSERT_EQ(d[0].notes.size(), 1u);
  EXPECT_EQ(d[0].notes[0].mark, (Mark{13, 37}));
}

TEST(DraftNextUpdate, ConversionsBesideATimeAreChecked) {
  Lint lint;
  auto with_line = [&](const std::string& line) {
    return lint("draft-next-update", with("fixtures/drafts/clean/progress.txt", "Next update by: 2026-11-02 10:40 UTC",
                                          "Next update by: 2026-11-02 10:40 UTC\n" + line));
  };
  EXPECT_EQ(with_line("That is 10:40 UTC (11:40 CET, 05:40 EST) for your teams."), Strings{});
  EXPECT_EQ(with_line("The fix went live at 23:30 UTC (00:30 CET)."), Strings{});  // across midnight
  EXPECT_EQ(with_line("That is 10:40 UTC (12:40 CET)."),
            Strings{"11:20: '12:40 CET' is 11:40 UTC, but the time it converts, '10:40 UTC', is 10:40 UTC; correct the "
                    "conversion"});
  EXPECT_EQ(with_line("That is 10:40 UTC (11:40 CET, 06:40 EST)."),
            Strings{"11:31: '06:40 EST' is 11:40 UTC, but the time it converts, '10:40 UTC', is 10:40 UTC; correct the "
                    "conversion"});
}

TEST(DraftRecordMismatch, TheNextUpdateWithinTheSeveritysCadence) {
  // The example record is P1 (cadence 1 hour); a new progress update #2 sent at --now 10:30.
  Incident incident{example(), "fixtures/ESC-2026-0142.yaml"};
  Lint lint;
  lint.incident = &incident;
  lint.now = *parse_now("2026-11-02T10:30:00Z");
  std::string update2 = with("fixtures/drafts/clean/progress.txt", "Update #1", "Update #2");
  update2.replace(update2.find("Current status: Contained"), 25, "Current status: Resolved");  // the record's
  auto promising = [&](const std::string& when) {
    return lint("draft-record-mismatch", [&] {
      std::string t = update2;
      return t.replace(t.find("2026-11-02 10:40 UTC"), 20, when);
    }());
  };
  EXPECT_EQ(promising("2026-11-02 11:30 UTC"), Strings{});  // exactly one cadence away
  std::vector<std::string> late = promising("2026-11-02 13:30 UTC");
  ASSERT_EQ(late.size(), 1u);
  EXPECT_NE(late[0].find("is 3 hours after the draft is sent (Monday 2 November 2026, 10:30 UTC), but the record's "
                         "severity is P1"),
            std::string::npos)
      << late[0];
  EXPECT_NE(late[0].find("promise an update by Monday 2 November 2026, 11:30 UTC at the latest"), std::string::npos);
}
