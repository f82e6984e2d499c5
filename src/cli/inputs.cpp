#include "cli/inputs.h"

#include <algorithm>
#include <fnmatch.h>
#include <iostream>
#include <iterator>

#include "write/atomic_file.h"

namespace esc {

namespace fs = std::filesystem;

namespace {

// "./incidents//a.yaml" -> "incidents/a.yaml": one spelling of a path in every report.
std::string display_path(const std::string& path) {
  std::string p = fs::path(path).lexically_normal().generic_string();
  return p.empty() ? path : p;
}

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
    if (arg == "-") {
      out.push_back({stdin_name.empty() ? "<stdin>" : stdin_name, {}, true});
      continue;
    }
    fs::path p(arg);
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      errors.push_back("cannot read '" + arg + "': no such file or folder");
      continue;
    }
    if (!fs::is_directory(st)) {
      out.push_back({display_path(arg), p, false});
      continue;
    }
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      errors.push_back("cannot read folder '" + arg + "': " + ec.message());
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) break;
      const fs::path& entry = it->path();
      std::string name = entry.filename().string();
      if (it->is_directory(ec)) {
        if (!name.empty() && name[0] == '.') it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && wanted(entry) && !name.starts_with(".")) found.push_back(entry);
    }
    std::sort(found.begin(), found.end());
    for (auto& f : found) out.push_back({display_path(f.generic_string()), f, false, true});
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
