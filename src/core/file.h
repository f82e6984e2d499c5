// Reading the user's files safely: a whole regular file up to a size limit, never waiting on a
// FIFO or a device. Every layer that reads a file (records, templates, drafts, pack markers)
// uses this one function; writing lives in write/.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace esc {

// Reads a whole regular file (up to `limit` bytes + 1, so callers can tell it is over the limit).
// A FIFO, device or folder is refused, never waited on. Returns an error sentence on failure.
std::optional<std::string> read_file(const std::filesystem::path& path, std::string& content,
                                     std::size_t limit);

// What a file that is not a regular file is, for error sentences: "a folder", "a FIFO (named
// pipe)", "a device", "a socket", "a block device", else "not a regular file".
std::string describe_file_type(mode_t mode);

}  // namespace esc
