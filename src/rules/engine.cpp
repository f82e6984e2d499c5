#include "rules/engine.h"

#include <algorithm>
#include <stdexcept>

#include "core/text.h"
#include "rules/rule.h"

namespace esc {

void Findings::add(const Loc& loc, std::string message, std::vector<Note> notes) {
  emit(rule_.default_severity(), loc, std::move(message) + playbook_citation(rule_.rule), std::move(notes));
}

void Findings::add_citing(std::string_view playbook_line, const Loc& loc, std::string message,
                          std::vector<Note> notes) {
  message += " (playbook: \"";
  message += playbook_line;
  message += "\")";
  emit(rule_.default_severity(), loc, std::move(message), std::move(notes));
}

void Findings::remind(const Loc& loc, std::string message, std::vector<Note> notes) {
  const Severity s = rule_row(rule_.rule).reminder_severity;
  if (s == Severity::off) throw std::logic_error(std::string(rule_.id) + " has no reminders in the registry");
  emit(s, loc, std::move(message) + playbook_citation(rule_.rule), std::move(notes));
}

void Findings::emit(Severity s, const Loc& loc, std::string message, std::vector<Note> notes) {
  Diagnostic d = make_finding(rule_.rule);
  d.severity = s;
  d.file = record_.file;
  d.mark = loc.mark;
  d.message = std::move(message);
  d.notes = std::move(notes);
  d.node_path = loc.path;
  if (record_.id) d.record_id = *record_.id;
  out_.push_back(std::move(d));
}

std::vector<Diagnostic> run_record_rules(const Record& record, const Config& config,
                                         const Calendar& calendar, Instant now) {
  std::vector<Diagnostic> out;
  RuleContext ctx{record, config, calendar, now};
  for (const RuleInfo* rule : rule_table()) {
    if (rule->kind() != RuleKind::record || !rule->check) continue;
    auto it = config.rule_severity.find(std::string(rule->id));
    if (it != config.rule_severity.end() && it->second == Severity::off) continue;
    Findings findings(*rule, record, out);
    rule->check(ctx, findings);
  }
  return out;
}

void apply_rule_severities(std::vector<Diagnostic>& diags, const Config& config) {
  if (config.rule_severity.empty()) return;
  for (Diagnostic& d : diags) {
    auto it = config.rule_severity.find(d.rule);
    if (it != config.rule_severity.end()) d.severity = it->second;
  }
  std::erase_if(diags, [](const Diagnostic& d) { return d.severity == Severity::off; });
}

namespace {

// A waiver that suppresses findings: a known rule that may be waived, with a reason.
bool waiver_applies(const Waiver& w) {
  if (!w.rule || w.rule->empty() || !w.reason || is_placeholder_value(*w.reason)) return false;
  const RuleInfo* info = find_rule(*w.rule);
  return info && info->rule != RuleId::schema && info->rule != RuleId::yaml_syntax;
}

void mark_waived(std::vector<Diagnostic>& diags, const Waiver& w) {
  for (Diagnostic& d : diags)
    if (d.rule == *w.rule && d.suppression == Suppression::none) {
      d.suppression = Suppression::waived;
      d.suppression_reason = *w.reason;
    }
}

}  // namespace

void settle_build_findings(std::vector<Diagnostic>& found, const Record& record, const Config& config) {
  apply_rule_severities(found, config);
  if (record.waivers)
    for (const Waiver& w : *record.waivers)
      if (waiver_applies(w)) mark_waived(found, w);
}

void apply_waivers(std::vector<Diagnostic>& diags, const Record& record) {
  if (!record.waivers) return;
  std::vector<Diagnostic> problems;
  auto problem = [&](const Loc& loc, std::string message) {
    Diagnostic d = make_finding(RuleId::schema);
    d.file = record.file;
    d.mark = loc.mark;
    d.message = std::move(message);
    d.node_path = loc.path;
    if (record.id) d.record_id = *record.id;
    problems.push_back(std::move(d));
  };
  for (const Waiver& w : *record.waivers) {
    if (!w.rule || w.rule->empty()) continue;  // missing: reported by the validator
    const RuleInfo* info = find_rule(*w.rule);
    if (!info) {
      std::string msg = "waiver for unknown rule '" + *w.rule + "'";
      if (auto s = did_you_mean(*w.rule, rule_ids())) msg += "; did you mean '" + *s + "'?";
      problem(w.rule.loc, msg);
      continue;
    }
    if (info->rule == RuleId::schema || info->rule == RuleId::yaml_syntax) {
      problem(w.rule.loc, "the '" + *w.rule + "' rule cannot be waived; fix the record instead");
      continue;
    }
    if (!w.reason) continue;  // a missing reason key is already a schema finding; no suppression
    if (is_placeholder_value(*w.reason)) {
      problem(w.reason.loc, "waiver for '" + *w.rule + "' has no reason; say why the rule does not apply");
      continue;
    }
    mark_waived(diags, w);
  }
  for (Diagnostic& p : problems) diags.push_back(std::move(p));
}

CheckedRecord check_record_text(std::string_view text, const std::string& file,
                                const CheckOptions& options, const Calendar& calendar) {
  CheckedRecord out;
  LoadResult loaded = load_record(text, file, ParseLimits{options.config->max_file_size});
  out.diagnostics = std::move(loaded.diagnostics);
  if (loaded.record) {
    auto found = run_record_rules(*loaded.record, *options.config, calendar, options.now);
    out.diagnostics.insert(out.diagnostics.end(), std::make_move_iterator(found.begin()),
                           std::make_move_iterator(found.end()));
  }
  apply_rule_severities(out.diagnostics, *options.config);
  if (loaded.record) apply_waivers(out.diagnostics, *loaded.record);
  if (loaded.record && loaded.record->id)
    for (Diagnostic& d : out.diagnostics) d.record_id = *loaded.record->id;
  sort_diagnostics(out.diagnostics);
  out.record = std::move(loaded.record);
  return out;
}

}  // namespace esc
