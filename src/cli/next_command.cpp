// escalate next RECORD: drafts the next customer communication the record calls for (the model
// decides which one and whether the record is ready; render/next_draft writes it) and writes it
// atomically. Never a partial file, never over a file it was not asked to replace.
#include <filesystem>
#include <iostream>
#include <re2/re2.h>

#include "pipeline/batch.h"
#include "cli/commands.h"
#include "cli/next.h"
#include "core/text.h"
#include "load/loader.h"
#include "model/escalation.h"
#include "render/next_draft.h"
#include "report/report.h"
#include "write/atomic_file.h"

namespace esc {

namespace {

namespace fs = std::filesystem;

struct LoadedRecord {
  InputFile input;
  std::shared_ptr<const Config> config;
  LoadResult loaded;
};

// Reads and loads one record; prints the problem (file:line:col) and returns false when it
// does not load or has errors the loader found (a draft from half a record would mislead).
bool load_one(const InputFile& in, std::shared_ptr<const Config> config, LoadedRecord& out, bool report) {
  ReadResult read = read_input(in, config->max_file_size);
  if (read.error || read.over_limit) {
    if (report)
      print_error(read.error ? *read.error
                             : in.display + ": the file is over the " + std::to_string(config->max_file_size) +
                                   "-byte limit for a record");
    return false;
  }
  if (read.text.starts_with("\xEF\xBB\xBF")) read.text.erase(0, 3);
  if (read.text.find('\r') != std::string::npos) read.text = unify_line_ends(read.text);
  out.input = in;
  out.config = std::move(config);
  out.loaded = load_record(read.text, in.display, ParseLimits{out.config->max_file_size});
  bool bad = !out.loaded.record;
  for (const Diagnostic& d : out.loaded.diagnostics) {
    if (d.severity != Severity::error) continue;
    bad = true;
    if (report)
      std::cerr << report_detail::location(in.display, d.mark) << ": error: " << d.message << " [" << d.rule << "]\n";
  }
  if (bad && report && out.loaded.diagnostics.empty()) std::cerr << in.display << ":1:1: error: not an incident record\n";
  return !bad;
}

// RECORD as a file, else as an id searched for under the current folder (`exclude:` applies).
// Prints why and returns nullopt when it cannot be found or does not load.
std::optional<LoadedRecord> find_record(const CommonOptions& o, const RunSettings& s, const std::string& arg) {
  static const re2::RE2 id_shape(R"([A-Za-z0-9][A-Za-z0-9._-]{0,63})");
  std::error_code ec;
  const bool is_path = fs::exists(arg, ec) || arg.find('/') != std::string::npos || arg.ends_with(".yaml") ||
                       arg.ends_with(".yml") || !re2::RE2::FullMatch(arg, id_shape);
  BatchOptions bo = batch_options(o, s);
  bo.paths = {is_path ? arg : "."};
  if (is_path && fs::is_directory(arg, ec)) {
    print_error(arg + " is a folder; name one record file (or its id)");
    return std::nullopt;
  }
  PreparedBatch batch = prepare_batch(bo);
  for (const std::string& e : batch.errors) print_error(e);
  if (batch.config_failed || !batch.errors.empty()) return std::nullopt;
  if (is_path) {
    LoadedRecord rec;
    if (batch.inputs.empty() || !load_one(batch.inputs.front(), batch.configs.front(), rec, true)) {
      print_error("no draft written: " + arg + " must load as an incident record ('escalate check " + arg +
                  "' lists every problem)");
      return std::nullopt;
    }
    return rec;
  }
  std::optional<LoadedRecord> found;
  bool found_ok = false;
  for (std::size_t i = 0; i < batch.inputs.size(); ++i) {
    LoadedRecord rec;
    const bool ok = load_one(batch.inputs[i], batch.configs[i], rec, false);
    if (!rec.loaded.record || !rec.loaded.record->id || *rec.loaded.record->id != arg) continue;
    if (found) {  // duplicate-id: which one is meant is unknown
      print_error("two records have the id '" + arg + "': " + found->input.display + " and " +
                  batch.inputs[i].display + "; name the record's file");
      return std::nullopt;
    }
    found = std::move(rec);
    found_ok = ok;
  }
  if (found && !found_ok) {
    LoadedRecord again;
    load_one(found->input, found->config, again, true);  // print its problems
    print_error("no draft written: " + found->input.display + " must load as an incident record");
    return std::nullopt;
  }
  if (found) return found;
  print_error("no record with id '" + arg + "' under " + fs::current_path(ec).string() +
              " (name the record's file, or run escalate next from the incident repository)");
  return std::nullopt;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The lint-comms command that checks the draft as it was drafted: the same record, and the
// --config and --now that decided its contents (a later clock would find its promise past).
std::string lint_command(const CommonOptions& o, const std::string& record, const std::string& path) {
  std::string out = "escalate lint-comms --incident " + shell_quote(record);
  if (!o.config.empty()) out += " --config " + shell_quote(o.config);
  if (o.now_given) out += " --now " + shell_quote(o.now_text);
  return out + " " + (is_stdout_path(path) ? std::string("DRAFT") : shell_quote(path));
}

}  // namespace

int cmd_next(const CommonOptions& o, const NextOptions& no) {
  CommonOptions settings_opts = o;
  settings_opts.format.clear();  // eml|txt are next's own
  const auto settings = resolve_settings(settings_opts);
  if (!settings) return kExitUsage;
  const DraftFormat format = no.format == "txt" ? DraftFormat::txt : DraftFormat::eml;

  std::optional<LoadedRecord> rec = find_record(o, *settings, no.record);
  if (!rec) return kExitUsage;
  const Record& r = *rec->loaded.record;
  const Config& config = *rec->config;

  EmailTemplates templates = builtin_templates();
  if (!config.templates.empty())
    if (auto err = load_templates(config.templates, templates)) {
      print_error(*err);
      return kExitUsage;
    }

  const Calendar calendar(config.calendar, config.holidays);
  const model::Escalation e(r, config, calendar, settings->now);
  std::optional<TimeZone> zone;
  if (!config.display_timezone.empty()) zone = TimeZone::load(config.display_timezone, nullptr);
  NextDraftResult result = draft_next(e, config, calendar, templates, format, zone ? &*zone : nullptr);
  const std::string who = r.id ? *r.id : rec->input.display;
  if (!result.error.empty()) {
    print_error(result.error);
    return kExitUsage;
  }
  if (result.nothing_owed) {
    std::cerr << "escalate: " << who << ": the resolution notification has been sent; the customer is owed no "
              << "further update (what is left: escalate status " << rec->input.display << ")\n";
    return kExitFindings;
  }
  if (result.out_of_numbers) {
    std::cerr << "escalate: " << who << ": no " << model::next_communication(r)->name() << " drafted: "
              << report_detail::location(rec->input.display, result.out_of_numbers->loc.mark) << ": "
              << result.out_of_numbers->what << "\n";
    return kExitFindings;
  }
  if (!result.draft) {
    const auto next = model::next_communication(r);
    std::cerr << "escalate: " << who << " is not ready for its " << next->name() << "; no draft written. Missing:\n";
    for (const model::Missing& m : result.missing)
      std::cerr << "  " << report_detail::location(rec->input.display, m.loc.mark) << ": " << m.what << "\n";
    std::cerr << "The playbook: facts confirmed in writing by the technical owner, and every owner confirmed, "
                 "before any customer communication.\n";
    return kExitFindings;
  }

  const NextDraft& d = *result.draft;
  const std::string path = o.output.empty() ? d.filename : o.output;
  if (is_stdout_path(path)) {
    std::cout << d.content;
  } else {
    // A file (or a symlink) there may hold the user's edits: kept unless --force. A device or
    // FIFO is written through, never replaced; a file made meanwhile is kept (open's `replace`).
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(path, ec);
    if ((fs::is_regular_file(st) || fs::is_symlink(st)) && !no.force) {
      print_error(path + " already exists (it may hold your edits); no draft written. Use --force to replace it, "
                  "or -o to name another file");
      return kExitUsage;
    }
    InputList record;
    record.push_back(rec->input);
    if (!outputs_spare_inputs(record, {o.config}, {path})) return kExitUsage;
    OutputFile file;
    std::optional<std::string> err = file.open(path, no.force);
    if (!err) {
      file.stream() << d.content;
      err = file.commit();
    }
    if (err) {
      print_error(*err);
      return kExitUsage;
    }
  }
  if (!o.quiet) {
    std::cerr << (is_stdout_path(path) ? std::string("drafted") : "wrote " + path + ":") << " " << d.next.name()
              << " of " << who << "\n  From: " << d.from << "\n  To: " << joined(d.to) << "\n";
    if (!d.cc.empty()) std::cerr << "  Cc: " << joined(d.cc) << "\n";
    std::cerr << "  Subject: " << d.subject << "\n";
    if (d.next_update_by)
      std::cerr << "  Next update by: " << promise_text(*d.next_update_by, zone ? &*zone : nullptr) << "\n";
    if (d.placeholders.empty()) {
      std::cerr << "  Nothing is left to write; read it through before sending.\n";
    } else {
      std::cerr << "  " << plural(d.placeholders.size(), "part", "parts") << " only you can write: "
                << joined(d.placeholders) << "\n  Then check it: " << lint_command(o, rec->input.display, path) << "\n";
    }
  }
  return kExitClean;
}

}  // namespace esc
