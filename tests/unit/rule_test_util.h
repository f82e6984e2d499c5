// Helpers for rule tests: load a fixture, run exactly one rule over it with a pinned clock, and
// describe the findings as "line:col: message" strings that read like the spec.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "load/config.h"
#include "load/loader.h"
#include "rules/rule.h"

namespace esc::testing {

// The clock the example record is documented against.
inline Instant example_now() { return *parse_now("2026-11-20T12:00:00Z"); }

inline std::string read_text(const std::string& relative) {
  std::ifstream in(std::string(ESCALATE_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The record YAML text loads as; the test fails (and gets an empty record) when it does not load.
inline Record record_from_text(const std::string& text) {
  LoadResult loaded = load_record(text, "record.yaml", ParseLimits{});
  EXPECT_TRUE(loaded.record.has_value());
  return loaded.record ? *loaded.record : Record{};
}

// Runs one rule over YAML text; returns its findings (any severity).
inline std::vector<Diagnostic> run_rule_on_text(const RuleInfo& rule, const std::string& text,
                                                Instant now = example_now(), const Config& config = Config{}) {
  LoadResult loaded = load_record(text, "record.yaml", ParseLimits{});
  std::vector<Diagnostic> out;
  if (!loaded.record) return out;
  Calendar calendar(config.calendar, config.holidays);
  RuleContext ctx{*loaded.record, config, calendar, now};
  Findings findings(rule, *loaded.record, out);
  rule.check(ctx, findings);
  sort_diagnostics(out);
  return out;
}

inline std::vector<Diagnostic> run_rule(const RuleInfo& rule, const std::string& fixture,
                                        Instant now = example_now(), const Config& config = Config{}) {
  return run_rule_on_text(rule, read_text(fixture), now, config);
}

// The message without the playbook citation every message of its rule ends with (the registry
// test checks the citation once, for every rule); a message without it is left whole, so a
// missing citation still shows.
inline std::string without_citation(const Diagnostic& d) {
  const RuleRow* row = find_rule_row(d.rule);
  const std::string citation = row ? playbook_citation(row->rule) : "";
  if (citation.empty() || !d.message.ends_with(citation)) return d.message;
  return d.message.substr(0, d.message.size() - citation.size());
}

// "12:5: message" for each finding — compare whole vectors with EXPECT_EQ.
inline std::vector<std::string> describe(const std::vector<Diagnostic>& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags)
    out.push_back(std::to_string(d.mark.line) + ":" + std::to_string(d.mark.col) + ": " + without_citation(d));
  return out;
}

// `text` with `from` replaced by `to`; `from` must occur exactly once, so a test never edits
// the wrong place silently.
inline std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  if (pos == std::string::npos || text.find(from, pos + 1) != std::string::npos)
    throw std::runtime_error("replace_once: '" + from + "' must occur exactly once");
  return text.replace(pos, from.size(), to);
}

// The example record with one text replacement applied.
inline std::string example_with(const std::string& from, const std::string& to) {
  return replace_once(read_text("fixtures/ESC-2026-0142.yaml"), from, to);
}

}  // namespace esc::testing
