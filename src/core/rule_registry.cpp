#include "core/rule_registry.h"

namespace esc {

const RuleRow* find_rule_row(std::string_view id) {
  for (const RuleRow& row : kRuleRows)
    if (row.id == id) return &row;
  return nullptr;
}

Diagnostic make_finding(RuleId rule) {
  Diagnostic d;
  d.rule = std::string(rule_name(rule));
  d.severity = rule_row(rule).default_severity;
  return d;
}

std::string playbook_citation(RuleId rule) {
  const std::string_view asked_by = rule_row(rule).asked_by;
  if (!asked_by.starts_with('"')) return "";
  return " (playbook: " + std::string(asked_by) + ")";
}

}  // namespace esc
