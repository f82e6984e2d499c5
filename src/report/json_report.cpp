// The JSON report: a versioned object documented by schemas/report.schema.json. Keys are written
// in a fixed order; invalid UTF-8 in a message is replaced by U+FFFD rather than failing.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "report/report.h"
#include "report/spool.h"

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

namespace {

// The summary comes before the files: the files are spooled until the counts are known.
class JsonReport final : public ReportWriter {
 public:
  JsonReport(std::ostream& out, const ReportOptions& opt) : out_(out), opt_(opt) {}

  std::optional<std::string> finish() override {
    const Totals& t = totals_;
    ojson root;
    root["version"] = 1;
    root["tool"] = {{"name", "escalate"}, {"version", opt_.tool_version}};
    ojson summary;
    summary["errors"] = t.errors;
    summary["warnings"] = t.warnings;
    summary["infos"] = t.infos;
    const int baselined = std::max(t.baselined, opt_.baselined);  // see ReportOptions::baselined
    summary["suppressed"] = t.waived + baselined;
    summary["waived"] = t.waived;
    summary["baselined"] = baselined;
    summary["files"] = t.files;
    summary["files_with_findings"] = t.files_with_findings;
    root["summary"] = std::move(summary);
    root["files"] = ojson::array();
    return report_detail::ListFrame(root).write_with(out_, files_, t.files > 0);
  }

 private:
  void write_file(const FileResult& f) override {
    ojson file;
    file["path"] = f.path;
    file["record_id"] = nullable(f.record_id);
    ojson diags = ojson::array();
    for (const Diagnostic& d : f.diagnostics) {
      if (d.severity == Severity::off) continue;
      diags.push_back(diagnostic_json(d));
    }
    file["diagnostics"] = std::move(diags);
    // The frame's element layout: the list is at depth 2 of the document.
    files_.write(element_frame_.element(file, totals_.files == 1));
  }

  std::ostream& out_;
  ReportOptions opt_;
  report_detail::Spool files_;
  const report_detail::ListFrame element_frame_{ojson{{"files", ojson::array()}}};
};

}  // namespace

std::unique_ptr<ReportWriter> make_json_writer(std::ostream& out, const ReportOptions& opt) {
  return std::make_unique<JsonReport>(out, opt);
}

}  // namespace esc
