#include "cli/inputs.h"

#include <algorithm>
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
    for (auto& f : found) out.push_back({display_path(f.generic_string()), f, false});
  }
  return out;
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
