// What a rule is: an id, a default severity, its documentation (which feeds `escalate rules`,
// `escalate explain`, SARIF rules[] and the README) and, for record rules, a check function.
// Each rule lives in its own file under src/rules/ and is listed once in rule_table.cpp.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/diagnostic.h"
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
  void add(const Loc& loc, std::string message, std::vector<Note> notes = {});
  // Overrides the rule's default severity for this one finding (pir-scheduled is info while
  // the deadline is still ahead).
  void add_with_severity(Severity s, const Loc& loc, std::string message, std::vector<Note> notes = {});

 private:
  const RuleInfo& rule_;
  const Record& record_;
  std::vector<Diagnostic>& out_;
};

using CheckFn = void (*)(const RuleContext&, Findings&);

// Where a rule's findings come from.
enum class RuleKind {
  record,  // a check function over one typed record
  loader,  // emitted while reading the file (schema, yaml-syntax, timestamp-utc)
  batch,   // across records (duplicate-id)
  build,   // while building the pack (readout-one-page)
  draft,   // lint-comms
};

struct RuleInfo {
  std::string_view id;
  Severity default_severity;
  RuleKind kind;
  std::string_view summary;      // one line
  std::string_view description;  // what it checks
  std::string_view rationale;    // why the playbook asks for it
  std::string_view bad_example;  // YAML (or a draft) where it fires
  std::string_view good_example; // the same, fixed
  CheckFn check = nullptr;       // RuleKind::record only
};

// Every rule, in documentation order. Ids are unique and never reused.
std::span<const RuleInfo* const> rule_table();
const RuleInfo* find_rule(std::string_view id);
// All rule ids (for "did you mean").
std::vector<std::string> rule_ids();

}  // namespace esc
