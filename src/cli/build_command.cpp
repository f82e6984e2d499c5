// escalate build: one PIR pack per record — the finished customer emails, the executive readout
// and the record's lint reports — plus the batch's summary.json and CI reports.
#include <iostream>
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/batch.h"
#include "cli/build.h"
#include "cli/commands.h"
#include "cli/parallel.h"
#include "cli/progress.h"
#include "render/email.h"
#include "report/baseline.h"
#include "report/spool.h"
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
  bool draft = false;           // ... and marked DRAFT (--force on a record with errors)
  std::string error;            // environment problem (exit 2)
  std::optional<std::string> read_error;  // the file cannot be read (exit 2)
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

// The names escalate itself writes into the output folder: a record with such an id would have
// its pack and the file fight over one name.
std::set<std::string> own_file_names(const fs::path& out_dir, const BuildOptions& b) {
  std::set<std::string> names = {"summary.json"};
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(out_dir, ec);
  for (const std::string& side : {b.junit, b.sarif}) {
    if (side.empty() || is_stdout_path(side)) continue;
    fs::path p = fs::weakly_canonical(fs::absolute(side, ec), ec);
    if (!ec && p.parent_path() == dir) names.insert(p.filename().string());
  }
  return names;
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
  // Templates: --templates, else each record's configuration's, else the built-in ones. Loaded
  // (and checked) once per folder, before any worker starts.
  std::map<std::string, EmailTemplates> templates_by_dir;
  templates_by_dir.emplace("", builtin_templates());
  auto template_dir_for = [&](const Config& cfg) { return b.templates.empty() ? cfg.templates : b.templates; };
  for (const auto& cfg : batch.configs) {
    std::string dir = template_dir_for(*cfg);
    if (templates_by_dir.contains(dir)) continue;
    EmailTemplates loaded;
    if (auto err = load_templates(dir, loaded)) {
      print_error(*err);
      return kExitUsage;
    }
    templates_by_dir.emplace(dir, std::move(loaded));
  }

  std::vector<std::string> errors = batch.errors;
  std::map<std::string, int> per_rule;
  std::map<std::string, std::pair<std::string, Mark>> first_by_id;
  std::size_t files_written = 0, packs_written = 0, not_built = 0;
  Progress progress(settings->progress, batch.inputs.size());
  const std::set<std::string> reserved = own_file_names(out_dir, b);

  // Everything is written as the records finish, in input order: summary.json (its records
  // list; the counts after it at the end), the side reports and the report.
  OutputFile summary_file;
  const std::optional<std::string> summary_error = summary_file.open((out_dir / "summary.json").string());
  nlohmann::ordered_json summary;
  summary["version"] = 1;
  summary["tool"] = {{"name", "escalate"}, {"version", ESCALATE_VERSION}};
  summary["records"] = nlohmann::ordered_json::array();
  const report_detail::ListFrame records_frame(summary);
  std::size_t records_written = 0;

  // --baseline applies to every report, the side reports included: findings it records do not
  // fail the run (a record with errors still needs --force for its emails and readout).
  std::optional<Baseline> baseline;
  std::optional<std::string> baseline_error;
  if (!o.baseline.empty()) {
    std::string text;
    baseline_error = read_file(o.baseline, text, 64 * 1024 * 1024);
    if (!baseline_error) baseline_error = baseline.emplace().parse(text, o.baseline);
  }
  CommonOptions rest = o;
  rest.baseline.clear();
  BatchReport report(rest, *settings, ReportOptions{});

  // --junit and --sarif. Standard output keeps the order of a report written at the end: the
  // side reports, then the report; while a side report uses it, each waits in a spool.
  struct SideReport {
    std::string path;
    OutputFile file;
    std::optional<std::string> error;
    report_detail::Spool held;
    std::ostream held_stream{&held};
    std::unique_ptr<ReportWriter> writer;
  };
  std::vector<std::unique_ptr<SideReport>> sides;
  bool stdout_waits = false;
  for (const auto& [path, format] : {std::pair{b.junit, ReportFormat::junit}, std::pair{b.sarif, ReportFormat::sarif}}) {
    if (path.empty()) continue;
    auto side = std::make_unique<SideReport>();
    side->path = path;
    ReportOptions opt;
    opt.tool_version = ESCALATE_VERSION;
    opt.strict = o.strict;
    std::ostream* out = &side->held_stream;
    if (is_stdout_path(path)) {
      stdout_waits = true;
    } else if (auto err = side->file.open(path)) {
      side->error = err;
    } else {
      out = &side->file.stream();
    }
    side->writer = make_report_writer(format, *out, opt);
    sides.push_back(std::move(side));
  }
  report_detail::Spool report_held;
  std::ostream report_held_stream(&report_held);
  if (stdout_waits) report.redirect(report_held_stream);

  auto produce = [&](std::size_t i) {
    Produced p;
    const Config& config = *batch.configs[i];
    RecordHook hook = [&](const InputFile&, const Config& cfg, const CheckedRecord& checked, FileResult& fr) {
      if (!checked.record || !checked.record->id) return;
      // Emails and readout into p.files, their findings into `found`; false on an environment
      // problem (p.error).
      auto make = [&](bool draft, std::vector<Diagnostic>& found) {
        p.files.clear();
        found.clear();
        EmailOptions eo;
        eo.sender_domain = cfg.sender_domain;
        eo.draft = draft;
        EmailBuild emails = build_emails(*checked.record, templates_by_dir.at(template_dir_for(cfg)), eo);
        if (!emails.error.empty()) {
          p.error = emails.error;
          return false;
        }
        found = std::move(emails.findings);
        for (BuiltEmail& e : emails.emails) p.files.push_back({"emails/" + e.filename, std::move(e.content)});
        FileResult readout;
        build_readout(*checked.record, cfg, draft, b.font, readout, p.files, p.error);
        for (Diagnostic& d : readout.diagnostics) found.push_back(std::move(d));
        return p.error.empty();
      };
      bool draft = has_errors(fr.diagnostics);
      if (draft && !b.force) return;
      std::vector<Diagnostic> found;
      if (!make(draft, found)) return;
      // An error found while building (readout-one-page, an email that could not be written)
      // is an error like any other: only the lint reports, unless --force, which builds
      // everything again as a DRAFT.
      if (!draft && has_errors(found)) {
        if (!b.force) {
          p.files.clear();
          for (Diagnostic& d : found) fr.diagnostics.push_back(std::move(d));
          return;
        }
        draft = true;
        if (!make(draft, found)) return;
      }
      for (Diagnostic& d : found) fr.diagnostics.push_back(std::move(d));
      p.built = true;
      p.draft = draft;
    };
    p.result = check_input(batch.inputs[i], config, settings->now, hook, &p.id, &p.id_mark, p.read_error);
    progress.tick();
    return p;
  };

  auto consume = [&](std::size_t i, Produced p) {
    FileResult& fr = p.result;
    if (p.read_error) {  // an I/O error (exit 2), not a record
      errors.push_back(*p.read_error);
      return;
    }
    // An environment problem (an unusable font) writes nothing for the record: never a pack
    // with emails but no readout.
    if (!p.error.empty()) errors.push_back(fr.path + ": " + p.error);
    bool write = !p.id.empty() && p.error.empty();
    if (write && reserved.contains(p.id)) {
      errors.push_back(fr.path + ": cannot write a pack for the id '" + p.id + "': escalate writes its own '" + p.id +
                       "' in " + out_dir.string() + "/; give the record another id");
      write = false;
      p.built = false;
    }
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
    Totals t;
    add_to_totals(t, fr);
    rec["errors"] = t.errors;
    rec["warnings"] = t.warnings;
    rec["built"] = p.built && write;
    rec["draft"] = p.built && write && p.draft;
    nlohmann::ordered_json written = nlohmann::ordered_json::array();
    if (write) {
      std::vector<PackFile> files = std::move(p.files);
      if (!p.built) files.clear();
      files.push_back({"lint-report.txt", render_single(ReportFormat::text, fr)});
      files.push_back({"lint-report.json", render_single(ReportFormat::json, fr)});
      if (auto err = write_pack(out_dir, p.id, files)) {
        errors.push_back(fr.path + ": " + *err);
        rec["built"] = false;
        rec["draft"] = false;
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
    if (!summary_error) {
      if (records_written == 0) summary_file.stream() << records_frame.open();
      summary_file.stream() << records_frame.element(rec, records_written == 0);
    }
    ++records_written;
    for (const Diagnostic& d : fr.diagnostics)
      if (counts(d)) per_rule[d.rule]++;
    if (baseline_error) return;
    if (baseline) baseline->apply(fr);
    for (auto& side : sides) side->writer->add(fr);
    report.add(fr);
  };
  for_each_ordered<Produced>(batch.inputs.size(), worker_count(o.jobs, batch.inputs.size()), produce, consume);

  nlohmann::ordered_json rules = nlohmann::ordered_json::object();
  for (const auto& [rule, n] : per_rule) rules[rule] = n;
  summary["findings_per_rule"] = rules;
  summary["packs_written"] = packs_written;
  summary["files_written"] = files_written + 1;  // + summary.json itself
  if (summary_error) {
    errors.push_back(*summary_error);
  } else {
    const report_detail::ListFrame frame(summary);
    summary_file.stream() << (records_written == 0 ? frame.empty() : frame.close()) << "\n";
    if (auto err = summary_file.commit()) errors.push_back(*err);
  }
  if (baseline_error) {
    print_error(*baseline_error);
    return kExitUsage;
  }
  for (auto& side : sides) {
    std::optional<std::string> err = side->error;
    if (!err) err = side->writer->finish();
    if (is_stdout_path(side->path)) {
      std::cout.flush();
      if (!err) err = side->held.copy_to(std::cout);
      std::cout.flush();
    } else if (err) {
      side->file.abandon();
    } else {
      err = side->file.commit();
    }
    if (err) errors.push_back(*err);
  }

  int status = report.finish(errors);
  if (stdout_waits) {
    if (auto err = report_held.copy_to(std::cout)) print_error(*err);
    std::cout.flush();
  }
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
