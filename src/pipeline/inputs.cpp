#include "pipeline/inputs.h"

#include <algorithm>
#include <deque>
#include <fnmatch.h>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <sys/stat.h>

#include "core/file.h"

namespace esc {

namespace fs = std::filesystem;

namespace {

// "./incidents//a.yaml" -> "incidents/a.yaml": one spelling of a path in every report.
std::string display_path(const std::string& path) {
  std::string p = fs::path(path).lexically_normal().generic_string();
  return p.empty() ? path : p;
}

// display_path(folder / name) from the folder's display form, without normalising again: a
// name from a folder listing is one component, never "." or "..", so normalising the joined
// path only joins the two.
std::string display_in_folder(const std::string& folder, std::string_view name) {
  if (folder.empty() || folder == ".") return std::string(name);
  std::string p;
  p.reserve(folder.size() + 1 + name.size());
  p += folder;
  if (p.back() != '/') p += '/';
  p += name;
  return p;
}

// Whether `path` (canonical) lies inside `root` (canonical).
bool inside(const fs::path& path, const fs::path& root) {
  auto [r, p] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return r == root.end();
}

// Why a path given on the command line cannot be read, for a path that does not resolve.
std::string missing_reason(const std::string& arg) {
  std::error_code ec;
  if (!fs::is_symlink(fs::symlink_status(arg, ec))) return "no such file or folder";
  (void)fs::status(arg, ec);
  if (ec == std::errc::too_many_symbolic_link_levels) return "it is a symlink loop";
  return "it is a symlink to '" + fs::read_symlink(arg, ec).string() + "', which does not exist";
}

// Searches one folder given on the command line. A symlink is followed only to a file inside
// the folder: one leading elsewhere (/proc/self/environ, a secrets file) is never read.
class FolderScan {
 public:
  FolderScan(const std::string& arg, std::function<bool(const fs::path&)> wanted, std::vector<std::string>& errors)
      : arg_(arg), wanted_(std::move(wanted)), errors_(errors) {
    std::error_code ec;
    root_ = fs::canonical(arg, ec);
  }
  // Appends the files found to `out` in the order of their sorted paths.
  void run(InputList& out) {
    walk(arg_, true);
    if (!escaped_.empty())
      std::cerr << "escalate: warning: not following " << escaped_.size() << " symlink"
                << (escaped_.size() == 1 ? "" : "s") << " in " << arg_ << " that lead"
                << (escaped_.size() == 1 ? "s" : "") << " outside it (" << escaped_.front() << ")\n";
    emit(0, out);
  }

 private:
  // One folder searched: its files' names, sorted compactly, and its subfolders.
  struct Folder {
    fs::path path;
    NameSorter files;
    std::vector<std::pair<std::string, std::size_t>> subfolders;  // name, index in folders_
  };
  std::string arg_;
  std::function<bool(const fs::path&)> wanted_;
  std::vector<std::string>& errors_;
  fs::path root_;
  std::deque<Folder> folders_;
  std::vector<std::string> escaped_;

  std::size_t walk(const fs::path& dir, bool top) {
    const std::size_t index = folders_.size();
    folders_.emplace_back().path = dir;
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
      errors_.push_back("cannot read " + std::string(top ? "folder" : "subfolder") + " '" +
                        display_path(dir.generic_string()) + "': " + ec.message());
      return index;
    }
    std::vector<fs::path> subfolders;
    for (; it != end; it.increment(ec)) {
      const fs::path& entry = it->path();
      std::string name = entry.filename().string();
      std::error_code e;
      auto st = it->symlink_status(e);
      if (fs::is_directory(st)) {
        if (name.empty() || name[0] != '.') subfolders.push_back(entry);
        continue;
      }
      if (name.starts_with(".") || !wanted_(entry)) continue;
      if (fs::is_symlink(st)) {
        fs::path target = fs::canonical(entry, e);
        if (e) continue;  // dangling: nothing to read
        if (!inside(target, root_)) {
          escaped_.push_back(display_path(entry.generic_string()) + " -> " + fs::read_symlink(entry, e).string());
          continue;
        }
        if (!fs::is_regular_file(fs::status(target, e))) continue;  // symlinked folders are not searched
      } else if (!fs::is_regular_file(st)) {
        continue;
      }
      folders_[index].files.add(name);
    }
    if (ec)
      errors_.push_back("cannot read " + std::string(top ? "folder" : "subfolder") + " '" +
                        display_path(dir.generic_string()) + "': " + ec.message());
    for (const fs::path& sub : subfolders) {
      const std::size_t child = walk(sub, false);
      folders_[index].subfolders.emplace_back(sub.filename().string(), child);
    }
    return index;
  }

  // A folder's files and subfolders merged by name: the order std::filesystem::path sorts
  // their full paths in (element by element, so "a/x" comes before "a.yaml").
  void emit(std::size_t index, InputList& out) {
    Folder& folder = folders_[index];
    std::sort(folder.subfolders.begin(), folder.subfolders.end());
    {
      NameSorter::Merge files(folder.files);
      std::size_t s = 0;
      while (true) {
        const std::string* name = files.peek();
        if (s < folder.subfolders.size() && (!name || folder.subfolders[s].first < *name)) {
          emit(folder.subfolders[s++].second, out);
          continue;
        }
        if (!name) break;
        out.push_found(folder.path, *name);
        files.pop();
      }
    }
    // Its names are in `out` now: a tree of many small folders keeps only the folders on the
    // way down.
    folder.files = NameSorter{};
    folder.subfolders = {};
  }
};

}  // namespace

InputFile InputList::operator[](std::size_t i) const { return *iterator(this, i); }

void InputList::push_back(const InputFile& in) {
  if (in.found_in_folder && !in.is_stdin) {
    const fs::path folder = in.path.parent_path();
    const std::string name = in.path.filename().string();
    // Stored as a run only when the path and display form come back exactly as given.
    if ((folder / name).native() == in.path.native() && display_path(in.path.generic_string()) == in.display) {
      push_found(folder, name);
      return;
    }
  }
  Run r;
  r.first = size_++;
  r.path = in.path;
  r.display = in.display;
  r.found_in_folder = in.found_in_folder;
  r.is_stdin = in.is_stdin;
  runs_.push_back(std::move(r));
}

void InputList::push_found(const fs::path& folder, std::string_view name) {
  if (runs_.empty() || !runs_.back().found_in_folder || runs_.back().first_name + (size_ - runs_.back().first) != names_.size() ||
      runs_.back().path.native() != folder.native()) {
    Run r;
    r.first = size_;
    r.first_name = names_.size();
    r.path = folder;
    r.display = display_path(folder.generic_string());
    r.found_in_folder = true;
    runs_.push_back(std::move(r));
  }
  names_.push_back(name);
  ++size_;
}

InputList::iterator::iterator(const InputList* list, std::size_t i) : list_(list), i_(i) {
  if (i_ >= list_->size_) return;
  auto run = std::upper_bound(list_->runs_.begin(), list_->runs_.end(), i_,
                              [](std::size_t k, const Run& r) { return k < r.first; });
  run_ = static_cast<std::size_t>(run - list_->runs_.begin()) - 1;
  enter_run();
}

void InputList::iterator::enter_run() {
  const Run& run = list_->runs_[run_];
  name_.reset();
  if (run.found_in_folder) name_.emplace(list_->names_, run.first_name + (i_ - run.first));
}

InputFile InputList::iterator::operator*() const {
  const Run& run = list_->runs_[run_];
  if (!run.found_in_folder) return {run.display, run.path, run.is_stdin, false};
  const std::string_view name = name_->current();
  return {display_in_folder(run.display, name), run.path / name, false, true};
}

InputList::iterator& InputList::iterator::operator++() {
  if (++i_ >= list_->size_) return *this;
  if (run_ + 1 < list_->runs_.size() && list_->runs_[run_ + 1].first == i_) {
    ++run_;
    enter_run();
  } else if (name_) {
    name_->next();
  }
  return *this;
}

std::vector<InputList::Run>::const_iterator InputList::run_of(std::size_t i) const {
  return std::prev(std::upper_bound(runs_.begin(), runs_.end(), i, [](std::size_t k, const Run& r) { return k < r.first; }));
}

bool InputList::is_stdin(std::size_t i) const { return run_of(i)->is_stdin; }

void InputList::append_to(InputList& to, std::size_t i) const {
  auto run = run_of(i);
  if (run->found_in_folder) {
    to.push_found(run->path, names_[run->first_name + (i - run->first)]);
  } else {
    Run r = *run;
    r.first = to.size_++;
    to.runs_.push_back(std::move(r));
  }
}

void InputList::erase_if(const std::function<bool(const InputFile&)>& drop) {
  std::optional<InputList> kept;  // made at the first input dropped: none dropped, no copy
  std::size_t i = 0;
  for (auto it = begin(); it != end(); ++it, ++i) {
    if (drop(*it)) {
      if (!kept) {
        kept.emplace();
        for (std::size_t k = 0; k < i; ++k) append_to(*kept, k);
      }
    } else if (kept) {
      append_to(*kept, i);
    }
  }
  if (kept) *this = std::move(*kept);
}

InputList collect_inputs(const std::vector<std::string>& args,
                         const std::vector<std::string>& extensions,
                         const std::string& stdin_name, std::vector<std::string>& errors) {
  InputList out;
  auto wanted = [&](const fs::path& p) {
    std::string ext = p.extension().string();
    return std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
  };
  for (const std::string& arg : args) {
    if (arg == "-" || arg == "/dev/stdin") {  // a pipe is read as stdin, not refused as a FIFO
      out.push_back({stdin_name.empty() ? (arg == "-" ? "<stdin>" : arg) : stdin_name, {}, true});
      continue;
    }
    fs::path p(arg);
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (!fs::exists(st)) {
      if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::too_many_symbolic_link_levels)
        errors.push_back("cannot read '" + arg + "': " + ec.message());
      else
        errors.push_back("cannot read '" + arg + "': " + missing_reason(arg));
      continue;
    }
    if (!fs::is_directory(st)) {  // a FIFO or device is refused when read, never waited on
      out.push_back({display_path(arg), p, false});
      continue;
    }
    FolderScan(arg, wanted, errors).run(out);
  }
  return out;
}

namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start && path.compare(start, end - start, ".") != 0) parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// Glob segments against path segments: "**" spans zero or more of them; a path that runs out
// first matches when the glob has consumed everything but trailing "**" (a folder prefix is
// tested separately).
bool match_segments(const std::vector<std::string>& glob, std::size_t g, const std::vector<std::string>& path,
                    std::size_t p) {
  if (g == glob.size()) return p == path.size();
  if (glob[g] == "**") {
    for (std::size_t k = p; k <= path.size(); ++k)
      if (match_segments(glob, g + 1, path, k)) return true;
    return false;
  }
  if (p == path.size()) return false;
  return fnmatch(glob[g].c_str(), path[p].c_str(), FNM_PERIOD) == 0 && match_segments(glob, g + 1, path, p + 1);
}

}  // namespace

bool glob_excluded(const std::string& relative, const std::vector<std::string>& globs) {
  const std::vector<std::string> path = split_path(relative);
  for (std::string glob : globs) {
    while (glob.size() > 1 && glob.back() == '/') glob.pop_back();  // "docs/" is the folder docs
    if (glob.empty()) continue;
    if (glob.find('/') == std::string::npos) {
      for (const std::string& part : path)
        if (fnmatch(glob.c_str(), part.c_str(), FNM_PERIOD) == 0) return true;
      continue;
    }
    const std::vector<std::string> parts = split_path(glob.starts_with("/") ? glob.substr(1) : glob);
    // The file itself, or any folder above it.
    for (std::size_t n = 1; n <= path.size(); ++n)
      if (match_segments(parts, 0, std::vector<std::string>(path.begin(), path.begin() + static_cast<long>(n)), 0))
        return true;
  }
  return false;
}

ReadResult read_input(const InputFile& in, std::size_t limit) {
  ReadResult r;
  if (in.is_stdin) {
    std::string text;
    char buf[65536];
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
      text.append(buf, static_cast<std::size_t>(std::cin.gcount()));
      if (text.size() > limit) break;
    }
    if (text.size() > limit) {
      r.over_limit = true;
      r.size = text.size();
      return r;
    }
    r.text = std::move(text);
    return r;
  }
  std::error_code ec;
  auto size = fs::file_size(in.path, ec);
  if (!ec && size > limit) {
    r.over_limit = true;
    r.size = size;
    return r;
  }
  r.error = read_file(in.path, r.text, limit);
  if (!r.error && r.text.size() > limit) {  // grew while we read it
    r.over_limit = true;
    r.size = r.text.size();
    r.text.clear();
  }
  return r;
}

std::optional<OutputOverInput> output_over_input(const InputList& inputs, const std::vector<std::string>& other_inputs,
                                                 const std::vector<std::string>& outputs) {
  std::map<std::pair<dev_t, ino_t>, const std::string*> existing;  // outputs that are files already
  for (const std::string& out : outputs) {
    struct stat st {};
    if (!out.empty() && out != "-" && ::stat(out.c_str(), &st) == 0 && S_ISREG(st.st_mode))
      existing.emplace(std::pair{st.st_dev, st.st_ino}, &out);
  }
  if (existing.empty()) return std::nullopt;
  auto same = [&](const std::filesystem::path& path, const std::string& shown) -> std::optional<OutputOverInput> {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    auto it = existing.find({st.st_dev, st.st_ino});
    if (it == existing.end()) return std::nullopt;
    return OutputOverInput{*it->second, shown};
  };
  for (const std::string& in : other_inputs)
    if (!in.empty() && in != "-")
      if (auto hit = same(in, in)) return hit;
  for (InputFile in : inputs)
    if (!in.is_stdin)
      if (auto hit = same(in.path, in.display)) return hit;
  return std::nullopt;
}

}  // namespace esc
