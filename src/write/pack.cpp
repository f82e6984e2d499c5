#include "write/pack.h"

#include <unistd.h>

#include "load/validate.h"
#include "write/atomic_file.h"

namespace esc {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view kStaging = ".escalate-staging-";
constexpr std::string_view kOld = ".escalate-old-";
}  // namespace

std::optional<std::string> prepare_output_dir(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir, ec))
    return "cannot create the output folder '" + dir.string() + "': " +
           (ec ? ec.message() : "it exists and is not a folder");
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.starts_with(kStaging) || name.starts_with(kOld)) {
      std::error_code rm;
      fs::remove_all(it->path(), rm);  // never follows symlinks inside
    }
  }
  return std::nullopt;
}

std::optional<std::string> write_pack(const fs::path& dir, const std::string& id,
                                      const std::vector<PackFile>& files) {
  // The loader already refuses such ids; check again where it matters.
  if (!is_valid_id(id) || id == "." || id == "..")
    return "refusing to write a pack for id '" + id + "': not a plain folder name";
  fs::path target = dir / id;
  std::error_code ec;
  auto st = fs::symlink_status(target, ec);
  if (fs::is_symlink(st))
    return "refusing to write the pack '" + target.string() +
           "': it is a symlink (escalate never writes through a symlink inside the output folder)";
  if (fs::exists(st) && !fs::is_directory(st))
    return "cannot write the pack '" + target.string() + "': it exists and is not a folder";

  std::string suffix = id + "-" + std::to_string(::getpid());
  fs::path staging = dir / (std::string(kStaging) + suffix);
  fs::remove_all(staging, ec);
  if (!fs::create_directory(staging, ec) || ec)
    return "cannot create '" + staging.string() + "': " + ec.message();
  auto fail = [&](const std::string& msg) {
    std::error_code rm;
    fs::remove_all(staging, rm);
    return msg;
  };
  // The staging folder is renamed into place whole, so its files need no temporary names.
  fs::path made;  // the last folder created, to avoid asking the filesystem again
  for (const PackFile& f : files) {
    fs::path p = (staging / f.relative).lexically_normal();
    if (p.parent_path() != staging && p.parent_path() != made) {
      fs::create_directories(p.parent_path(), ec);
      if (ec) return fail("cannot create '" + p.parent_path().string() + "': " + ec.message());
      made = p.parent_path();
    }
    if (auto err = write_new_file(p, f.content)) return fail(*err);
  }
  if (fs::exists(st)) {
    fs::path old = dir / (std::string(kOld) + suffix);
    fs::rename(target, old, ec);
    if (ec) return fail("cannot replace '" + target.string() + "': " + ec.message());
    fs::rename(staging, target, ec);
    if (ec) return fail("cannot replace '" + target.string() + "': " + ec.message());
    fs::remove_all(old, ec);
  } else {
    fs::rename(staging, target, ec);
    if (ec) return fail("cannot write '" + target.string() + "': " + ec.message());
  }
  return std::nullopt;
}

}  // namespace esc
