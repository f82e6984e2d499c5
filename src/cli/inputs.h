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
};

// Files are taken as given; folders are searched recursively for files whose extension is one
// of `extensions`, in sorted order (deterministic whatever the filesystem). Hidden folders
// (.git) are skipped. A path that does not exist is an error sentence in `errors`.
std::vector<InputFile> collect_inputs(const std::vector<std::string>& args,
                                      const std::vector<std::string>& extensions,
                                      const std::string& stdin_name, std::vector<std::string>& errors);

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
