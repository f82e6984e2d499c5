#include "report/baseline.h"

#include <map>
#include <nlohmann/json.hpp>

namespace esc {

std::string fingerprint(const Diagnostic& d) {
  std::string record = d.record_id.empty() ? d.file : d.record_id;
  std::string where = d.node_path.empty() ? "" : d.node_path;
  return d.rule + "|" + record + "|" + where;
}

std::string make_baseline(const std::vector<FileResult>& files) {
  nlohmann::ordered_json doc;
  doc["version"] = 1;
  doc["tool"] = "escalate";
  auto list = nlohmann::ordered_json::array();
  for (const FileResult& f : files)
    for (const Diagnostic& d : f.diagnostics) {
      if (!counts(d)) continue;
      nlohmann::ordered_json e;
      e["rule"] = d.rule;
      e["record"] = d.record_id.empty() ? d.file : d.record_id;
      e["node_path"] = d.node_path;
      e["message"] = d.message;  // for the reader; not part of the fingerprint
      list.push_back(e);
    }
  doc["findings"] = list;
  return doc.dump(2) + "\n";
}

BaselineApplied apply_baseline(const std::string& baseline_json, const std::string& file,
                               std::vector<FileResult>& files) {
  BaselineApplied out;
  nlohmann::json doc = nlohmann::json::parse(baseline_json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("findings") || !doc["findings"].is_array()) {
    out.error = "'" + file + "' is not an escalate baseline (write one with --write-baseline)";
    return out;
  }
  std::map<std::string, int> remaining;
  for (const auto& e : doc["findings"]) {
    if (!e.is_object() || !e.contains("rule") || !e["rule"].is_string()) continue;
    auto str = [&](const char* k) {
      return e.contains(k) && e[k].is_string() ? e[k].get<std::string>() : std::string();
    };
    remaining[str("rule") + "|" + str("record") + "|" + str("node_path")]++;
  }
  for (FileResult& f : files)
    for (Diagnostic& d : f.diagnostics) {
      if (!counts(d)) continue;
      auto it = remaining.find(fingerprint(d));
      if (it == remaining.end() || it->second == 0) continue;
      --it->second;
      d.suppression = Suppression::baselined;
      d.suppression_reason = "baseline";
      ++out.count;
    }
  return out;
}

}  // namespace esc
