// The rule table: every rule, once, in documentation order. Adding a rule = one file under
// src/rules/, one declaration and one row here, one fixture under fixtures/rules/.
#include <array>
#include <string>

#include "rules/rule.h"

namespace esc {

extern const RuleInfo kSchemaRule, kYamlSyntaxRule, kDuplicateIdRule, kTimestampUtcRule;
extern const RuleInfo kTriageGenuineRule;

namespace {

constexpr std::array kRules = {
    &kSchemaRule,
    &kYamlSyntaxRule,
    &kDuplicateIdRule,
    &kTimestampUtcRule,
    &kTriageGenuineRule,
};

}  // namespace

std::span<const RuleInfo* const> rule_table() { return kRules; }

const RuleInfo* find_rule(std::string_view id) {
  for (const RuleInfo* r : kRules)
    if (r->id == id) return r;
  return nullptr;
}

std::vector<std::string> rule_ids() {
  std::vector<std::string> ids;
  for (const RuleInfo* r : kRules) ids.emplace_back(r->id);
  return ids;
}

}  // namespace esc
