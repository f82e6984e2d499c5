// The JSON report: a versioned object documented by schemas/report.schema.json. Keys are written
// in a fixed order; invalid UTF-8 in a message is replaced by U+FFFD rather than failing.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "report/report.h"

namespace esc {

namespace {

using ojson = nlohmann::ordered_json;

ojson nullable(const std::string& s) { return s.empty() ? ojson(nullptr) : ojson(s); }

std::string_view suppression_kind(Suppression s) {
  return s == Suppression::waived ? "waived" : "baselined";
}

ojson diagnostic_json(const Diagnostic& d) {
  ojson j;
  j["rule"] = d.rule;
  j["severity"] = std::string(to_string(d.severity));
  j["line"] = d.mark.line;
  j["column"] = d.mark.line > 0 ? d.mark.col : 0;
  j["message"] = d.message;
  j["node_path"] = nullable(d.node_path);
  ojson notes = ojson::array();
  for (const Note& n : d.notes) {
    ojson note;
    note["line"] = n.mark.line;
    note["column"] = n.mark.line > 0 ? n.mark.col : 0;
    note["message"] = n.message;
    notes.push_back(std::move(note));
  }
  j["notes"] = std::move(notes);
  if (d.suppression == Suppression::none) {
    j["suppression"] = nullptr;
  } else {
    ojson s;
    s["kind"] = std::string(suppression_kind(d.suppression));
    s["reason"] = d.suppression_reason;
    j["suppression"] = std::move(s);
  }
  return j;
}

}  // namespace

void write_json(std::ostream& out, const std::vector<FileResult>& files, const ReportOptions& opt) {
  const Totals t = count_totals(files);
  ojson root;
  root["version"] = 1;
  root["tool"] = {{"name", "escalate"}, {"version", opt.tool_version}};
  ojson summary;
  summary["errors"] = t.errors;
  summary["warnings"] = t.warnings;
  summary["infos"] = t.infos;
  const int baselined = std::max(t.baselined, opt.baselined);  // see ReportOptions::baselined
  summary["suppressed"] = t.waived + baselined;
  summary["waived"] = t.waived;
  summary["baselined"] = baselined;
  summary["files"] = t.files;
  summary["files_with_findings"] = t.files_with_findings;
  root["summary"] = std::move(summary);
  ojson list = ojson::array();
  for (const FileResult& f : files) {
    ojson file;
    file["path"] = f.path;
    file["record_id"] = nullable(f.record_id);
    ojson diags = ojson::array();
    for (const Diagnostic& d : f.diagnostics) {
      if (d.severity == Severity::off) continue;
      diags.push_back(diagnostic_json(d));
    }
    file["diagnostics"] = std::move(diags);
    list.push_back(std::move(file));
  }
  root["files"] = std::move(list);
  out << root.dump(2, ' ', false, ojson::error_handler_t::replace) << '\n';
}

}  // namespace esc
