// Writing files so that an interrupted run never leaves a half-written one: write to a
// temporary name in the same folder, flush, then rename into place.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace esc {

// Writes `content` to `path` atomically. Refuses to write through a symlink at `path`.
// Returns an error sentence, or nullopt on success.
std::optional<std::string> write_file_atomic(const std::filesystem::path& path, std::string_view content);

// Writes a new file that must not exist yet (O_EXCL, never through a symlink). For files inside
// a staging folder, which is itself renamed into place: no temporary name needed.
std::optional<std::string> write_new_file(const std::filesystem::path& path, std::string_view content);

// Whether a report path means standard output: "-" or /dev/stdout.
bool is_stdout_path(const std::string& path);

// Writes a report the user named: standard output for "-" and /dev/stdout; an existing device
// or FIFO is written through (-o /dev/null), never replaced; another non-regular file is
// refused; a regular file is replaced atomically. Returns an error sentence on failure.
std::optional<std::string> write_output_file(const std::string& path, std::string_view content);

}  // namespace esc
