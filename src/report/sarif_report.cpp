// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run; tool.driver.rules[] is
// every rule of the rule table (plus a minimal entry for each custom lint pattern that fired);
// results keep suppressed findings with their suppressions (waived: inSource, baselined:
// external). Columns count Unicode code points (run.columnKind). Paths inside the current
// directory are relative URIs against %SRCROOT%; others are absolute file:// URIs.
#include <algorithm>
#include <cstdint>
#include <map>
#include <unordered_map>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "report/report.h"
#include "report/spool.h"
#include "rules/rule.h"

namespace esc {

namespace {

using ojson = nlohmann::ordered_json;

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "note";
    case Severity::off:
      return "none";
  }
  return "error";
}

// "update-promise-kept" -> "UpdatePromiseKept".
std::string pascal_case(std::string_view id) {
  std::string out;
  bool upper = true;
  for (const char c : id) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      upper = true;
      continue;
    }
    out += (upper && c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

// A fence longer than any run of backticks in `text`.
std::string fence_for(std::string_view text) {
  std::size_t longest = 0, run = 0;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' '))
    s.remove_suffix(1);
  return std::string(s);
}

// The project's documentation: the tool's informationUri, and a page per rule (the same text as
// `escalate explain RULE`) as each rule's helpUri.
constexpr std::string_view kHomepage = ESCALATE_HOMEPAGE;

std::string rule_help_uri(std::string_view id) { return concat({kHomepage, "rules/", id}); }

ojson rule_entry(const RuleInfo& r) {
  const std::string_view lang = r.kind() == RuleKind::draft ? "text" : "yaml";
  const std::string summary(r.summary.empty() ? r.id : r.summary);
  const std::string description = r.description.empty() ? summary : trimmed(r.description);
  // help: the description, why the playbook asks for it and a failing and a passing example,
  // as plain text and as Markdown (GitHub shows the Markdown).
  std::string text = description;
  std::string markdown = description;
  if (!r.rationale.empty()) {
    text += "\n\nWhy: " + trimmed(r.rationale);
    markdown += "\n\n**Why:** " + trimmed(r.rationale);
  }
  auto example = [&](std::string_view title, std::string_view body) {
    const std::string b = trimmed(body);
    if (b.empty()) return;
    const std::string fence = fence_for(b);
    text += "\n\n" + std::string(title) + ":\n" + b;
    markdown += "\n\n**" + std::string(title) + ":**\n\n" + fence + std::string(lang) + "\n" + b +
                "\n" + fence;
  };
  example("Failing example", r.bad_example);
  example("Passing example", r.good_example);

  ojson j;
  j["id"] = std::string(r.id);
  j["name"] = pascal_case(r.id);
  j["shortDescription"] = {{"text", summary}};
  j["fullDescription"] = {{"text", description}};
  j["help"] = {{"text", text}, {"markdown", markdown}};
  j["helpUri"] = rule_help_uri(r.id);
  j["defaultConfiguration"] = {{"level", std::string(sarif_level(r.default_severity()))}};
  return j;
}

ojson custom_rule_entry(const std::string& id) {
  ojson j;
  j["id"] = id;
  j["name"] = pascal_case(id);
  j["shortDescription"] = {{"text", id}};
  j["fullDescription"] = {{"text", id}};
  j["help"] = {{"text", id}, {"markdown", id}};
  return j;
}

// Percent-encodes everything but unreserved characters, sub-delims, '@' and '/'. ':' is
// encoded too, so a relative reference never looks like a scheme.
std::string percent_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      std::string_view("-._~/!$&'()*+,;=@").find(ch) != std::string_view::npos;
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

ojson artifact_location(const std::string& path) {
  const std::string rel = relative_uri(path);
  ojson j;
  if (!rel.empty() && rel.front() == '/') {
    j["uri"] = "file://" + percent_encode(rel);
  } else if (rel.size() > 2 && rel[1] == ':' && (rel[2] == '/' || rel[2] == '\\')) {
    j["uri"] = "file:///" + rel.substr(0, 2) + percent_encode(rel.substr(2));  // C:/...
  } else {
    j["uri"] = percent_encode(rel);
    j["uriBaseId"] = "%SRCROOT%";
  }
  return j;
}

ojson region(const Mark& m) {
  ojson j;
  if (m.line <= 0) {
    j["startLine"] = 1;
    return j;
  }
  j["startLine"] = m.line;
  if (m.col > 0) j["startColumn"] = m.col;
  return j;
}

ojson physical_location(const std::string& path, const Mark& m) {
  ojson j;
  j["artifactLocation"] = artifact_location(path);
  j["region"] = region(m);
  return j;
}

// Fingerprint repeats are counted over the whole run (a file named twice repeats its own), so
// each fingerprint seen is kept: as its 64-bit hash and a count, not as text.
std::uint64_t fingerprint_key(const std::string& hex) { return std::stoull(hex, nullptr, 16); }

// tool.driver.rules[] comes before the results and lists the custom patterns that fired: the
// results are spooled until the end.
class SarifReport final : public ReportWriter {
 public:
  SarifReport(std::ostream& out, const ReportOptions& opt) : out_(out), opt_(opt) {
    for (const RuleInfo* r : rule_table()) {
      rule_index_.emplace(std::string(r->id), static_cast<int>(rules_.size()));
      rules_.push_back(r);
    }
  }

  std::optional<std::string> finish() override {
    ojson rules = ojson::array();
    for (std::size_t i = 0; i < rules_.size(); ++i)
      rules.push_back(rules_[i] != nullptr ? rule_entry(*rules_[i]) : custom_rule_entry(custom_ids_.at(i)));
    ojson driver;
    driver["name"] = "escalate";
    driver["informationUri"] = std::string(kHomepage);
    if (!opt_.tool_version.empty()) driver["version"] = opt_.tool_version;
    driver["rules"] = std::move(rules);
    ojson run;
    run["tool"] = {{"driver", std::move(driver)}};
    run["columnKind"] = "unicodeCodePoints";
    run["results"] = ojson::array();
    ojson root;
    root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    root["version"] = "2.1.0";
    root["runs"] = ojson::array();
    root["runs"].push_back(std::move(run));
    return report_detail::ListFrame(root).write_with(out_, results_, results_written_ > 0);
  }

 private:
  void write_file(const FileResult& f) override {
    const std::string uri = relative_uri(f.path);
    for (const Diagnostic& d : f.diagnostics) {
      if (d.severity == Severity::off) continue;
      auto it = rule_index_.find(d.rule);
      if (it == rule_index_.end()) {
        it = rule_index_.emplace(d.rule, static_cast<int>(rules_.size())).first;
        const RuleInfo* info = find_rule(d.rule);
        if (info == nullptr) custom_ids_.emplace(rules_.size(), d.rule);
        rules_.push_back(info);
      }
      ojson r;
      r["ruleId"] = d.rule;
      r["ruleIndex"] = it->second;
      r["level"] = std::string(sarif_level(d.severity));
      r["message"] = {{"text", d.message}};
      ojson loc;
      loc["physicalLocation"] = physical_location(f.path, d.mark);
      r["locations"] = ojson::array();
      r["locations"].push_back(std::move(loc));
      if (!d.notes.empty()) {
        ojson related = ojson::array();
        int id = 1;
        for (const Note& n : d.notes) {
          ojson rl;
          rl["id"] = id++;
          rl["physicalLocation"] = physical_location(f.path, n.mark);
          rl["message"] = {{"text", n.message}};
          related.push_back(std::move(rl));
        }
        r["relatedLocations"] = std::move(related);
      }
      // Stable across edits that move lines: no line numbers; the message stands in for the
      // node when there is none (drafts). Repeats in one run get ":2", ":3", ...
      const std::string base = d.node_path.empty() ? report_detail::stable_hash({d.rule, uri, "", d.message})
                                                   : report_detail::stable_hash({d.rule, uri, d.node_path});
      const int occurrence = ++seen_fingerprints_[fingerprint_key(base)];
      r["partialFingerprints"] = {
          {"escalateFingerprint/v1", base + ":" + std::to_string(occurrence)}};
      if (d.suppression != Suppression::none) {
        ojson s = ojson::object();
        if (d.suppression == Suppression::waived) {
          s["kind"] = "inSource";
          s["justification"] = d.suppression_reason;
        } else {
          s["kind"] = "external";
          s["justification"] = d.suppression_reason.empty() ? "baseline" : d.suppression_reason;
        }
        ojson list = ojson::array();
        list.push_back(std::move(s));
        r["suppressions"] = std::move(list);
      }
      results_.write(element_frame_.element(r, results_written_++ == 0));
    }
  }

  std::ostream& out_;
  ReportOptions opt_;
  std::vector<const RuleInfo*> rules_;              // nullptr: a custom pattern (custom_ids_)
  std::map<std::size_t, std::string> custom_ids_;
  std::map<std::string, int, std::less<>> rule_index_;
  std::unordered_map<std::uint64_t, int> seen_fingerprints_;
  report_detail::Spool results_;
  std::size_t results_written_ = 0;
  // results[] sits at depth 6 of the document: root, runs[], the run, then its key.
  const report_detail::ListFrame element_frame_{
      ojson{{"runs", ojson::array({ojson{{"results", ojson::array()}}})}}};
};

}  // namespace

std::unique_ptr<ReportWriter> make_sarif_writer(std::ostream& out, const ReportOptions& opt) {
  return std::make_unique<SarifReport>(out, opt);
}

}  // namespace esc
