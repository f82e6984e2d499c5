// escalate lint-comms: inputs and configuration -> draft reader -> draft rules -> reports.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <iostream>
#include <map>
#include <memory>
#include <thread>

#include "pipeline/batch.h"
#include "pipeline/inputs.h"
#include "cli/lint_comms.h"
#include "core/file.h"
#include "pipeline/progress.h"
#include "draft/draft.h"
#include "load/loader.h"
#include "rules/draft_lint.h"

namespace esc {

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kDraftExtensions = {".eml", ".txt", ".md"};

// A configuration and its custom patterns, compiled once and shared by every draft it covers.
struct DraftSettings {
  std::shared_ptr<const Config> config;
  std::vector<CustomPattern> patterns;
};

// --config, or the .escalate.yaml discovered from each input's folder (one load per file).
class SettingsCache {
 public:
  SettingsCache(const std::string& explicit_path, std::vector<std::string>& errors) : errors_(errors) {
    if (!explicit_path.empty()) {
      fixed_ = make(load_config_file(explicit_path, errors_));
      if (!fixed_) failed_ = true;
      return;
    }
    defaults_ = make(std::make_shared<Config>());
  }
  bool failed() const { return failed_; }

  std::shared_ptr<const DraftSettings> get(const InputFile& in) {
    if (fixed_) return fixed_;
    const std::string folder = in.is_stdin || in.path.parent_path().empty() ? "." : in.path.parent_path().string();
    if (auto it = by_folder_.find(folder); it != by_folder_.end()) return it->second;
    std::shared_ptr<const DraftSettings> settings = defaults_;
    if (auto found = discover_config(folder)) {
      const std::string key = found->string();
      if (auto it = by_file_.find(key); it != by_file_.end()) {
        settings = it->second;
      } else {
        settings = make(load_config_file(fs::relative(*found).string(), errors_));
        if (!settings) {
          failed_ = true;
          settings = defaults_;
        }
        by_file_[key] = settings;
      }
    }
    by_folder_[folder] = settings;
    return settings;
  }

 private:
  std::vector<std::string>& errors_;
  std::shared_ptr<const DraftSettings> fixed_, defaults_;
  std::map<std::string, std::shared_ptr<const DraftSettings>> by_folder_, by_file_;
  bool failed_ = false;

  std::shared_ptr<const DraftSettings> make(std::shared_ptr<const Config> config) {
    if (!config) return nullptr;
    auto s = std::make_shared<DraftSettings>();
    std::size_t before = errors_.size();
    s->patterns = compile_patterns(*config, errors_);
    s->config = std::move(config);
    if (errors_.size() != before) return nullptr;
    return s;
  }
};

// The decoded lines the findings point at, for the text report's caret. A line over 400 bytes
// is shown cut (at a character boundary) while every caret on it falls inside the cut, and not
// at all otherwise: a caret at column 900,000 of a 1 MB line helps nobody.
std::map<int, std::string> draft_source_lines(const Draft& draft, const std::vector<Diagnostic>& diags) {
  constexpr std::size_t kCut = 400;
  std::map<int, int> widest;  // line -> largest column pointed at
  auto want = [&](const Mark& m) {
    if (m.line > 0) widest[m.line] = std::max(widest[m.line], m.col);
  };
  for (const Diagnostic& d : diags) {
    want(d.mark);
    for (const Note& n : d.notes) want(n.mark);
  }
  std::map<int, std::string> lines;
  for (auto [line, col] : widest) {
    std::string text = draft.display_line(line);
    if (text.size() > kCut) {
      std::size_t cut = kCut;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      text.resize(cut);
      if (static_cast<std::size_t>(col) > utf8_length(text)) continue;
    }
    lines[line] = std::move(text);
  }
  return lines;
}

FileResult lint_input(const InputFile& in, const DraftSettings& settings, Instant now, const Incident* incident,
                      std::optional<std::string>& error) {
  FileResult fr;
  fr.path = in.display;
  const Config& config = *settings.config;
  ReadResult read = read_input(in, config.max_file_size);
  if (read.error) {
    error = *read.error;
    return fr;
  }
  Draft draft;
  if (read.over_limit) {
    draft.readable = false;
    draft.problems.push_back({{0, 0}, "the file is " + std::to_string(read.size) + " bytes, over the " +
                                          std::to_string(config.max_file_size) +
                                          "-byte limit for a draft (max_file_size in the configuration)"});
  } else {
    draft = read_draft(read.text, draft_format_for(in.is_stdin ? in.display : in.path.string(), read.text));
  }
  DraftLintOptions options{&config, &settings.patterns, now, incident};
  fr.diagnostics = lint_draft(draft, in.display, options);
  fr.source_lines = draft_source_lines(draft, fr.diagnostics);
  return fr;
}

}  // namespace

int cmd_lint_comms(const CommonOptions& o, const LintCommsOptions& lint) {
  auto settings = resolve_settings(o);
  if (!settings) return kExitUsage;
  if (o.paths.empty()) {
    print_error("no drafts given; try 'escalate lint-comms draft.eml' or 'escalate lint-comms --help'");
    return kExitUsage;
  }
  std::vector<std::string> errors;
  InputList inputs = collect_inputs(o.paths, kDraftExtensions, o.stdin_filename, errors);
  // A folder's README.md documents the drafts beside it; it is linted only when named.
  inputs.erase_if([&](const InputFile& in) {
    if (in.is_stdin || std::find(o.paths.begin(), o.paths.end(), in.display) != o.paths.end()) return false;
    std::string stem = in.path.stem().string();
    for (char& c : stem) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return stem == "README";
  });

  if (!outputs_spare_inputs(inputs, {o.config, o.baseline, lint.incident}, {o.output, o.write_baseline})) return kExitUsage;
  SettingsCache cache(o.config, errors);
  std::vector<std::shared_ptr<const DraftSettings>> per_input;
  if (!cache.failed())
    for (const InputFile& in : inputs) per_input.push_back(cache.get(in));
  if (cache.failed()) {
    for (const std::string& e : errors) print_error(e);
    return kExitUsage;
  }

  // --incident: the record every draft is compared with.
  std::optional<LoadResult> record;
  std::optional<Incident> incident;
  if (!lint.incident.empty()) {
    std::string text;
    const std::size_t limit = per_input.empty() ? Config{}.max_file_size : per_input.front()->config->max_file_size;
    if (auto err = read_file(lint.incident, text, limit)) {
      print_error("--incident: " + *err);
      return kExitUsage;
    }
    record = load_record(text, lint.incident, ParseLimits{limit});
    if (!record->record) {
      std::string why = "it is not an incident record";
      for (const Diagnostic& d : record->diagnostics)
        if (d.severity == Severity::error) {
          why = report_detail::location(lint.incident, d.mark) + ": " + d.message;
          break;
        }
      print_error("--incident " + lint.incident + " cannot be read: " + why);
      return kExitUsage;
    }
    const auto problems = std::count_if(record->diagnostics.begin(), record->diagnostics.end(),
                                        [](const Diagnostic& d) { return d.severity == Severity::error; });
    if (problems > 0 && !o.quiet)
      std::cerr << "escalate: warning: --incident " << lint.incident << " has " << problems << " problem"
                << (problems == 1 ? "" : "s") << " ('escalate check " << lint.incident
                << "' lists them); its missing or invalid values are not compared\n";
    incident.emplace(Incident{*record->record, lint.incident});
  }

  if (inputs.empty()) {
    if (errors.empty()) errors.push_back("no .eml, .txt or .md drafts found in " + o.paths.front());
    for (const std::string& e : errors) print_error(e);
    return kExitUsage;
  }

  const std::size_t n = inputs.size();
  std::vector<FileResult> files(n);
  std::vector<std::optional<std::string>> read_errors(n);
  Progress progress(settings->progress, n);
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      files[i] = lint_input(inputs[i], *per_input[i], settings->now, incident ? &*incident : nullptr, read_errors[i]);
      progress.tick();
    }
  };
  const unsigned jobs = worker_count(o.jobs, n);
  if (jobs == 1) {
    worker();
  } else {
    std::vector<std::jthread> threads;
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  }
  // An unreadable file is an I/O error (exit 2); the other drafts are still reported.
  std::vector<FileResult> results;
  for (std::size_t i = 0; i < n; ++i) {
    if (read_errors[i]) errors.push_back(*read_errors[i]);
    else results.push_back(std::move(files[i]));
  }
  ReportOptions ropt;
  ropt.noun = "draft";
  return finish_report(o, *settings, results, errors, ropt);
}

}  // namespace esc
