// Writing files so that an interrupted run never leaves a half-written one: write to a
// temporary name in the same folder, flush, then rename into place.
#pragma once

#include <filesystem>
#include <memory>
#include <ostream>
#include <optional>
#include <string>
#include <string_view>

namespace esc {

// Writes a new file that must not exist yet (O_EXCL, never through a symlink). For files inside
// a staging folder, which is itself renamed into place: no temporary name needed.
std::optional<std::string> write_new_file(const std::filesystem::path& path, std::string_view content);
// The same for `relative` inside the open folder `dir_fd` (no path walk from the working
// folder); `shown` is the file's path for error sentences.
std::optional<std::string> write_new_file_at(int dir_fd, const std::filesystem::path& relative,
                                             const std::filesystem::path& shown, std::string_view content);

// Whether the process `pid` (a positive decimal number, as escalate writes it into a name) has
// ended. False for anything else, and while that process runs.
bool process_gone(std::string_view pid);

// Whether `path` is a regular file (not through a symlink) whose content begins with
// `signature`; false when it cannot be read.
bool file_begins_with(const std::filesystem::path& path, std::string_view signature);

// Removes what a run killed in the last instant of OutputFile::commit() can leave beside
// `path`: a finished file named `<path>.tmp.<pid>` (a file that replaces another is named so just
// before its rename). Only a regular file whose process has ended and whose content begins
// with `signature` (how the caller's file always begins) is removed. Call it before opening
// `path`: a file under this process's own pid was left by an earlier process with that pid.
void remove_killed_temporaries(const std::filesystem::path& path, std::string_view signature);

// Whether a report path means standard output: "-" or /dev/stdout.
bool is_stdout_path(const std::string& path);

// Writes a report the user named: standard output for "-" and /dev/stdout; an existing device
// or FIFO is written through (-o /dev/null), never replaced; another non-regular file is
// refused; a regular file is replaced atomically. Returns an error sentence on failure.
std::optional<std::string> write_output_file(const std::string& path, std::string_view content);

// A file the user named, written as it is produced (write_output_file, streamed): standard
// output for "-" and /dev/stdout; an existing device or FIFO is written through, never
// replaced; another non-regular file is refused; a regular file is written as an unnamed file in
// its folder (O_TMPFILE; a temporary name where the filesystem cannot) and named by commit(), so
// it is never seen half-written: a new file directly, one that replaces another through a
// temporary name and a rename (a run killed between the two leaves `<path>.tmp.<pid>`; see
// remove_killed_temporaries). Without commit() (an error, or nothing to report) the temporary
// file is removed.
class OutputFile {
 public:
  OutputFile();
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // An error sentence when the file cannot be written. With `replace` false, a regular file is
  // only ever created: commit() names it only where nothing has that name (atomically, so a
  // file someone made meanwhile is kept) and fails otherwise.
  std::optional<std::string> open(const std::string& path, bool replace = true);
  std::ostream& stream();
  // Writes what is buffered and puts the file in place; the first write error, if any.
  std::optional<std::string> commit();
  // Removes the temporary file (nothing happens to an existing file at the path).
  void abandon();

 private:
  class Buffer;
  std::unique_ptr<Buffer> buffer_;
  std::unique_ptr<std::ostream> stream_;
  std::string path_, shown_;
  std::filesystem::path temp_;  // empty when written through
  bool unnamed_ = false;        // an O_TMPFILE file, named temp_ only at commit()
  bool replace_ = true;
  int fd_ = -1;
  bool owns_fd_ = false;
};

}  // namespace esc
