// What a rule is: its row of the registry (id, kind, default severity: core/rule_registry.h), its
// documentation (which feeds `escalate rules`, `escalate explain`, SARIF rules[] and the README)
// and, for record and draft rules, a check function. Each rule lives in its own file under
// src/rules/ and is listed once in rule_table.cpp.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/diagnostic.h"
#include "core/rule_registry.h"
#include "core/time.h"
#include "load/config.h"
#include "load/record.h"

namespace esc {

// Everything a record rule may look at. Rules never read the wall clock: `now` is --now.
struct RuleContext {
  const Record& record;
  const Config& config;
  const Calendar& calendar;
  Instant now;
};

struct RuleInfo;

// Collects one rule's findings for one record.
class Findings {
 public:
  Findings(const RuleInfo& rule, const Record& record, std::vector<Diagnostic>& out)
      : rule_(rule), record_(record), out_(out) {}
  // A finding at a value (or at its parent mapping when the value is missing).
  // Its message ends with the row's playbook citation.
  void add(const Loc& loc, std::string message, std::vector<Note> notes = {});
  // The same, citing a line of the playbook more specific to this finding than the row's (the
  // line that asks for facts in the field speculative-language found a hedge in).
  void add_citing(std::string_view playbook_line, const Loc& loc, std::string message, std::vector<Note> notes = {});
  // A reminder that is not yet a breach, at the row's reminder severity (pir-scheduled while its
  // deadline is still ahead). Only for a rule whose row has one.
  void remind(const Loc& loc, std::string message, std::vector<Note> notes = {});

 private:
  const RuleInfo& rule_;
  const Record& record_;
  std::vector<Diagnostic>& out_;

  void emit(Severity s, const Loc& loc, std::string message, std::vector<Note> notes);
};

using CheckFn = void (*)(const RuleContext&, Findings&);

// A draft rule's check (src/rules/draft_lint.h).
struct DraftContext;
class DraftFindings;
using DraftCheckFn = void (*)(const DraftContext&, DraftFindings&);

// A rule's documentation and check functions. Its id, kind and default severity are its row of
// the registry (core/rule_registry.h), read through `rule`; nothing here repeats them.
struct RuleInfo {
  RuleId rule;
  std::string_view summary;      // one line
  std::string_view description;  // what it checks
  std::string_view rationale;    // why the playbook asks for it
  std::string_view bad_example;  // YAML (or a draft) where it fires
  std::string_view good_example; // the same, fixed
  CheckFn check = nullptr;       // RuleKind::record only
  DraftCheckFn draft_check = nullptr;  // RuleKind::draft, and speculative-language (both)
  // The row's id, for reading (never set by hand: a test keeps it equal to the row's).
  std::string_view id = rule_name(rule);

  Severity default_severity() const { return rule_row(rule).default_severity; }
  RuleKind kind() const { return rule_row(rule).kind; }
};

// Every rule, in documentation order. Ids are unique and never reused.
std::span<const RuleInfo* const> rule_table();
const RuleInfo* find_rule(std::string_view id);
// All rule ids (for "did you mean").
std::vector<std::string> rule_ids();

}  // namespace esc
