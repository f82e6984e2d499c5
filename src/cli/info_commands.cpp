// escalate rules / explain / schema / init: everything printed here comes from the rule table
// and the field table.
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "cli/commands.h"
#include "core/text.h"
#include "load/fields.h"
#include "load/json_schema.h"
#include "load/skeleton.h"
#include "load/validate.h"
#include "rules/rule.h"

namespace esc {

int cmd_rules(bool markdown) {
  if (markdown) {
    std::cout << "| rule | default | what it checks |\n|---|---|---|\n";
    for (const RuleInfo* r : rule_table())
      std::cout << "| `" << r->id << "` | " << to_string(r->default_severity()) << " | " << r->summary << " |\n";
    return kExitClean;
  }
  std::size_t width = 0;
  for (const RuleInfo* r : rule_table()) width = std::max(width, r->id.size());
  // The summaries are Markdown (README, SARIF); a terminal shows them without the code marks.
  for (const RuleInfo* r : rule_table()) {
    std::string summary(r->summary);
    std::erase(summary, '`');
    std::cout << std::left << std::setw(static_cast<int>(width) + 2) << r->id << std::setw(9)
              << to_string(r->default_severity()) << summary << "\n";
  }
  return kExitClean;
}

namespace {

void indent(std::ostream& out, std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out << "    " << text.substr(start, end - start) << "\n";
    start = end + 1;
  }
}

// One line of prose wrapped at 96 columns, indented by four spaces; a list item ("- ...")
// continues under its text.
void wrap_line(std::ostream& out, std::string_view text) {
  const std::string_view hanging = text.starts_with("- ") ? "  " : "";
  std::string line;
  bool first = true;
  auto flush = [&] {
    out << "    " << (first ? "" : hanging) << line << "\n";
    line.clear();
    first = false;
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(start, end - start);
    if (!line.empty() && utf8_length(line) + 1 + utf8_length(word) > 92 - (first ? 0 : hanging.size())) flush();
    if (!line.empty()) line += ' ';
    line += word;
    start = end + 1;
  }
  if (!line.empty()) flush();
}

// Prose wrapped at 96 columns, indented by four spaces; each line of the text (a list's items)
// is wrapped on its own.
void wrap(std::ostream& out, std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    wrap_line(out, text.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace

int cmd_explain(const std::string& id) {
  const RuleInfo* r = find_rule(id);
  if (!r) {
    std::string msg = "unknown rule '" + id + "'";
    if (auto s = did_you_mean(id, rule_ids())) msg += "; did you mean '" + *s + "'?";
    print_error(msg + " ('escalate rules' lists them all)");
    return kExitUsage;
  }
  std::cout << r->id << " (default: " << to_string(r->default_severity()) << ")\n"
            << r->summary << "\n\n"
            << "What it checks\n";
  wrap(std::cout, r->description);
  std::cout << "\nWhy\n";
  wrap(std::cout, r->rationale);
  const std::string_view asked_by = rule_row(r->rule).asked_by;
  std::cout << "\nAsked for by\n";
  wrap(std::cout, asked_by.starts_with('"') ? "the playbook: " + std::string(asked_by) : std::string(asked_by));
  std::cout << "\nFails\n";
  indent(std::cout, r->bad_example);
  std::cout << "\nPasses\n";
  indent(std::cout, r->good_example);
  std::cout << "\nConfigure: rules: {" << r->id << ": error|warning|info|off} in .escalate.yaml";
  if (r->kind() == RuleKind::record || r->kind() == RuleKind::batch || r->rule == RuleId::timestamp_utc)
    std::cout << "; waive for one record: waivers: [{rule: " << r->id << ", reason: ..., approved_by: ...}]";
  std::cout << "\n";
  return kExitClean;
}

int cmd_schema(const std::string& which) {
  std::cout << (which == "config" ? config_json_schema() : record_json_schema());
  return kExitClean;
}

namespace {

// The record schema this escalate was installed with, for init's modeline: beside the binary
// (<prefix>/bin/../share/escalate/schemas/, which holds for `cmake --install` with any prefix
// and for the .deb), else the build's install location, else the source tree's (a binary run
// from its build folder). A local file: yaml-language-server loads it offline, where a URL
// that cannot be fetched reports "Unable to load schema" and shadows the editor's
// `yaml.schemas` mapping.
std::string installed_schema() {
  namespace fs = std::filesystem;
  constexpr const char* kRelative = "escalate/schemas/incident.schema.json";
  std::error_code ec;
  std::vector<fs::path> candidates;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back(exe.parent_path().parent_path() / "share" / kRelative);
  candidates.push_back(fs::path(ESCALATE_DATA_DIR).parent_path() / kRelative);
  candidates.push_back(fs::path(ESCALATE_SOURCE_DIR) / "schemas/incident.schema.json");
  for (const fs::path& p : candidates)
    if (fs::is_regular_file(p, ec)) return fs::weakly_canonical(p, ec).string();
  return candidates[1].string();
}

}  // namespace

int cmd_init(const std::string& id) {
  if (id != "ESC-YYYY-NNNN" && !is_valid_id(id)) {
    print_error("--id '" + id + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    return kExitUsage;
  }
  std::cout << record_skeleton(id, installed_schema());
  return kExitClean;
}

}  // namespace esc
