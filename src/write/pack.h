// Writing one record's PIR pack, DIR/<id>/, so that it is always whole: the files are written
// into a hidden staging folder inside DIR and swapped in with renames. A rerun replaces the
// pack completely (no stale email from a communication since removed); an interrupted run leaves
// either the old pack or the new one, plus a hidden staging folder the next run removes.
#pragma once

#include <filesystem>
#include <memory>
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

// A pack written whole into its own hidden staging folder inside DIR, not yet in place: made by
// stage_pack (on a worker thread), then put in place by commit_pack or dropped (a later record
// with the same id) on the thread that decides. Dropped, or destroyed uncommitted, it removes
// its staging folder. A run killed in between leaves a staging folder the next run removes.
class StagedPack {
 public:
  StagedPack();
  StagedPack(StagedPack&&) noexcept;
  StagedPack& operator=(StagedPack&&) noexcept;
  ~StagedPack();
  bool staged() const { return state_ != nullptr; }
  void drop();

 private:
  struct State;
  std::unique_ptr<State> state_;
  friend std::optional<std::string> stage_pack(const std::filesystem::path&, const std::string&,
                                               const std::vector<PackFile>&, std::size_t, StagedPack&);
  friend std::optional<std::string> commit_pack(StagedPack&);
};

// Writes `files` plus the marker into a staging folder for DIR/<id>/. `slot` tells apart the
// staging folders of records that share an id (the input's index). Refuses an id that is not a
// plain folder name, and an existing DIR/<id> that is a symlink, not a folder, or not provably
// a pack escalate wrote. Returns an error sentence on failure (nothing is left behind).
std::optional<std::string> stage_pack(const std::filesystem::path& dir, const std::string& id,
                                      const std::vector<PackFile>& files, std::size_t slot, StagedPack& out);

// Replaces DIR/<id>/ with the staged pack, with renames only. Safe against another build writing
// the same pack at the same time. Returns an error sentence on failure (the staging folder is
// removed).
std::optional<std::string> commit_pack(StagedPack& pack);

// Replaces DIR/<id>/ with exactly `files` plus the marker. Refuses an id that is not a plain
// folder name, and an existing DIR/<id> that is a symlink, not a folder, or not provably a pack
// escalate wrote. Safe against another build writing the same pack at the same time. Returns
// an error sentence on failure.
std::optional<std::string> write_pack(const std::filesystem::path& dir, const std::string& id,
                                      const std::vector<PackFile>& files);

}  // namespace esc
