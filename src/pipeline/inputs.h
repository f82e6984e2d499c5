// Turning the command line's PATH arguments into the list of files to process, and reading
// each one (or stdin) within the size limit.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace esc {

struct InputFile {
  std::string display;           // the path as reported (or --stdin-filename for "-")
  std::filesystem::path path;    // empty for stdin
  bool is_stdin = false;
  bool found_in_folder = false;  // found by searching a folder (not named on the command line)
};

// Files are taken as given; folders are searched recursively for files whose extension is one
// of `extensions`, in sorted order (deterministic whatever the filesystem). Hidden folders
// (.git) are skipped. A path that does not exist is an error sentence in `errors`.
std::vector<InputFile> collect_inputs(const std::vector<std::string>& args,
                                      const std::vector<std::string>& extensions,
                                      const std::string& stdin_name, std::vector<std::string>& errors);

// Whether a path (relative to the folder the globs are written for, '/'-separated) matches one
// of `globs`, gitignore style: a glob without '/' matches any file or folder name on the path
// ("mkdocs.yml", "docs", "*.draft.yaml"); one with '/' matches from the start ("docs/**",
// "site/*.yml"), where "**" spans any number of folders. A matching folder excludes all below it.
bool glob_excluded(const std::string& relative, const std::vector<std::string>& globs);

// The file's text; an error sentence when it cannot be read. A file over `limit` bytes is
// returned with `over_limit` set and its real size, and its content is not read.
struct ReadResult {
  std::string text;
  std::optional<std::string> error;
  bool over_limit = false;
  std::uintmax_t size = 0;
};
ReadResult read_input(const InputFile& in, std::size_t limit);

}  // namespace esc
