#include "write/pack.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include "core/file.h"
#include "load/validate.h"
#include "write/atomic_file.h"

namespace esc {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view kStaging = ".escalate-staging-";
constexpr std::string_view kOld = ".escalate-old-";
constexpr std::string_view kMarkerHeader =
    "escalate pack: written by 'escalate build', which replaces this folder whole on the next build.\n"
    "The files it wrote (anything else here makes escalate refuse to replace the folder):\n";

// An open folder, locked while escalate works in it: a concurrent build never cleans up a
// staging folder (or an old pack) that another build still uses.
class LockedDir {
 public:
  LockedDir() = default;
  LockedDir(const LockedDir&) = delete;
  LockedDir& operator=(const LockedDir&) = delete;
  ~LockedDir() { close(); }
  // Opens `path` (never through a symlink); errno is set on failure.
  bool open(const fs::path& path) {
    close();
    fd_ = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    return fd_ >= 0;
  }
  int fd() const { return fd_; }
  bool try_lock() { return fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) == 0; }
  // Waits up to ~10 s for a concurrent build to finish with the folder.
  bool lock() {
    for (int i = 0; i < 1000; ++i) {
      if (try_lock()) return true;
      if (errno != EWOULDBLOCK) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }
  // Whether `path` is still this folder (not replaced since it was opened).
  bool is(const fs::path& path) const {
    struct stat a {}, b {};
    return fd_ >= 0 && ::fstat(fd_, &a) == 0 && ::lstat(path.c_str(), &b) == 0 && a.st_dev == b.st_dev &&
           a.st_ino == b.st_ino;
  }
  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

std::string marker_text(const std::vector<PackFile>& files) {
  std::string text(kMarkerHeader);
  for (const PackFile& f : files) text += fs::path(f.relative).lexically_normal().generic_string() + "\n";
  return text;
}

bool rename_noreplace(const fs::path& from, const fs::path& to) {
  return ::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0;
}

bool rename_exchange(const fs::path& a, const fs::path& b) {
  return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0;
}

// Staging folders are named <prefix><id>-<pid>: whether that process is gone.
bool owner_gone(const std::string& name) {
  std::size_t dash = name.rfind('-');
  return dash != std::string::npos && process_gone(std::string_view(name).substr(dash + 1));
}

// Whether `folder` holds nothing but a marker cut short: empty, or a beginning of the marker's
// header. The marker is a staging folder's first file, so a run killed between creating it and
// writing it leaves exactly that.
bool only_a_cut_marker(const fs::path& folder) {
  std::error_code ec;
  fs::directory_iterator it(folder, ec), end;
  if (ec || it == end || it->path().filename() != kPackMarker || !fs::is_regular_file(it->symlink_status(ec))) return false;
  it.increment(ec);
  if (ec || it != end) return false;
  std::string text;
  if (read_file(folder / kPackMarker, text, kMarkerHeader.size())) return false;
  return text.size() < kMarkerHeader.size() && kMarkerHeader.starts_with(text);
}

std::string refuse_foreign(const fs::path& target, const std::string& why) {
  return "refusing to replace '" + target.string() + "': " + why +
         "; escalate replaces only the packs it wrote (move the folder away or choose another output folder)";
}

}  // namespace

std::optional<std::string> foreign_content(const fs::path& pack) {
  std::error_code ec;
  fs::path marker = pack / kPackMarker;
  if (!fs::is_regular_file(fs::symlink_status(marker, ec)))
    return "it was not written by escalate (it has no " + std::string(kPackMarker) + " file)";
  std::string text;
  if (auto err = read_file(marker, text, 1024 * 1024)) return *err;
  if (!text.starts_with(kMarkerHeader))
    return "its " + std::string(kPackMarker) + " file was not written by escalate";
  std::set<std::string> listed;
  for (std::size_t pos = kMarkerHeader.size(); pos < text.size();) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    listed.insert(text.substr(pos, eol - pos));
    pos = eol + 1;
  }
  fs::recursive_directory_iterator it(pack, ec), end;  // never follows symlinks
  if (ec) return "cannot read it: " + ec.message();
  for (; it != end; it.increment(ec)) {
    if (ec) return "cannot read it: " + ec.message();
    auto st = it->symlink_status(ec);
    if (fs::is_directory(st)) continue;
    std::string rel = it->path().lexically_relative(pack).generic_string();
    if (rel == kPackMarker) continue;
    if (!fs::is_regular_file(st) || !listed.contains(rel))
      return "it holds '" + rel + "', which escalate did not write";
  }
  if (ec) return "cannot read it: " + ec.message();
  return std::nullopt;
}

std::optional<std::string> prepare_output_dir(const fs::path& dir) {
  std::error_code ec;
  auto st = fs::symlink_status(dir, ec);
  if (fs::is_symlink(st) && !fs::exists(fs::status(dir, ec)))
    return "the output folder '" + dir.string() + "' is a symlink to '" + fs::read_symlink(dir, ec).string() +
           "', which does not exist; create that folder or choose another output folder";
  ec.clear();
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir, ec))
    return "cannot create the output folder '" + dir.string() + "': " +
           (ec ? ec.message() : "it exists and is not a folder");
  // Leftovers of interrupted runs: only folders escalate provably made, and only when no
  // running build holds them.
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!name.starts_with(kStaging) && !name.starts_with(kOld)) continue;
    std::error_code e;
    if (!fs::is_directory(it->symlink_status(e))) continue;
    LockedDir d;
    if (!d.open(it->path()) || !d.try_lock()) continue;
    bool empty = fs::is_empty(it->path(), e);
    const bool leftover = empty ? owner_gone(name)
                                : !foreign_content(it->path()) ||
                                      (name.starts_with(kStaging) && owner_gone(name) && only_a_cut_marker(it->path()));
    if (leftover) fs::remove_all(it->path(), e);
  }
  return std::nullopt;
}

struct StagedPack::State {
  fs::path dir, target, staging;
  LockedDir lock;  // held until the pack is in place or dropped: no other build cleans it up
};

StagedPack::StagedPack() = default;
StagedPack::StagedPack(StagedPack&&) noexcept = default;
StagedPack& StagedPack::operator=(StagedPack&&) noexcept = default;
StagedPack::~StagedPack() { drop(); }

void StagedPack::drop() {
  if (!state_) return;
  std::error_code ec;
  fs::remove_all(state_->staging, ec);
  state_.reset();
}

std::optional<std::string> stage_pack(const fs::path& dir, const std::string& id, const std::vector<PackFile>& files,
                                      std::size_t slot, StagedPack& out) {
  out.drop();
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
  // Refused before anything is written. Another build may be swapping its own pack in at this
  // moment (the folder read goes away mid-walk): only a folder still in place is refused here;
  // commit_pack checks again, under the folder's lock, before replacing anything.
  if (fs::exists(st)) {
    LockedDir seen;
    if (seen.open(target))
      if (auto why = foreign_content(target); why && seen.is(target)) return refuse_foreign(target, *why);
  }

  // <id>-<slot>-<pid>: two records with one id stage apart; the pid comes last (owner_gone).
  fs::path staging = dir / (std::string(kStaging) + id + "-" + std::to_string(slot) + "-" + std::to_string(::getpid()));
  if (::mkdir(staging.c_str(), 0777) != 0) {
    const int why = errno;
    if (why != EEXIST) return "cannot create '" + staging.string() + "': " + std::strerror(why);
    // The leftover of an earlier process that had this pid: replaced only when it is a folder
    // escalate provably made and no running build holds (a build in another pid namespace can
    // have the same name), as prepare_output_dir decides for other processes' leftovers.
    const auto refuse = [&](const std::string& why_not) { return "cannot create '" + staging.string() + "': " + why_not; };
    if (!fs::is_directory(fs::symlink_status(staging, ec))) return refuse("something that is not a folder has that name");
    LockedDir held;
    if (!held.open(staging) || !held.try_lock()) return refuse("another build is using a folder of that name");
    if (!fs::is_empty(staging, ec) && !only_a_cut_marker(staging))
      if (auto why_not = foreign_content(staging)) return refuse("a folder of that name is there and " + *why_not);
    fs::remove_all(staging, ec);
    if (ec) return "cannot create '" + staging.string() + "': " + ec.message();
    if (::mkdir(staging.c_str(), 0777) != 0) return "cannot create '" + staging.string() + "': " + std::strerror(errno);
  }
  auto state = std::make_unique<StagedPack::State>();
  state->dir = dir;
  state->target = target;
  state->staging = staging;
  auto fail = [&](const std::string& msg) {
    std::error_code rm;
    fs::remove_all(staging, rm);
    return msg;
  };
  // Waits: another build's clean-up (prepare_output_dir) may be looking at the new folder.
  if (!state->lock.open(staging) || !state->lock.lock())
    return fail("cannot lock '" + staging.string() + "': " + std::strerror(errno));
  // The marker first: a staging folder left by a killed run is still provably escalate's. The
  // files are created relative to the open staging folder; it is renamed into place whole, so
  // they need no temporary names.
  const int at = state->lock.fd();
  if (auto err = write_new_file_at(at, fs::path(kPackMarker), staging / kPackMarker, marker_text(files)))
    return fail(*err);
  std::set<fs::path> made;  // subfolders created so far ("emails")
  for (const PackFile& f : files) {
    const fs::path relative = fs::path(f.relative).lexically_normal();
    fs::path folder;
    for (const fs::path& part : relative.parent_path()) {
      folder /= part;
      if (!made.insert(folder).second) continue;
      if (::mkdirat(at, folder.c_str(), 0777) != 0 && errno != EEXIST)
        return fail("cannot create '" + (staging / folder).string() + "': " + std::strerror(errno));
    }
    if (auto err = write_new_file_at(at, relative, staging / relative, f.content)) return fail(*err);
  }
  out.state_ = std::move(state);
  return std::nullopt;
}

std::optional<std::string> commit_pack(StagedPack& pack) {
  if (!pack.state_) return "internal error: no staged pack to put in place";
  const fs::path dir = pack.state_->dir, target = pack.state_->target, staging = pack.state_->staging;
  std::error_code ec;
  auto fail = [&](const std::string& msg) {
    pack.drop();
    return msg;
  };
  auto done = [&]() -> std::optional<std::string> {
    pack.state_.reset();  // in place: nothing to remove
    return std::nullopt;
  };
  // Swap it in. Another build may be writing the same pack at the same time: every step is one
  // atomic rename, and the folder swapped out is checked again (and swapped back if foreign).
  for (int attempt = 0; attempt < 100; ++attempt) {
    if (rename_noreplace(staging, target)) return done();
    if (errno == EINVAL || errno == ENOSYS) break;  // the filesystem cannot: the plain way below
    if (errno != EEXIST && errno != ENOTEMPTY)
      return fail("cannot write '" + target.string() + "': " + std::strerror(errno));
    LockedDir old;
    if (!old.open(target)) {
      if (errno == ENOENT) continue;
      if (errno == ELOOP || errno == ENOTDIR)
        return fail("cannot write the pack '" + target.string() + "': it is no longer a folder");
      return fail("cannot replace '" + target.string() + "': " + std::strerror(errno));
    }
    if (!old.lock()) return fail("cannot replace '" + target.string() + "': another build holds it");
    if (!old.is(target)) continue;
    if (auto why = foreign_content(target)) return fail(refuse_foreign(target, *why));
    if (!rename_exchange(staging, target)) {
      if (errno == ENOENT) continue;
      if (errno == EINVAL || errno == ENOSYS) break;
      return fail("cannot replace '" + target.string() + "': " + std::strerror(errno));
    }
    // `staging` now names what was at `target`.
    if (!old.is(staging))
      if (auto why = foreign_content(staging)) {
        rename_exchange(staging, target);
        return fail(refuse_foreign(target, *why));
      }
    fs::remove_all(staging, ec);
    return done();
  }
  // Filesystems without renameat2 flags: move the old pack aside, then rename.
  if (fs::exists(fs::symlink_status(target, ec))) {
    if (auto why = foreign_content(target)) return fail(refuse_foreign(target, *why));
    fs::path old = dir / (std::string(kOld) + staging.filename().string().substr(kStaging.size()));
    fs::rename(target, old, ec);
    if (ec) return fail("cannot replace '" + target.string() + "': " + ec.message());
    fs::rename(staging, target, ec);
    if (ec) {
      std::error_code back;
      fs::rename(old, target, back);
      return fail("cannot replace '" + target.string() + "': " + ec.message());
    }
    fs::remove_all(old, ec);
  } else {
    fs::rename(staging, target, ec);
    if (ec) return fail("cannot write '" + target.string() + "': " + ec.message());
  }
  return done();
}

std::optional<std::string> write_pack(const fs::path& dir, const std::string& id,
                                      const std::vector<PackFile>& files) {
  StagedPack staged;
  if (auto err = stage_pack(dir, id, files, 0, staged)) return err;
  return commit_pack(staged);
}

}  // namespace esc
