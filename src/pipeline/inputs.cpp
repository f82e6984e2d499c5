#include "pipeline/inputs.h"

#include <algorithm>
#include <fnmatch.h>
#include <functional>
#include <iostream>
#include <iterator>

#include "core/file.h"

namespace esc {

namespace fs = std::filesystem;

namespace {

// "./incidents//a.yaml" -> "incidents/a.yaml": one spelling of a path in every report.
std::string display_path(const std::string& path) {
  std::string p = fs::path(path).lexically_normal().generic_string();
  return p.empty() ? path : p;
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
  std::vector<fs::path> run() {
    walk(arg_, true);
    if (!escaped_.empty())
      std::cerr << "escalate: warning: not following " << escaped_.size() << " symlink"
                << (escaped_.size() == 1 ? "" : "s") << " in " << arg_ << " that lead"
                << (escaped_.size() == 1 ? "s" : "") << " outside it (" << escaped_.front() << ")\n";
    std::sort(found_.begin(), found_.end());
    return std::move(found_);
  }

 private:
  std::string arg_;
  std::function<bool(const fs::path&)> wanted_;
  std::vector<std::string>& errors_;
  fs::path root_;
  std::vector<fs::path> found_;
  std::vector<std::string> escaped_;

  void walk(const fs::path& dir, bool top) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
      errors_.push_back("cannot read " + std::string(top ? "folder" : "subfolder") + " '" +
                        display_path(dir.generic_string()) + "': " + ec.message());
      return;
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
      found_.push_back(entry);
    }
    if (ec)
      errors_.push_back("cannot read " + std::string(top ? "folder" : "subfolder") + " '" +
                        display_path(dir.generic_string()) + "': " + ec.message());
    for (const fs::path& sub : subfolders) walk(sub, false);
  }
};

}  // namespace

std::vector<InputFile> collect_inputs(const std::vector<std::string>& args,
                                      const std::vector<std::string>& extensions,
                                      const std::string& stdin_name, std::vector<std::string>& errors) {
  std::vector<InputFile> out;
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
    for (auto& f : FolderScan(arg, wanted, errors).run())
      out.push_back({display_path(f.generic_string()), f, false, true});
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

}  // namespace esc
