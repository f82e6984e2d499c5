// Turning the command line's PATH arguments into the list of files to process, and reading
// each one (or stdin) within the size limit.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/compact_names.h"

namespace esc {

struct InputFile {
  std::string display;           // the path as reported (or --stdin-filename for "-")
  std::filesystem::path path;    // empty for stdin
  bool is_stdin = false;
  bool found_in_folder = false;  // found by searching a folder (not named on the command line)
};

// The inputs of a batch, in order, in a few bytes each: the files found in one folder are a
// run sharing the folder, their names kept in a CompactNames; an input's path and display form
// are made when it is asked for. Named files and stdin are kept as given.
class InputList {
 public:
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  InputFile operator[](std::size_t i) const;
  // Whether input i is standard input, without making its path (operator[] decodes its name).
  bool is_stdin(std::size_t i) const;
  InputFile front() const { return (*this)[0]; }
  void push_back(const InputFile& in);
  // A file named `name` found by searching `folder` (its path is folder / name).
  void push_found(const std::filesystem::path& folder, std::string_view name);
  // Drops the inputs `drop` is true for, keeping the order of the others.
  void erase_if(const std::function<bool(const InputFile&)>& drop);

  // Reads the inputs in order, decoding each name once (operator[] decodes from a restart).
  class iterator {
   public:
    iterator(const InputList* list, std::size_t i);
    InputFile operator*() const;
    iterator& operator++();
    bool operator==(const iterator& o) const { return i_ == o.i_; }

   private:
    const InputList* list_;
    std::size_t i_;
    std::size_t run_ = 0;
    std::optional<CompactNames::Cursor> name_;  // at the current input's name when it has one
    void enter_run();
  };
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, size_}; }

 private:
  struct Run {
    std::size_t first = 0;       // index of the run's first input
    std::size_t first_name = 0;  // found: index of its first name in names_
    std::filesystem::path path;  // found: the folder searched; otherwise the file (empty: stdin)
    std::string display;         // as reported (found: the folder's display form)
    bool found_in_folder = false;
    bool is_stdin = false;
  };
  std::vector<Run> runs_;
  CompactNames names_;
  std::size_t size_ = 0;
  void append_to(InputList& to, std::size_t i) const;
  std::vector<Run>::const_iterator run_of(std::size_t i) const;
};

// Files are taken as given; folders are searched recursively for files whose extension is one
// of `extensions`, in sorted order (deterministic whatever the filesystem). Hidden folders
// (.git) are skipped. A path that does not exist is an error sentence in `errors`.
InputList collect_inputs(const std::vector<std::string>& args,
                                      const std::vector<std::string>& extensions,
                                      const std::string& stdin_name, std::vector<std::string>& errors);

// Of `outputs` (files a command is about to write), the first that is one of its inputs: a
// record or draft of `inputs`, or one of `other_inputs` (configuration, baseline, --incident).
// Compared by device and inode, whatever path names the file (a symlink, "dir/.."); writing
// there would replace the input with a report. Outputs that do not exist yet cost nothing.
struct OutputOverInput {
  std::string output, input;  // as given, and the input as shown
};
std::optional<OutputOverInput> output_over_input(const InputList& inputs, const std::vector<std::string>& other_inputs,
                                                 const std::vector<std::string>& outputs);

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
