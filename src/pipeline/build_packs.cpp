#include "pipeline/build_packs.h"

#include <atomic>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/interrupt.h"
#include "pipeline/parallel.h"
#include "pipeline/progress.h"
#include "render/email.h"
#include "report/spool.h"
#include "rules/engine.h"
#include "write/atomic_file.h"
#include "write/pack.h"

namespace esc {

namespace {

using ojson = nlohmann::ordered_json;

// What a worker hands over for one record: its findings and its staged pack.
struct Produced {
  bool skipped = false;  // an interrupt arrived before the record was started
  FileResult result;
  std::string id;
  Mark id_mark;
  bool write = false;              // a pack was to be written (an id, nothing in the way)
  bool built = false;              // the documents were made (clean record, or --force)
  bool draft = false;              // ... and marked DRAFT (--force on a record with errors)
  std::vector<std::string> files;  // the pack's files, relative to it
  StagedPack staged;
  std::optional<std::string> stage_error;  // the pack could not be written
  std::string error;                       // environment problem (exit 2)
  std::optional<std::string> read_error;   // the file cannot be read (exit 2)
};

bool has_errors(const std::vector<Diagnostic>& diags) {
  for (const Diagnostic& d : diags)
    if (counts(d) && d.severity == Severity::error) return true;
  return false;
}

std::string render_single(ReportFormat f, const FileResult& fr, const std::string& tool_version) {
  std::ostringstream out;
  ReportOptions opt;
  opt.tool_version = tool_version;
  write_report(f, out, {fr}, opt);
  return out.str();
}

}  // namespace

std::optional<std::string> load_batch_templates(const PreparedBatch& batch, const std::string& override_dir,
                                                TemplateSet& out) {
  out.emplace("", builtin_templates());
  for (const auto& cfg : batch.configs) {
    const std::string dir = override_dir.empty() ? cfg->templates : override_dir;
    if (out.contains(dir)) continue;
    EmailTemplates loaded;
    if (auto err = load_templates(dir, loaded)) return err;
    out.emplace(dir, std::move(loaded));
  }
  return std::nullopt;
}

namespace {

// A summary.json in the output folder that escalate did not write (a file that does not begin
// as escalate's summaries do, or cannot be read) is not replaced: an error sentence, or nullopt.
std::optional<std::string> foreign_summary(const std::filesystem::path& path, std::string_view signature) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(std::filesystem::symlink_status(path, ec)) || file_begins_with(path, signature))
    return std::nullopt;
  return "refusing to replace '" + path.string() +
         "': escalate did not write it (it is not a summary of a build); move it, or choose another output folder";
}

}  // namespace

PackBuildResult build_packs(const PreparedBatch& batch, const BatchOptions& options, const PackBuild& build,
                            const TemplateSet& templates, const std::function<void(FileResult&)>& on_record,
                            std::vector<std::string>& errors) {
  PackBuildResult result;
  const std::size_t n = batch.inputs.size();
  Progress progress(options.progress, n);
  FirstIds first_by_id = first_ids_for(batch);  // duplicate-id: the first record's pack is kept
  std::size_t files_written = 0;

  // summary.json: its records list is written as the records finish; the counts after it last.
  ojson summary;
  summary["version"] = 1;
  summary["tool"] = {{"name", "escalate"}, {"version", build.tool_version}};
  summary["records"] = ojson::array();
  const report_detail::ListFrame records_frame(summary);
  const std::filesystem::path summary_path = build.out_dir / "summary.json";
  // How every summary escalate writes begins, whatever its version: up to the tool's name.
  const std::string head = records_frame.open();
  constexpr std::string_view kToolName = "\"escalate\"";
  const std::string_view signature = std::string_view(head).substr(0, head.find(kToolName) + kToolName.size());
  remove_killed_temporaries(summary_path, signature);
  OutputFile summary_file;
  std::optional<std::string> summary_error = foreign_summary(summary_path, signature);
  if (!summary_error) summary_error = summary_file.open(summary_path.string());
  std::size_t records_written = 0;
  std::map<std::string, int> per_rule;
  pdf::FontCache fonts;  // each font file parsed once, shared by the workers

  std::atomic<int> stopped_by{0};
  auto produce = [&](std::size_t i) {
    Produced p;
    if (const int signal = interrupted()) {
      stopped_by.store(signal, std::memory_order_relaxed);
      p.skipped = true;
      return p;
    }
    const Config& config = *batch.configs[i];
    std::vector<PackFile> files;
    RecordHook hook = [&](const InputFile&, const Config& cfg, const CheckedRecord& checked, FileResult& fr) {
      if (!checked.record || !checked.record->id) return;
      // Emails and readout into `files`, their findings into `found`; false on an environment
      // problem (p.error).
      auto make = [&](bool draft, std::vector<Diagnostic>& found) {
        files.clear();
        found.clear();
        EmailOptions eo;
        eo.sender_domain = cfg.sender_domain;
        eo.draft = draft;
        const EmailTemplates& set = templates.at(build.templates.empty() ? cfg.templates : build.templates);
        EmailBuild emails = build_emails(*checked.record, set, eo);
        if (!emails.error.empty()) {
          p.error = emails.error;
          return false;
        }
        found = std::move(emails.findings);
        for (BuiltEmail& e : emails.emails) files.push_back({"emails/" + e.filename, std::move(e.content)});
        FileResult readout;
        build_readout(*checked.record, cfg, options.now, draft, build.font, fonts, readout, files, p.error);
        for (Diagnostic& d : readout.diagnostics) found.push_back(std::move(d));
        settle_build_findings(found, *checked.record, cfg);
        return p.error.empty();
      };
      bool draft = has_errors(fr.diagnostics);
      if (draft && !build.force) return;
      std::vector<Diagnostic> found;
      if (!make(draft, found)) return;
      // An error found while building (readout-one-page, an email that could not be written)
      // is an error like any other: only the lint reports, unless --force, which builds
      // everything again as a DRAFT.
      if (!draft && has_errors(found)) {
        if (!build.force) {
          files.clear();
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
    p.result = check_input(batch.inputs[i], config, options.now, hook, &p.id, &p.id_mark, p.read_error);
    // The pack, written here: file creation is most of a pack's system time. An environment
    // problem (an unusable font) writes nothing for the record: never emails without a readout.
    p.write = !p.read_error && !p.id.empty() && p.error.empty() && !build.reserved.contains(p.id);
    if (p.write) {
      if (!p.built) files.clear();
      files.push_back({"lint-report.txt", render_single(ReportFormat::text, p.result, build.tool_version)});
      files.push_back({"lint-report.json", render_single(ReportFormat::json, p.result, build.tool_version)});
      for (const PackFile& f : files) p.files.push_back(f.relative);
      p.stage_error = stage_pack(build.out_dir, p.id, files, i, p.staged);
    }
    progress.tick();
    return p;
  };

  auto consume = [&](std::size_t i, Produced p) {
    if (p.skipped) return;
    FileResult& fr = p.result;
    if (p.read_error) {  // an I/O error (exit 2), not a record
      errors.push_back(*p.read_error);
      return;
    }
    if (!p.error.empty()) errors.push_back(fr.path + ": " + p.error);
    bool write = p.write;
    if (!p.id.empty() && p.error.empty() && build.reserved.contains(p.id)) {
      errors.push_back(fr.path + ": cannot write a pack for the id '" + p.id + "': escalate writes its own '" + p.id +
                       "' in " + build.out_dir.string() + "/; give the record another id");
      p.built = false;
    }
    if (write) {
      if (auto first = first_by_id.first_use(p.id, i, p.id_mark, !batch.inputs.is_stdin(i))) {
        if (auto d = duplicate_id_finding(fr.path, p.id, p.id_mark, batch.inputs[first->first].display, first->second,
                                          *batch.configs[i])) {
          fr.diagnostics.push_back(std::move(*d));
          sort_diagnostics(fr.diagnostics);
        }
        write = false;  // never overwrite the first record's pack
        p.built = false;
        p.staged.drop();
      }
    }
    ojson rec;
    rec["file"] = fr.path;
    rec["id"] = p.id.empty() ? ojson() : ojson(p.id);
    Totals t;
    add_to_totals(t, fr);
    rec["errors"] = t.errors;
    rec["warnings"] = t.warnings;
    rec["built"] = p.built && write;
    rec["draft"] = p.built && write && p.draft;
    ojson written = ojson::array();
    if (write) {
      std::optional<std::string> err = p.stage_error;
      if (!err) err = commit_pack(p.staged);
      if (err) {
        errors.push_back(fr.path + ": " + *err);
        rec["built"] = false;
        rec["draft"] = false;
      } else {
        ++result.packs_written;
        for (const std::string& f : p.files) {
          written.push_back(p.id + "/" + f);
          ++files_written;
        }
      }
    }
    if (!p.built) ++result.not_built;
    rec["files"] = written;
    if (!summary_error) {
      if (records_written == 0) summary_file.stream() << records_frame.open();
      summary_file.stream() << records_frame.element(rec, records_written == 0);
    }
    ++records_written;
    for (const Diagnostic& d : fr.diagnostics)
      if (counts(d)) per_rule[d.rule]++;
    on_record(fr);
  };
  for_each_ordered<Produced>(n, worker_count(options.jobs, n), produce, consume);
  if ((result.interrupted_by = stopped_by.load(std::memory_order_relaxed))) {
    // Not every record was built: no summary of this build, and none of an earlier one once
    // this build has replaced packs it describes (a summary.json someone else wrote is kept).
    summary_file.abandon();
    if (summary_error) errors.push_back(*summary_error);
    std::error_code ec;
    if (result.packs_written > 0 && !summary_error && !foreign_summary(summary_path, signature) &&
        std::filesystem::is_regular_file(std::filesystem::symlink_status(summary_path, ec)))
      result.summary_removed = std::filesystem::remove(summary_path, ec);
    return result;
  }

  ojson rules = ojson::object();
  for (const auto& [rule, count] : per_rule) rules[rule] = count;
  summary["findings_per_rule"] = rules;
  summary["packs_written"] = result.packs_written;
  summary["files_written"] = files_written + 1;  // + summary.json itself
  if (summary_error) {
    errors.push_back(*summary_error);
  } else {
    const report_detail::ListFrame frame(summary);
    summary_file.stream() << (records_written == 0 ? frame.empty() : frame.close()) << "\n";
    // Again at the end: a file the user put there during the build is not replaced either.
    if (auto foreign = foreign_summary(summary_path, signature)) {
      summary_file.abandon();
      errors.push_back(*foreign);
    } else if (auto err = summary_file.commit()) {
      errors.push_back(*err);
    }
  }
  return result;
}

}  // namespace esc
