// Writing one record's PIR pack, DIR/<id>/, so that it is always whole: the files are written
// into a hidden staging folder inside DIR and swapped in with renames. A rerun replaces the
// pack completely (no stale email from a communication since removed); an interrupted run leaves
// either the old pack or the new one, plus a hidden staging folder the next run removes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace esc {

struct PackFile {
  std::string relative;  // "emails/01-initial.eml"
  std::string content;
};

// The file in every pack that proves escalate wrote it: its text lists the pack's files.
inline constexpr std::string_view kPackMarker = ".escalate-pack";

// Why the folder `pack` is not provably a pack escalate wrote (no marker, or a file the marker
// does not list); nullopt when it is.
std::optional<std::string> foreign_content(const std::filesystem::path& pack);

// Creates DIR if missing (DIR itself may be a symlink: the user chose it, but not a dangling
// one). Removes the staging leftovers of interrupted runs that escalate provably made and no
// running build holds. Returns an error sentence on failure.
std::optional<std::string> prepare_output_dir(const std::filesystem::path& dir);

// Replaces DIR/<id>/ with exactly `files` plus the marker. Refuses an id that is not a plain
// folder name, and an existing DIR/<id> that is a symlink, not a folder, or not provably a pack
// escalate wrote. Safe against another build writing the same pack at the same time. Returns
// an error sentence on failure.
std::optional<std::string> write_pack(const std::filesystem::path& dir, const std::string& id,
                                      const std::vector<PackFile>& files);

}  // namespace esc
