#include "pipeline/batch.h"

#include <atomic>
#include <cstdio>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <mutex>
#include <set>
#include <thread>
#include <unistd.h>

#include "core/file.h"
#include "core/rule_registry.h"
#include "pipeline/parallel.h"
#include "pipeline/progress.h"
#include "core/text.h"
#include "load/fields.h"
#include "load/loader.h"
#include "rules/draft_lint.h"
#include "rules/rule.h"

namespace esc {

namespace fs = std::filesystem;

std::shared_ptr<const Config> load_config_file(const std::string& path, std::vector<std::string>& errors) {
  std::string text;
  if (auto err = read_file(path, text, 1024 * 1024)) {
    errors.push_back(*err);
    return nullptr;
  }
  std::vector<Diagnostic> problems;
  auto config = std::make_shared<Config>(load_config(text, path, problems));
  // Relative templates: and font: mean the configuration file's folder, wherever escalate runs.
  auto beside_config = [&](std::string& value) {
    if (value.empty() || fs::path(value).is_absolute()) return;
    value = (fs::path(path).parent_path() / value).lexically_normal().string();
  };
  beside_config(config->templates);
  beside_config(config->font);
  auto where = [&](Mark m) {
    return m.line > 0 ? path + ":" + std::to_string(m.line) + ":" + std::to_string(m.col) : path;
  };
  bool bad = false;
  for (const Diagnostic& d : problems) {
    errors.push_back(where(d.mark) + ": " + (d.severity == Severity::error ? "" : "warning: ") +
                     "configuration: " + d.message);
    bad = bad || d.severity == Severity::error;
  }
  // What the field table cannot know: rule ids, RE2 patterns and the font file. Checked here,
  // once, for every command, so a typo never silently does nothing.
  std::vector<std::string> pattern_errors;
  std::vector<CustomPattern> patterns = compile_patterns(*config, pattern_errors);
  for (std::string& e : pattern_errors) errors.push_back(std::move(e));
  bad = bad || !pattern_errors.empty();
  for (const auto& [id, mark] : config->rule_marks) {
    if (find_rule(id)) continue;
    bool custom = false;
    for (const CustomPattern& p : patterns) custom = custom || p.id == id;
    if (custom) continue;
    std::string msg = where(mark) + ": configuration: unknown rule '" + id + "' in rules";
    if (auto s = did_you_mean(id, rule_ids())) msg += "; did you mean '" + *s + "'?";
    errors.push_back(msg + " ('escalate rules' lists them)");
    bad = true;
  }
  std::error_code ec;
  if (!config->font.empty() && !fs::is_regular_file(config->font, ec)) {
    errors.push_back(where(config->font_mark) + ": configuration: font '" + config->font +
                     "' is not a readable file; point font: at a TrueType (.ttf) file or remove it");
    bad = true;
  }
  if (bad) return nullptr;
  return config;
}

std::map<int, std::string> source_lines_for(std::string_view text, const std::vector<Diagnostic>& diags) {
  std::set<int> wanted;
  for (const Diagnostic& d : diags) {
    if (d.mark.line > 0) wanted.insert(d.mark.line);
    for (const Note& n : d.notes)
      if (n.mark.line > 0) wanted.insert(n.mark.line);
  }
  std::map<int, std::string> lines;
  if (wanted.empty()) return lines;
  int line = 1;
  std::size_t start = 0;
  auto next = wanted.begin();
  while (start <= text.size() && next != wanted.end()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (line == *next) {
      std::string_view l = text.substr(start, end - start);
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      // The whole line: the text report shows a window of it around the column.
      lines[line] = std::string(l);
      ++next;
    }
    if (end == text.size()) break;
    start = end + 1;
    ++line;
  }
  return lines;
}

namespace {

// Whether the text is plausibly an incident record: no NUL byte, and some line starts with one
// of the record's top-level keys. The source lines of anything else (a symlinked secrets file,
// /proc/self/environ) are never echoed into a CI log.
bool looks_like_record(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) return false;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    for (const FieldSpec& f : record_shape().fields)
      if (line.starts_with(f.key) && line.substr(f.key.size()).starts_with(":")) return true;
    start = end + 1;
  }
  return false;
}

// One configuration per folder, discovered once and shared by the workers.
class ConfigCache {
 public:
  ConfigCache(const std::string& explicit_path, std::vector<std::string>& errors) : errors_(errors) {
    if (!explicit_path.empty()) {
      fixed_ = load_config_file(explicit_path, errors);
      if (!fixed_) failed_ = true;
      return;
    }
    defaults_ = std::make_shared<Config>();
  }
  bool failed() const { return failed_; }

  // Resolves configs for every input up front (single-threaded), so workers only read.
  void resolve(const InputList& inputs) {
    for (const InputFile& in : inputs) (void)lookup(in);
  }
  std::shared_ptr<const Config> get(const InputFile& in) const {
    if (fixed_) return fixed_;
    auto it = by_folder_.find(folder_of(in));
    return it == by_folder_.end() ? defaults_ : it->second;
  }

 private:
  std::vector<std::string>& errors_;
  std::shared_ptr<const Config> fixed_, defaults_;
  std::map<std::string, std::shared_ptr<const Config>> by_folder_;
  std::map<std::string, std::shared_ptr<const Config>> by_file_;
  bool failed_ = false;

  static std::string folder_of(const InputFile& in) {
    if (in.is_stdin) return ".";
    fs::path parent = in.path.parent_path();
    return parent.empty() ? "." : parent.string();
  }
  std::shared_ptr<const Config> lookup(const InputFile& in) {
    if (fixed_) return fixed_;
    std::string folder = folder_of(in);
    if (auto it = by_folder_.find(folder); it != by_folder_.end()) return it->second;
    std::shared_ptr<const Config> config = defaults_;
    if (auto found = discover_config(folder)) {
      std::string key = found->string();
      if (auto it = by_file_.find(key); it != by_file_.end()) {
        config = it->second;
      } else {
        auto loaded = load_config_file(fs::relative(*found).string(), errors_);
        if (!loaded) {
          failed_ = true;
          loaded = defaults_;
        }
        by_file_[key] = loaded;
        config = loaded;
      }
    }
    by_folder_[folder] = config;
    return config;
  }
};

// Whether a file found in a folder search is excluded by its configuration or --exclude.
bool is_excluded(const InputFile& in, const Config& config, const std::vector<std::string>& cli_globs) {
  // `path` relative to `folder`, or empty when the file is not below it.
  const auto below = [](const fs::path& path, fs::path folder) -> std::string {
    std::error_code ec;
    if (folder.empty()) folder = ".";
    const fs::path file = fs::absolute(path, ec).lexically_normal();
    const fs::path base = fs::absolute(folder, ec).lexically_normal();
    if (ec) return "";
    const std::string rel = file.lexically_relative(base).generic_string();
    return rel.empty() || rel == ".." || rel.starts_with("../") ? "" : rel;
  };
  if (!cli_globs.empty())
    if (const std::string rel = below(in.path, "."); !rel.empty() && glob_excluded(rel, cli_globs)) return true;
  if (!config.exclude.empty() && !config.file.empty())
    if (const std::string rel = below(in.path, fs::path(config.file).parent_path());
        !rel.empty() && glob_excluded(rel, config.exclude))
      return true;
  return false;
}

}  // namespace

FileResult check_input(const InputFile& in, const Config& config, Instant now, const RecordHook& hook,
                       std::string* id, Mark* id_mark, std::optional<std::string>& read_error) {
  FileResult fr;
  fr.path = in.display;
  ReadResult read = read_input(in, config.max_file_size);
  if (read.error) {
    read_error = *read.error;
    return fr;
  }
  if (read.over_limit) {
    Diagnostic d = make_finding(RuleId::yaml_syntax);
    d.file = in.display;
    d.mark = {1, 1};
    d.message = "the file is " + std::to_string(read.size) + " bytes, over the " +
                std::to_string(config.max_file_size) +
                "-byte limit for a record (max_file_size in the configuration)";
    fr.diagnostics.push_back(std::move(d));
    return fr;
  }
  // A UTF-8 byte order mark (Windows editors add one) is not part of the record: dropped here
  // so that every column, and every echoed source line, is the one the editor shows.
  if (read.text.starts_with("\xEF\xBB\xBF")) read.text.erase(0, 3);
  // CR, LF and CRLF line ends alike, for the loader and for the echoed source lines.
  if (read.text.find('\r') != std::string::npos) read.text = unify_line_ends(read.text);
  Calendar calendar(config.calendar, config.holidays);
  CheckOptions opts{&config, now};
  CheckedRecord checked = check_record_text(read.text, in.display, opts, calendar);
  if (checked.record && checked.record->id) {
    fr.record_id = *checked.record->id;
    *id = fr.record_id;
    *id_mark = checked.record->id.loc.mark;
  }
  fr.diagnostics = std::move(checked.diagnostics);
  if (hook) hook(in, config, checked, fr);
  sort_diagnostics(fr.diagnostics);
  if (looks_like_record(read.text)) fr.source_lines = source_lines_for(read.text, fr.diagnostics);
  return fr;
}

void ConfigRuns::push_back(std::shared_ptr<const Config> config) {
  if (configs_.empty() || configs_.back() != config) {
    starts_.push_back(size_);
    configs_.push_back(std::move(config));
  }
  ++size_;
}

const std::shared_ptr<const Config>& ConfigRuns::operator[](std::size_t i) const {
  const std::size_t run = static_cast<std::size_t>(std::upper_bound(starts_.begin(), starts_.end(), i) - starts_.begin());
  return configs_[run - 1];
}

PreparedBatch prepare_batch(const BatchOptions& options) {
  PreparedBatch b;
  b.inputs = collect_inputs(options.paths, {".yaml", ".yml"}, options.stdin_name, b.errors);
#ifdef __GLIBC__
  // The folder search sorted the names in chunks that are now free; without this glibc keeps
  // those pages (below the list's) for the whole run: ~0.5 MiB more at 100,000 records.
  malloc_trim(0);
#endif
  ConfigCache configs(options.config_path, b.errors);
  if (!configs.failed()) configs.resolve(b.inputs);
  if (configs.failed()) {
    b.config_failed = true;
    return b;
  }
  // Files found by searching a folder leave out what the configuration's `exclude:` (relative
  // to the configuration file) or --exclude (relative to the working folder) names; a file
  // named on the command line is always checked.
  b.inputs.erase_if([&](const InputFile& in) {
    return in.found_in_folder && is_excluded(in, *configs.get(in), options.exclude);
  });
  for (const InputFile& in : b.inputs) b.configs.push_back(configs.get(in));
  return b;
}

std::optional<IdAt> reread_id(const InputFile& in, const Config& config) {
  if (in.is_stdin) return std::nullopt;
  ReadResult read = read_input(in, config.max_file_size);
  if (read.error || read.over_limit) return std::nullopt;
  // load_record drops a byte order mark and reads CR line ends as check_input does, so the mark
  // is the one reported the first time.
  LoadResult loaded = load_record(read.text, in.display, ParseLimits{config.max_file_size});
  if (!loaded.record || !loaded.record->id) return std::nullopt;
  return IdAt{*loaded.record->id, loaded.record->id.loc.mark};
}

FirstIds first_ids_for(const PreparedBatch& batch) {
  return FirstIds(batch.inputs.size(),
                  [&batch](std::size_t i) { return reread_id(batch.inputs[i], *batch.configs[i]); });
}

std::optional<Diagnostic> duplicate_id_finding(const std::string& file, const std::string& id, Mark mark,
                                               const std::string& first_path, Mark first_mark,
                                               const Config& config) {
  Diagnostic d = make_finding(RuleId::duplicate_id);
  d.file = file;
  d.mark = mark;
  d.record_id = id;
  d.node_path = "id";
  d.message = "id '" + id + "' is already used by " + first_path + ":" + std::to_string(first_mark.line) +
              "; every record needs its own id";
  if (auto s = config.rule_severity.find(d.rule); s != config.rule_severity.end()) {
    if (s->second == Severity::off) return std::nullopt;
    d.severity = s->second;
  }
  return d;
}

unsigned worker_count(int requested, std::size_t n) {
  unsigned jobs = requested > 0 ? static_cast<unsigned>(requested) : std::thread::hardware_concurrency();
  return std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(std::max<std::size_t>(n, 1))));
}

void run_batch(const PreparedBatch& batch, const BatchOptions& options,
               const std::function<void(FileResult&)>& on_file, std::vector<std::string>& errors) {
  struct Checked {
    FileResult result;
    std::string id;
    Mark id_mark;
    std::optional<std::string> read_error;
  };
  const std::size_t n = batch.inputs.size();
  Progress progress(options.progress, n);
  // duplicate-id: the second (and later) records with an id already seen in this batch.
  FirstIds first_by_id = first_ids_for(batch);
  auto produce = [&](std::size_t i) {
    Checked c;
    c.result = check_input(batch.inputs[i], *batch.configs[i], options.now, {}, &c.id, &c.id_mark, c.read_error);
    progress.tick();
    return c;
  };
  auto consume = [&](std::size_t i, Checked c) {
    // An unreadable file is an I/O error (exit 2); the other records are still reported.
    if (c.read_error) {
      errors.push_back(*c.read_error);
      return;
    }
    if (!c.id.empty()) {
      if (auto first = first_by_id.first_use(c.id, i, c.id_mark, !batch.inputs.is_stdin(i))) {
        if (auto d = duplicate_id_finding(c.result.path, c.id, c.id_mark, batch.inputs[first->first].display,
                                          first->second, *batch.configs[i])) {
          c.result.diagnostics.push_back(std::move(*d));
          sort_diagnostics(c.result.diagnostics);
        }
      }
    }
    on_file(c.result);
  };
  for_each_ordered<Checked>(n, worker_count(options.jobs, n), produce, consume);
}

BatchResult run_batch(const BatchOptions& options) {
  BatchResult result;
  PreparedBatch batch = prepare_batch(options);
  result.errors = std::move(batch.errors);
  if (batch.config_failed) return result;
  run_batch(batch, options, [&](FileResult& f) { result.files.push_back(std::move(f)); }, result.errors);
  return result;
}

}  // namespace esc
