// escalate build: one PIR pack per record — the finished customer emails, the executive readout
// and the record's lint reports — plus the batch's summary.json and CI reports.
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/batch.h"
#include "cli/build.h"
#include "cli/commands.h"
#include "cli/parallel.h"
#include "cli/progress.h"
#include "render/email.h"
#include "render/templates.h"
#include "write/atomic_file.h"
#include "write/pack.h"

namespace esc {

namespace fs = std::filesystem;

namespace {

struct Produced {
  FileResult result;
  std::string id;
  Mark id_mark;
  std::vector<PackFile> files;  // emails and readout (lint reports are added when written)
  bool built = false;           // the documents were made (clean record, or --force)
  std::string error;            // environment problem (exit 2)
};

bool has_errors(const std::vector<Diagnostic>& diags) {
  for (const Diagnostic& d : diags)
    if (counts(d) && d.severity == Severity::error) return true;
  return false;
}

std::string render_single(ReportFormat f, const FileResult& fr) {
  std::ostringstream out;
  ReportOptions opt;
  opt.tool_version = ESCALATE_VERSION;
  write_report(f, out, {fr}, opt);
  return out.str();
}

}  // namespace

int cmd_build(const CommonOptions& o, const BuildOptions& b) {
  auto settings = resolve_settings(o);
  if (!settings) return kExitUsage;
  if (o.paths.empty()) {
    print_error("no records given; try 'escalate build incidents/ -o packs/'");
    return kExitUsage;
  }
  PreparedBatch batch = prepare_batch(batch_options(o, *settings));
  if (batch.config_failed || (batch.inputs.empty() && !batch.errors.empty())) {
    for (const std::string& e : batch.errors) print_error(e);
    return kExitUsage;
  }
  if (batch.inputs.empty()) {
    print_error("no *.yaml or *.yml records found in " + o.paths.front());
    return kExitUsage;
  }
  std::error_code ec;
  if (!b.font.empty() && !fs::is_regular_file(b.font, ec)) {
    print_error("--font '" + b.font + "' is not a readable file; give a TrueType (.ttf) font");
    return kExitUsage;
  }
  fs::path out_dir(b.output_dir);
  if (auto err = prepare_output_dir(out_dir)) {
    print_error(*err);
    return kExitUsage;
  }
  // Templates: --templates, else the configuration's, else the built-in ones.
  EmailTemplates templates = builtin_templates();
  std::string template_dir = b.templates;
  if (template_dir.empty() && !batch.configs.empty()) template_dir = batch.configs.front()->templates;
  if (!template_dir.empty())
    if (auto err = load_templates(template_dir, templates)) {
      print_error(*err);
      return kExitUsage;
    }

  std::vector<std::string> errors = batch.errors;
  std::vector<FileResult> results;
  nlohmann::ordered_json records = nlohmann::ordered_json::array();
  std::map<std::string, int> per_rule;
  std::map<std::string, std::pair<std::string, Mark>> first_by_id;
  std::size_t files_written = 0, packs_written = 0, not_built = 0;
  Progress progress(settings->progress, batch.inputs.size());

  auto produce = [&](std::size_t i) {
    Produced p;
    const Config& config = *batch.configs[i];
    RecordHook hook = [&](const InputFile&, const Config& cfg, const CheckedRecord& checked, FileResult& fr) {
      if (!checked.record || !checked.record->id) return;
      bool errors_found = has_errors(fr.diagnostics);
      if (errors_found && !b.force) return;
      EmailOptions eo;
      eo.sender_domain = cfg.sender_domain;
      eo.draft = errors_found;
      EmailBuild emails = build_emails(*checked.record, templates, eo);
      if (!emails.error.empty()) {
        p.error = emails.error;
        return;
      }
      for (Diagnostic& d : emails.findings) fr.diagnostics.push_back(std::move(d));
      for (BuiltEmail& e : emails.emails) p.files.push_back({"emails/" + e.filename, std::move(e.content)});
      build_readout(*checked.record, cfg, errors_found, b.font, fr, p.files, p.error);
      p.built = true;
    };
    p.result = check_input(batch.inputs[i], config, settings->now, hook, &p.id, &p.id_mark);
    progress.tick();
    return p;
  };

  auto consume = [&](std::size_t i, Produced p) {
    FileResult& fr = p.result;
    // An environment problem (an unusable font) writes nothing for the record: never a pack
    // with emails but no readout.
    if (!p.error.empty()) errors.push_back(fr.path + ": " + p.error);
    bool write = !p.id.empty() && p.error.empty();
    if (write) {
      auto [it, inserted] = first_by_id.emplace(p.id, std::make_pair(fr.path, p.id_mark));
      if (!inserted) {
        if (auto d = duplicate_id_finding(fr.path, p.id, p.id_mark, it->second.first, it->second.second,
                                          *batch.configs[i])) {
          fr.diagnostics.push_back(std::move(*d));
          sort_diagnostics(fr.diagnostics);
        }
        write = false;  // never overwrite the first record's pack
        p.built = false;
      }
    }
    nlohmann::ordered_json rec;
    rec["file"] = fr.path;
    rec["id"] = p.id.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(p.id);
    Totals t = count_totals({fr});
    rec["errors"] = t.errors;
    rec["warnings"] = t.warnings;
    rec["built"] = p.built && write;
    nlohmann::ordered_json written = nlohmann::ordered_json::array();
    if (write) {
      std::vector<PackFile> files = std::move(p.files);
      if (!p.built) files.clear();
      files.push_back({"lint-report.txt", render_single(ReportFormat::text, fr)});
      files.push_back({"lint-report.json", render_single(ReportFormat::json, fr)});
      if (auto err = write_pack(out_dir, p.id, files)) {
        errors.push_back(fr.path + ": " + *err);
        rec["built"] = false;
      } else {
        ++packs_written;
        for (const PackFile& f : files) {
          written.push_back(p.id + "/" + f.relative);
          ++files_written;
        }
      }
    }
    if (!p.built) ++not_built;
    rec["files"] = written;
    records.push_back(rec);
    for (const Diagnostic& d : fr.diagnostics)
      if (counts(d)) per_rule[d.rule]++;
    results.push_back(std::move(fr));
  };
  for_each_ordered<Produced>(batch.inputs.size(), worker_count(o.jobs, batch.inputs.size()), produce, consume);

  nlohmann::ordered_json summary;
  summary["version"] = 1;
  summary["tool"] = {{"name", "escalate"}, {"version", ESCALATE_VERSION}};
  summary["records"] = records;
  nlohmann::ordered_json rules = nlohmann::ordered_json::object();
  for (const auto& [rule, n] : per_rule) rules[rule] = n;
  summary["findings_per_rule"] = rules;
  summary["packs_written"] = packs_written;
  summary["files_written"] = files_written + 1;  // + summary.json itself
  if (auto err = write_file_atomic(out_dir / "summary.json", summary.dump(2) + "\n")) errors.push_back(*err);

  // --baseline applies to every report, the side reports included: findings it records do not
  // fail the run (a record with errors still needs --force for its emails and readout).
  ReportOptions base;
  CommonOptions rest = o;
  if (!o.baseline.empty()) {
    const std::optional<int> baselined = apply_baseline_file(o.baseline, results);
    if (!baselined) return kExitUsage;
    base.baselined = *baselined;
    rest.baseline.clear();
  }
  auto side_report = [&](const std::string& path, ReportFormat f) {
    if (path.empty()) return;
    std::ostringstream out;
    ReportOptions opt = base;
    opt.tool_version = ESCALATE_VERSION;
    opt.strict = o.strict;
    write_report(f, out, results, opt);
    if (auto err = write_file_atomic(path, out.str())) errors.push_back(*err);
  };
  side_report(b.junit, ReportFormat::junit);
  side_report(b.sarif, ReportFormat::sarif);

  int status = finish_report(rest, *settings, results, errors, base);
  if (!o.quiet && status != kExitUsage) {
    std::cerr << "escalate: wrote " << packs_written << " pack" << (packs_written == 1 ? "" : "s") << " to "
              << out_dir.string() << "/";
    if (not_built > 0)
      std::cerr << "; " << not_built << " record" << (not_built == 1 ? "" : "s")
                << " with errors got only lint reports (--force builds them as drafts)";
    std::cerr << "\n";
  }
  return status;
}

}  // namespace esc
