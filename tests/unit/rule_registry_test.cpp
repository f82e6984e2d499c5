// The registry of checks (core/rule_registry.h): every rule is one row, the rule table documents
// each row once, and every finding any emitter makes — the loader, the record and draft rules,
// the batch, the pack builder — carries a registered id and its row's severity.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "pipeline/batch.h"
#include "core/rule_registry.h"
#include "draft/draft.h"
#include "render/email.h"
#include "render/templates.h"
#include "render/readout_pdf.h"
#include "rule_test_util.h"
#include "rules/draft_lint.h"
#include "rules/engine.h"

using namespace esc;
using namespace esc::testing;

namespace {

namespace fs = std::filesystem;

// Every file under a folder of the source tree with one of the extensions, relative to it.
std::vector<std::string> files_under(const std::string& folder, std::set<std::string> extensions) {
  std::vector<std::string> out;
  const fs::path root(ESCALATE_SOURCE_DIR);
  for (const auto& e : fs::recursive_directory_iterator(root / folder))
    if (e.is_regular_file() && extensions.contains(e.path().extension().string()))
      out.push_back(fs::relative(e.path(), root).string());
  std::sort(out.begin(), out.end());
  return out;
}

// The repository's copy of the playbook, its runs of white space (tabs in its tables, line
// breaks) made single spaces.
const std::string& playbook() {
  static const std::string text = [] {
    std::string out;
    for (char c : read_text("docs/PLAYBOOK.md")) {
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (space && (out.empty() || out.back() == ' ')) continue;
      out += space ? ' ' : c;
    }
    return out;
  }();
  return text;
}

// The line of the playbook a message ends with: `(playbook: "LINE")`; empty when it has none.
std::string cited_line(const std::string& message) {
  const std::string open = " (playbook: \"";
  const std::size_t at = message.rfind(open);
  if (at == std::string::npos || !message.ends_with("\")")) return "";
  return message.substr(at + open.size(), message.size() - at - open.size() - 2);
}

// The finding's id is a row's and its severity is the row's (a reminder's, for a rule that has
// reminders); its message ends with the row's playbook citation (speculative-language cites the
// line that asks for facts in the field it found a hedge in), a line that is in the playbook.
void expect_from_registry(const Diagnostic& d, const std::string& where) {
  const RuleRow* row = find_rule_row(d.rule);
  ASSERT_NE(row, nullptr) << where << ": unregistered rule id '" << d.rule << "'";
  if (row->reminder_severity == Severity::off || d.severity != row->reminder_severity) {
    EXPECT_EQ(to_string(d.severity), to_string(row->default_severity)) << where << ": " << d.rule << ": " << d.message;
  }
  const std::string citation = playbook_citation(row->rule);
  if (citation.empty()) {
    EXPECT_EQ(cited_line(d.message), "") << where << ": " << d.message;
  } else if (row->rule == RuleId::speculative_language && !d.message.ends_with(citation)) {
    EXPECT_NE(cited_line(d.message), "") << where << ": " << d.message;
    EXPECT_NE(playbook().find(cited_line(d.message)), std::string::npos) << where << ": " << d.message;
  } else {
    EXPECT_TRUE(d.message.ends_with(citation)) << where << ": " << d.message;
  }
}

const RuleRow& rule_row_of(const Diagnostic& d) {
  const RuleRow* row = find_rule_row(d.rule);
  if (!row) throw std::runtime_error("unregistered rule id " + d.rule);
  return *row;
}

}  // namespace

TEST(RuleRegistry, EveryRowIsDocumentedOnceInTheRuleTable) {
  ASSERT_EQ(rule_table().size(), kRuleRows.size());
  for (std::size_t i = 0; i < kRuleRows.size(); ++i) {
    const RuleInfo& info = *rule_table()[i];
    EXPECT_EQ(info.rule, kRuleRows[i].rule) << kRuleRows[i].id;  // same order: documentation order
    EXPECT_EQ(info.id, kRuleRows[i].id);                         // the convenience copy is the row's
    EXPECT_EQ(find_rule(kRuleRows[i].id), &info);
    EXPECT_EQ(find_rule_row(kRuleRows[i].id), &kRuleRows[i]);
  }
  EXPECT_EQ(find_rule_row("no-such-rule"), nullptr);
}

// Every row says what asks for it: a line that really is in the playbook, else a SPEC section.
TEST(RuleRegistry, EveryRowCitesThePlaybookOrTheSpec) {
  for (const RuleRow& row : kRuleRows) {
    SCOPED_TRACE(std::string(row.id));
    if (row.asked_by.starts_with("SPEC §")) {
      EXPECT_EQ(playbook_citation(row.rule), "");
      continue;
    }
    ASSERT_TRUE(row.asked_by.size() > 2 && row.asked_by.starts_with('"') && row.asked_by.ends_with('"'));
    const std::string_view line = row.asked_by.substr(1, row.asked_by.size() - 2);
    EXPECT_NE(playbook().find(line), std::string::npos) << "not in docs/PLAYBOOK.md: " << line;
    EXPECT_EQ(playbook_citation(row.rule), " (playbook: " + std::string(row.asked_by) + ")");
  }
  // The copy is the playbook (its purpose line), not an empty file.
  EXPECT_NE(playbook().find("Use this document from first escalation signal through to resolution"), std::string::npos);
}

TEST(RuleRegistry, KindsAreTheSpecs) {
  EXPECT_EQ(rule_row(RuleId::schema).kind, RuleKind::loader);
  EXPECT_EQ(rule_row(RuleId::yaml_syntax).kind, RuleKind::loader);
  EXPECT_EQ(rule_row(RuleId::timestamp_utc).kind, RuleKind::loader);
  EXPECT_EQ(rule_row(RuleId::duplicate_id).kind, RuleKind::batch);
  EXPECT_EQ(rule_row(RuleId::readout_one_page).kind, RuleKind::build);
  EXPECT_EQ(rule_row(RuleId::readout_glyph).kind, RuleKind::build);
  EXPECT_EQ(rule_row(RuleId::draft_syntax).kind, RuleKind::draft);
  EXPECT_EQ(rule_row(RuleId::update_promise_kept).kind, RuleKind::record);
  // Only pir-scheduled has a reminder ("info while still in time").
  for (const RuleRow& row : kRuleRows)
    EXPECT_EQ(row.reminder_severity, row.rule == RuleId::pir_scheduled ? Severity::info : Severity::off) << row.id;
}

TEST(RuleRegistry, AFindingStartsWithItsRowsIdAndSeverity) {
  for (const RuleRow& row : kRuleRows) {
    const Diagnostic d = make_finding(row.rule);
    EXPECT_EQ(d.rule, row.id);
    EXPECT_EQ(d.severity, row.default_severity) << row.id;
  }
}

TEST(RuleRegistry, EveryRecordFixturesFindingsAreRegisteredWithTheirRowsSeverity) {
  Config config;
  const Calendar calendar(config.calendar, config.holidays);
  std::set<std::string> seen;
  for (const std::string& file : files_under("fixtures", {".yaml"})) {
    CheckedRecord checked = check_record_text(read_text(file), file, CheckOptions{&config, example_now()}, calendar);
    for (const Diagnostic& d : checked.diagnostics) {
      expect_from_registry(d, file);
      seen.insert(d.rule);
    }
    // The pack builder's findings: emails and the readout.
    if (!checked.record || !checked.record->id) continue;
    for (const Diagnostic& d : build_emails(*checked.record, builtin_templates(), EmailOptions{}).findings)
      expect_from_registry(d, file + " (emails)");
  }
  // The fixtures reach the loader's, the record rules' and a reminder.
  for (const char* id : {"schema", "yaml-syntax", "timestamp-utc", "update-promise-kept"})
    EXPECT_TRUE(seen.contains(id)) << id;
}

TEST(RuleRegistry, EveryDraftFixturesFindingsAreRegisteredWithTheirRowsSeverity) {
  Config config;
  std::set<std::string> seen;
  for (const std::string& file : files_under("fixtures/drafts", {".eml", ".txt", ".md"})) {
    const std::string text = read_text(file);
    const Draft draft = read_draft(text, draft_format_for(file, text));
    for (const Diagnostic& d : lint_draft(draft, file, DraftLintOptions{&config, nullptr, example_now(), nullptr})) {
      expect_from_registry(d, file);
      seen.insert(d.rule);
    }
  }
  for (const char* id : {"draft-syntax", "draft-placeholder", "draft-internal-footer", "speculative-language"})
    EXPECT_TRUE(seen.contains(id)) << id;
}

TEST(RuleRegistry, BatchAndBuildFindingsComeFromTheirRows) {
  Config config;
  auto dup = duplicate_id_finding("b.yaml", "ESC-1", {2, 5}, "a.yaml", {2, 5}, config);
  ASSERT_TRUE(dup.has_value());
  expect_from_registry(*dup, "duplicate-id");
  EXPECT_EQ(dup->rule, "duplicate-id");
  // A configured severity still applies, and off drops the finding.
  config.rule_severity["duplicate-id"] = Severity::warning;
  EXPECT_EQ(duplicate_id_finding("b.yaml", "ESC-1", {2, 5}, "a.yaml", {2, 5}, config)->severity, Severity::warning);
  config.rule_severity["duplicate-id"] = Severity::off;
  EXPECT_FALSE(duplicate_id_finding("b.yaml", "ESC-1", {2, 5}, "a.yaml", {2, 5}, config).has_value());
}

TEST(RuleRegistry, ConfiguredSeveritiesStillOverrideTheRow) {
  Config config;
  config.rule_severity["update-promise-kept"] = Severity::warning;
  config.rule_severity["speculative-language"] = Severity::error;
  const Calendar calendar(config.calendar, config.holidays);
  const std::string file = "fixtures/rules/update-promise-kept.yaml";
  auto checked = check_record_text(read_text(file), file, CheckOptions{&config, example_now()}, calendar);
  ASSERT_FALSE(checked.diagnostics.empty());
  for (const Diagnostic& d : checked.diagnostics)
    EXPECT_EQ(d.severity, d.rule == "update-promise-kept" ? Severity::warning : rule_row_of(d).default_severity);
  const std::string draft_file = "fixtures/drafts/speculative-language.txt";
  const std::string text = read_text(draft_file);
  const Draft draft = read_draft(text, draft_format_for(draft_file, text));
  const auto found = lint_draft(draft, draft_file, DraftLintOptions{&config, nullptr, example_now(), nullptr});
  ASSERT_FALSE(found.empty());
  for (const Diagnostic& d : found)
    EXPECT_EQ(d.severity, d.rule == "speculative-language" ? Severity::error : rule_row_of(d).default_severity);
  config.rule_severity["speculative-language"] = Severity::off;
  for (const Diagnostic& d : lint_draft(draft, draft_file, DraftLintOptions{&config, nullptr, example_now(), nullptr}))
    EXPECT_NE(d.rule, "speculative-language");
}

// Emitters name rules by RuleId (make_finding); a rule id or severity written as a literal would
// bypass the registry. (Custom lint.patterns carry the user's id and severity from variables.)
TEST(RuleRegistry, NoEmitterWritesARuleIdOrSeverityLiterally) {
  for (const std::string& file : files_under("src", {".cpp", ".h"})) {
    if (file == "src/core/rule_registry.cpp") continue;  // make_finding: where they are set
    const std::string text = read_text(file);
    for (const char* literal : {".rule = \"", ".rule = std::string(", ".severity = Severity::"})
      EXPECT_EQ(text.find(literal), std::string::npos) << file << ": '" << literal << "'";
  }
}
