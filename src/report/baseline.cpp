#include "report/baseline.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "report/spool.h"

namespace esc {

namespace {

using ojson = nlohmann::ordered_json;

ojson baseline_document() {
  ojson doc;
  doc["version"] = 1;
  doc["tool"] = "escalate";
  doc["findings"] = ojson::array();
  return doc;
}

}  // namespace

std::string fingerprint(const Diagnostic& d) {
  std::string record = d.record_id.empty() ? d.file : d.record_id;
  std::string where = d.node_path.empty() ? "" : d.node_path;
  return d.rule + "|" + record + "|" + where;
}

void BaselineWriter::add(const FileResult& file) {
  static const report_detail::ListFrame frame(baseline_document());
  for (const Diagnostic& d : file.diagnostics) {
    if (!counts(d)) continue;
    ojson e;
    e["rule"] = d.rule;
    e["record"] = d.record_id.empty() ? d.file : d.record_id;
    e["node_path"] = d.node_path;
    e["message"] = d.message;  // for the reader; not part of the fingerprint
    if (findings_ == 0) out_ << frame.open();
    out_ << frame.element(e, findings_ == 0);
    ++findings_;
  }
}

void BaselineWriter::finish() {
  const report_detail::ListFrame frame(baseline_document());
  out_ << (findings_ == 0 ? frame.empty() : frame.close()) << '\n';
}

std::string make_baseline(const std::vector<FileResult>& files) {
  std::ostringstream out;
  BaselineWriter writer(out);
  for (const FileResult& f : files) writer.add(f);
  writer.finish();
  return out.str();
}

std::optional<std::string> Baseline::parse(const std::string& baseline_json, const std::string& file) {
  nlohmann::json doc = nlohmann::json::parse(baseline_json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("findings") || !doc["findings"].is_array())
    return "'" + file + "' is not an escalate baseline (write one with --write-baseline)";
  remaining_.clear();
  for (const auto& e : doc["findings"]) {
    if (!e.is_object() || !e.contains("rule") || !e["rule"].is_string()) continue;
    auto str = [&](const char* k) {
      return e.contains(k) && e[k].is_string() ? e[k].get<std::string>() : std::string();
    };
    remaining_[str("rule") + "|" + str("record") + "|" + str("node_path")]++;
  }
  return std::nullopt;
}

int Baseline::apply(FileResult& file) {
  int n = 0;
  for (Diagnostic& d : file.diagnostics) {
    if (!counts(d)) continue;
    auto it = remaining_.find(fingerprint(d));
    if (it == remaining_.end() || it->second == 0) continue;
    --it->second;
    d.suppression = Suppression::baselined;
    d.suppression_reason = "baseline";
    ++n;
  }
  return n;
}

BaselineApplied apply_baseline(const std::string& baseline_json, const std::string& file,
                               std::vector<FileResult>& files) {
  BaselineApplied out;
  Baseline baseline;
  out.error = baseline.parse(baseline_json, file);
  if (out.error) return out;
  for (FileResult& f : files) out.count += baseline.apply(f);
  return out;
}

}  // namespace esc
