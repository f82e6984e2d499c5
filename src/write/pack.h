// Writing one record's PIR pack, DIR/<id>/, so that it is always whole: the files are written
// into a hidden staging folder inside DIR and swapped in with renames. A rerun replaces the
// pack completely (no stale email from a communication since removed); an interrupted run leaves
// either the old pack or the new one, plus a hidden staging folder the next run removes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace esc {

struct PackFile {
  std::string relative;  // "emails/01-initial.eml"
  std::string content;
};

// Creates DIR if missing (DIR itself may be a symlink: the user chose it). Removes staging
// leftovers of interrupted runs. Returns an error sentence on failure.
std::optional<std::string> prepare_output_dir(const std::filesystem::path& dir);

// Replaces DIR/<id>/ with exactly `files`. Refuses an id that is not a plain folder name and an
// existing DIR/<id> that is a symlink or not a folder. Returns an error sentence on failure.
std::optional<std::string> write_pack(const std::filesystem::path& dir, const std::string& id,
                                      const std::vector<PackFile>& files);

}  // namespace esc
