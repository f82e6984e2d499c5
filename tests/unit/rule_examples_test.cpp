// Every rule's documented failing and passing example — what `escalate explain RULE`, the README
// and SARIF show — is executed: the failing example makes that rule fire and no other, the
// passing example does not make it fire.
//
// A record example is a fragment: it is checked alone with its rule, and also in place of the
// same top-level keys of the example record (fixtures/ESC-2026-0142.yaml) through the whole
// pipeline, where the rules the failing example fires beyond the passing one's are exactly its
// rule. Draft examples are linted as drafts the same way; duplicate-id's two files are a batch.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "pipeline/batch.h"
#include "draft/draft.h"
#include "render/readout_pdf.h"
#include "rule_test_util.h"
#include "rules/draft_lint.h"
#include "rules/engine.h"

using namespace esc;
using namespace esc::testing;

namespace {

namespace fs = std::filesystem;
using Rules = std::set<std::string>;

// An example may say which clock it is checked with ("# checked with --now 2026-12-16T09:00:00Z").
Instant now_of(std::string_view example) {
  const std::string_view marker = "--now ";
  const auto at = example.find(marker);
  if (at == std::string_view::npos) return example_now();
  return *parse_now(example.substr(at + marker.size(), 20));
}

// The text's top-level blocks: each key at column 0 with the lines under it, in order. Lines
// before the first key (comments) belong to no block.
std::vector<std::pair<std::string, std::string>> top_level_blocks(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    const std::string_view line = text.substr(start, end - start);
    const bool key = !line.empty() && (std::isalpha(static_cast<unsigned char>(line[0])) || line[0] == '_') &&
                     line.find(':') != std::string_view::npos;
    if (key) out.emplace_back(std::string(line.substr(0, line.find(':'))), "");
    if (!out.empty()) out.back().second += line;
    start = end;
  }
  return out;
}

// The example record with each top-level block of the fragment in place of its own; a key the
// record lacks is added at the end.
std::string record_with(std::string_view fragment) {
  auto blocks = top_level_blocks(read_text("fixtures/ESC-2026-0142.yaml"));
  for (auto& [key, text] : top_level_blocks(fragment)) {
    auto it = std::find_if(blocks.begin(), blocks.end(), [&](const auto& b) { return b.first == key; });
    if (text.back() != '\n') text += '\n';
    if (it != blocks.end()) it->second = text;
    else blocks.emplace_back(key, text);
  }
  std::string out;
  for (const auto& b : blocks) out += b.second;
  return out;
}

Rules rules_of(const std::vector<Diagnostic>& diags) {
  Rules out;
  for (const Diagnostic& d : diags)
    if (counts(d)) out.insert(d.rule);
  return out;
}

// The rules a failing example fires beyond its passing example's.
Rules added(const Rules& bad, const Rules& good) {
  Rules out;
  std::set_difference(bad.begin(), bad.end(), good.begin(), good.end(), std::inserter(out, out.end()));
  return out;
}

Rules check_rules(const std::string& text, Instant now) {
  Config config;
  const Calendar calendar(config.calendar, config.holidays);
  return rules_of(check_record_text(text, "example.yaml", CheckOptions{&config, now}, calendar).diagnostics);
}

// A draft example is a message when it has MIME headers, else plain text.
Rules lint_rules(const std::string& text, Instant now) {
  static const LoadResult record =
      load_record(read_text("fixtures/ESC-2026-0142.yaml"), "fixtures/ESC-2026-0142.yaml", ParseLimits{});
  const Incident incident{*record.record, "fixtures/ESC-2026-0142.yaml"};
  const std::string name = text.find("\nContent-Type:") != std::string::npos ? "draft.eml" : "draft.txt";
  const Draft draft = read_draft(text, draft_format_for(name, text));
  Config config;
  return rules_of(lint_draft(draft, name, DraftLintOptions{&config, nullptr, now, &incident}));
}

// The readout built from the example record with the fragment in place, with only the readout
// fonts (as on a machine without CJK fonts).
Rules build_rules(const std::string& fragment) {
  const LoadResult loaded = load_record(record_with(fragment), "example.yaml", ParseLimits{});
  if (!loaded.record) return {"(not loaded)"};
  Config config;
  const Calendar calendar(config.calendar, config.holidays);
  ReadoutOptions options;
  options.system_fonts = false;
  const ReadoutResult r = render_readout(*loaded.record, config, calendar, options);
  return r.error ? Rules{"(" + *r.error + ")"} : rules_of(r.findings);
}

// readout-one-page's failing example describes text too long to print in `explain` ("(twelve
// paragraphs pasted from the incident channel ...)"): each such "(...)" value is written out here
// as the 600 words it stands for.
std::string written_out(std::string_view example) {
  std::string word_run;
  for (int i = 0; i < 60; ++i) word_run += "Traffic was moved between the gateways while engineers checked every node. ";
  std::string out;
  std::size_t start = 0;
  while (start < example.size()) {
    std::size_t end = example.find('\n', start);
    end = end == std::string_view::npos ? example.size() : end + 1;
    std::string line(example.substr(start, end - start));
    const std::size_t open = line.find('(');
    if (open != std::string::npos && line.find_first_not_of(" -") == open) line = line.substr(0, open) + word_run + "\n";
    out += line;
    start = end;
  }
  return out;
}

// Two records ("# a.yaml" and "# b.yaml" in the example), checked as one batch.
Rules batch_rules(std::string_view example, const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("escalate-rule-examples-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::size_t b = example.find("# b.yaml");
  std::ofstream(dir / "a.yaml") << record_with(example.substr(0, b));
  std::ofstream(dir / "b.yaml") << record_with(example.substr(b));
  BatchOptions options;
  options.paths = {dir.string()};
  options.now = example_now();
  options.jobs = 1;
  Rules out;
  for (const FileResult& f : run_batch(options).files) out.merge(rules_of(f.diagnostics));
  fs::remove_all(dir);
  return out;
}

}  // namespace

TEST(RuleExamples, EveryFailingExampleFiresItsRuleAndEveryPassingExampleDoesNot) {
  for (const RuleInfo* r : rule_table()) {
    SCOPED_TRACE(std::string(r->id));
    const std::string bad(r->bad_example), good(r->good_example);
    const std::string id(r->id);
    Rules fired_bad, fired_good;
    switch (r->kind()) {
      case RuleKind::record: {
        // Alone: the fragment lacks the keys every record needs, so only its rule is run.
        EXPECT_FALSE(run_rule_on_text(*r, bad, now_of(bad)).empty()) << "failing example, alone";
        EXPECT_EQ(describe(run_rule_on_text(*r, good, now_of(good))), std::vector<std::string>{})
            << "passing example, alone";
        fired_bad = check_rules(record_with(bad), now_of(bad));
        fired_good = check_rules(record_with(good), now_of(good));
        break;
      }
      case RuleKind::loader:
        fired_bad = check_rules(record_with(bad), now_of(bad));
        fired_good = check_rules(record_with(good), now_of(good));
        break;
      case RuleKind::batch:
        fired_bad = batch_rules(bad, "bad");
        fired_good = batch_rules(good, "good");
        break;
      case RuleKind::build:
        fired_bad = build_rules(written_out(bad));
        fired_good = build_rules(good);
        break;
      case RuleKind::draft:
        fired_bad = lint_rules(bad, now_of(bad));
        fired_good = lint_rules(good, now_of(good));
        break;
    }
    EXPECT_EQ(added(fired_bad, fired_good), Rules{id}) << "failing example";
    EXPECT_FALSE(fired_good.contains(id)) << "passing example";
    // speculative-language is also a draft rule: its examples' sentences, in a draft.
    if (r->kind() == RuleKind::record && r->draft_check) {
      EXPECT_TRUE(lint_rules(bad, now_of(bad)).contains(id)) << "failing example, as a draft";
      EXPECT_FALSE(lint_rules(good, now_of(good)).contains(id)) << "passing example, as a draft";
    }
  }
}

TEST(RuleExamples, TheExampleRecordIsCleanInEveryPipeline) {
  EXPECT_EQ(check_rules(read_text("fixtures/ESC-2026-0142.yaml"), example_now()), Rules{});
  EXPECT_EQ(build_rules(""), Rules{});
}
