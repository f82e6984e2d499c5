// The write layer: packs replaced only when escalate provably made them, reports written through
// devices and FIFOs (never replacing them), inputs that are not regular files never waited on.
#include <fcntl.h>
#include <filesystem>
#include <atomic>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "core/file.h"
#include "write/atomic_file.h"
#include "write/pack.h"

using namespace esc;
namespace fs = std::filesystem;

namespace {

class WriteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("escalate-write-test-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  fs::path dir_;
  const std::vector<PackFile> files_ = {{"emails/01-initial.eml", "mail\n"}, {"lint-report.txt", "ok\n"}};
};

}  // namespace

TEST_F(WriteTest, APackCarriesAMarkerListingItsFiles) {
  ASSERT_EQ(write_pack(dir_, "ESC-1", files_), std::nullopt);
  EXPECT_EQ(slurp(dir_ / "ESC-1" / "emails/01-initial.eml"), "mail\n");
  EXPECT_TRUE(fs::is_regular_file(dir_ / "ESC-1" / kPackMarker));
  EXPECT_EQ(foreign_content(dir_ / "ESC-1"), std::nullopt);
  // A rerun replaces it whole.
  ASSERT_EQ(write_pack(dir_, "ESC-1", {{"lint-report.txt", "again\n"}}), std::nullopt);
  EXPECT_EQ(slurp(dir_ / "ESC-1" / "lint-report.txt"), "again\n");
  EXPECT_FALSE(fs::exists(dir_ / "ESC-1" / "emails"));
}

TEST_F(WriteTest, AFolderEscalateDidNotMakeIsNeverReplaced) {
  // Any folder at DIR/<id> was replaced, the records folder included.
  fs::create_directories(dir_ / "incidents");
  std::ofstream(dir_ / "incidents" / "a.yaml") << "id: incidents\n";
  auto err = write_pack(dir_, "incidents", files_);
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(*err, "refusing to replace '" + (dir_ / "incidents").string() +
                      "': it was not written by escalate (it has no .escalate-pack file); escalate replaces only "
                      "the packs it wrote (move the folder away or choose another output folder)");
  EXPECT_EQ(slurp(dir_ / "incidents" / "a.yaml"), "id: incidents\n");
  EXPECT_FALSE(fs::exists(dir_ / "incidents" / kPackMarker));
}

TEST_F(WriteTest, AUsersFileInsideAPackStopsTheReplacement) {
  ASSERT_EQ(write_pack(dir_, "ESC-1", files_), std::nullopt);
  std::ofstream(dir_ / "ESC-1" / "emails" / "notes.txt") << "keep\n";
  auto err = write_pack(dir_, "ESC-1", files_);
  ASSERT_TRUE(err.has_value());
  EXPECT_NE(err->find("it holds 'emails/notes.txt', which escalate did not write"), std::string::npos) << *err;
  EXPECT_EQ(slurp(dir_ / "ESC-1" / "emails" / "notes.txt"), "keep\n");
}

TEST_F(WriteTest, OnlyLeftoversEscalateMadeAreCleanedUp) {
  // A user's own .escalate-old-* file or folder is not escalate's to delete.
  std::ofstream(dir_ / ".escalate-old-mine") << "keep\n";
  fs::create_directories(dir_ / ".escalate-staging-notes");
  std::ofstream(dir_ / ".escalate-staging-notes" / "n.txt") << "keep\n";
  // A staging folder of a killed run (marker and a listed file) is.
  ASSERT_EQ(write_pack(dir_, "ESC-9", files_), std::nullopt);
  fs::rename(dir_ / "ESC-9", dir_ / ".escalate-staging-ESC-9-999999");
  ASSERT_EQ(prepare_output_dir(dir_), std::nullopt);
  EXPECT_TRUE(fs::exists(dir_ / ".escalate-old-mine"));
  EXPECT_TRUE(fs::exists(dir_ / ".escalate-staging-notes" / "n.txt"));
  EXPECT_FALSE(fs::exists(dir_ / ".escalate-staging-ESC-9-999999"));
}

// A run killed between creating a staging folder's marker (its first file) and writing it leaves
// the marker empty (or cut short): still escalate's leftover once its process is gone, and not
// a folder to keep forever. While its process runs it is work in progress; a marker with other
// text is not escalate's.
TEST_F(WriteTest, AStagingFolderKilledWhileWritingItsMarkerIsCleanedUp) {
  const auto stage = [&](const std::string& name, const std::string& marker) {
    fs::create_directories(dir_ / name);
    std::ofstream(dir_ / name / kPackMarker) << marker;
  };
  stage(".escalate-staging-ESC-1-0-999999", "");
  stage(".escalate-staging-ESC-2-0-999999", "escalate pack: written by 'esc");
  stage(".escalate-staging-ESC-3-0-" + std::to_string(::getpid()), "");  // its build still runs
  stage(".escalate-staging-ESC-4-0-999999", "my notes\n");
  ASSERT_EQ(prepare_output_dir(dir_), std::nullopt);
  EXPECT_FALSE(fs::exists(dir_ / ".escalate-staging-ESC-1-0-999999"));
  EXPECT_FALSE(fs::exists(dir_ / ".escalate-staging-ESC-2-0-999999"));
  EXPECT_TRUE(fs::exists(dir_ / (".escalate-staging-ESC-3-0-" + std::to_string(::getpid())) / kPackMarker));
  EXPECT_TRUE(fs::exists(dir_ / ".escalate-staging-ESC-4-0-999999" / kPackMarker));
}

// Another build starting in the same folder locks each unlocked staging folder for a moment to
// see whether it is a leftover (prepare_output_dir), and may catch one just created, before
// its own build has locked it. That build must wait for the lock, not fail ("cannot lock").
// Here a thread does what that clean-up does, holding each lock a little longer, while packs
// are staged again and again.
TEST_F(WriteTest, StagingWaitsForAConcurrentCleanUpsLook) {
  std::atomic<bool> stop = false;
  std::atomic<int> caught = 0;
  // The clean-up finds staging folders by listing the folder; here it watches the one name.
  const fs::path staging = dir_ / (".escalate-staging-ESC-1-0-" + std::to_string(::getpid()));
  std::thread cleaner([&] {
    ino_t looked_at = 0;  // a clean-up looks at each folder once
    while (!stop) {
      const int fd = ::open(staging.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (fd < 0) continue;
      struct stat st {};
      // Caught while still in place (not one just removed, whose lock is free again).
      if (::fstat(fd, &st) == 0 && st.st_ino != looked_at && ::flock(fd, LOCK_EX | LOCK_NB) == 0 &&
          ::fstat(fd, &st) == 0 && st.st_nlink > 0) {
        looked_at = st.st_ino;
        ++caught;
        std::this_thread::sleep_for(std::chrono::microseconds(300));
      }
      ::close(fd);
    }
  });
  int failures = 0;
  std::string first;
  for (int i = 0; i < 1200; ++i) {
    StagedPack staged;
    if (auto err = stage_pack(dir_, "ESC-1", files_, 0, staged)) {
      if (first.empty()) first = *err;
      ++failures;
    }
  }
  stop = true;
  cleaner.join();
  EXPECT_GT(caught, 0) << "the clean-up never caught a staging folder unlocked: the test proves nothing";
  EXPECT_EQ(failures, 0) << first;
}

TEST_F(WriteTest, ADanglingOutputSymlinkSaysWhereItPoints) {
  fs::create_symlink(dir_ / "nowhere", dir_ / "out");
  auto err = prepare_output_dir(dir_ / "out");
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(*err, "the output folder '" + (dir_ / "out").string() + "' is a symlink to '" +
                      (dir_ / "nowhere").string() +
                      "', which does not exist; create that folder or choose another output folder");
}

TEST_F(WriteTest, ReportsAreWrittenThroughDevicesNeverReplacingThem) {
  // As root, a regression would replace the system's /dev/null: use our own nodes then. Without
  // root, /dev cannot be written, so the real ones are safe.
  std::string null = "/dev/null", full = "/dev/full";
  if (::geteuid() == 0) {
    null = (dir_ / "null").string();
    full = (dir_ / "full").string();
    ASSERT_EQ(::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)), 0);
    ASSERT_EQ(::mknod(full.c_str(), S_IFCHR | 0666, makedev(1, 7)), 0);
    int fd = ::open(null.c_str(), O_WRONLY);
    if (fd < 0) GTEST_SKIP() << "device nodes cannot be opened in " << dir_ << " (nodev)";
    ::close(fd);
  }
  EXPECT_EQ(write_output_file(null, "report\n"), std::nullopt);
  struct stat st {};
  ASSERT_EQ(::stat(null.c_str(), &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  EXPECT_EQ(write_output_file(full, "report\n"), "cannot write '" + full + "': No space left on device");
  ASSERT_EQ(::stat(full.c_str(), &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  // A FIFO nobody reads is refused, not waited on, and stays a FIFO.
  fs::path fifo = dir_ / "report.fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(write_output_file(fifo.string(), "report\n"),
            "cannot write '" + fifo.string() + "': it is a FIFO and no process is reading it");
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_EQ(write_output_file(dir_.string(), "x"), "cannot write '" + dir_.string() + "': it is a folder; give a file name");
  EXPECT_TRUE(is_stdout_path("-"));
  EXPECT_TRUE(is_stdout_path("/dev/stdout"));
  EXPECT_FALSE(is_stdout_path("report.txt"));
}

TEST_F(WriteTest, AFifoIsRefusedWhenReadNeverWaitedOn) {
  fs::path fifo = dir_ / "x.yaml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string text;
  EXPECT_EQ(read_file(fifo, text, 1024), "cannot read '" + fifo.string() + "': it is a FIFO (named pipe), not a regular file");
  EXPECT_EQ(read_file("/dev/zero", text, 1024), "cannot read '/dev/zero': it is a device, not a regular file");
}

// A new report is named directly: a run killed at any moment leaves either no file or the whole
// one, never a temporary name. Replacing one still works (a temporary name and a rename).
TEST_F(WriteTest, ANewOutputFileIsNamedDirectlyAndAnOldOneReplaced) {
  const fs::path path = dir_ / "summary.json";
  OutputFile file;
  ASSERT_EQ(file.open(path.string()), std::nullopt);
  file.stream() << "first\n";
  ASSERT_EQ(file.commit(), std::nullopt);
  EXPECT_EQ(slurp(path), "first\n");
  ASSERT_EQ(write_output_file(path.string(), "second\n"), std::nullopt);
  EXPECT_EQ(slurp(path), "second\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(WriteTest, ProcessGoneReadsOnlyAPidAndOnlyAnEndedOne) {
  for (const char* junk : {"", "0", "-1", "12a", " 12", "1234567890123"}) EXPECT_FALSE(process_gone(junk)) << junk;
  EXPECT_FALSE(process_gone(std::to_string(::getpid())));
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ASSERT_GT(child, 0);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_TRUE(process_gone(std::to_string(child)));
}

// What a run killed between naming a replacement and renaming it leaves: removed only when its
// process has ended, it is a regular file, and it begins as the caller's files always begin.
TEST_F(WriteTest, OnlyATemporaryAKilledRunLeftIsRemoved) {
  const fs::path path = dir_ / "summary.json";
  const pid_t child = ::fork();  // a process that has ended
  if (child == 0) ::_exit(0);
  ASSERT_GT(child, 0);
  ASSERT_EQ(::waitpid(child, nullptr, 0), child);
  const std::string gone = std::to_string(child);
  std::ofstream(dir_ / ("summary.json.tmp." + gone)) << "{\"tool\": \"escalate\"}\n";
  std::ofstream(dir_ / ("summary.json.tmp." + std::to_string(::getpid()))) << "{\"tool\": \"escalate\"}\n";
  std::ofstream(dir_ / "summary.json.tmp.999999998") << "{\"mine\": true}\n";
  std::ofstream(dir_ / ("summary.json.tmp." + std::to_string(::getppid()))) << "{\"tool\": \"escalate\"}\n";
  std::ofstream(dir_ / "summary.json.tmp.x1") << "{\"tool\": \"escalate\"}\n";
  std::ofstream(dir_ / ("other.json.tmp." + gone)) << "{\"tool\": \"escalate\"}\n";
  std::ofstream(dir_ / "target") << "{\"tool\": \"escalate\"}\n";
  fs::create_symlink(dir_ / "target", dir_ / "summary.json.tmp.999999997");
  remove_killed_temporaries(path, "{\"tool\": \"escalate\"");
  EXPECT_FALSE(fs::exists(dir_ / ("summary.json.tmp." + gone)));
  EXPECT_FALSE(fs::exists(dir_ / ("summary.json.tmp." + std::to_string(::getpid()))));  // an earlier holder's
  for (const std::string& kept : std::vector<std::string>{"summary.json.tmp.999999998", "summary.json.tmp." + std::to_string(::getppid()),
                                 "summary.json.tmp.x1", "other.json.tmp." + gone, "target"})
    EXPECT_TRUE(fs::exists(dir_ / kept)) << kept;
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(dir_ / "summary.json.tmp.999999997")));
}

// A file that must not replace anything (a draft beside the user's edits): a file made between
// open() and commit() is kept, and commit() says so.
TEST_F(WriteTest, AnOutputFileThatMustNotReplaceKeepsAFileMadeMeanwhile) {
  const fs::path path = dir_ / "draft.eml";
  OutputFile file;
  ASSERT_EQ(file.open(path.string(), /*replace=*/false), std::nullopt);
  file.stream() << "draft\n";
  std::ofstream(path) << "my edits\n";
  EXPECT_EQ(file.commit(), "cannot write '" + path.string() + "': File exists");
  EXPECT_EQ(slurp(path), "my edits\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
  OutputFile fresh;
  ASSERT_EQ(fresh.open((dir_ / "new.eml").string(), /*replace=*/false), std::nullopt);
  fresh.stream() << "draft\n";
  EXPECT_EQ(fresh.commit(), std::nullopt);
  EXPECT_EQ(slurp(dir_ / "new.eml"), "draft\n");
}

// A folder already at the staging name this process is about to use (the leftover of an earlier
// process that had the same pid) is replaced only when escalate provably made it; a user's
// folder of that name is kept and the pack is not written.
TEST_F(WriteTest, AFolderAtThisProcesssStagingNameIsReplacedOnlyWhenEscalateMadeIt) {
  const fs::path staging = dir_ / (".escalate-staging-ESC-1-0-" + std::to_string(::getpid()));
  fs::create_directories(staging / "notes");
  std::ofstream(staging / "notes" / "keep.txt") << "precious\n";
  StagedPack staged;
  auto err = stage_pack(dir_, "ESC-1", files_, 0, staged);
  ASSERT_TRUE(err.has_value());
  EXPECT_NE(err->find("not written by escalate"), std::string::npos) << *err;
  EXPECT_EQ(slurp(staging / "notes" / "keep.txt"), "precious\n");
  // An earlier run's staging folder (a complete pack, or an empty folder) is escalate's.
  fs::remove_all(staging);
  ASSERT_EQ(write_pack(dir_, "ESC-2", files_), std::nullopt);
  fs::rename(dir_ / "ESC-2", staging);
  EXPECT_EQ(stage_pack(dir_, "ESC-1", files_, 0, staged), std::nullopt);
  EXPECT_EQ(commit_pack(staged), std::nullopt);
  EXPECT_EQ(slurp(dir_ / "ESC-1" / "lint-report.txt"), "ok\n");
  fs::create_directories(dir_ / (".escalate-staging-ESC-3-0-" + std::to_string(::getpid())));
  EXPECT_EQ(stage_pack(dir_, "ESC-3", files_, 0, staged), std::nullopt) << "an empty folder";
  // Not a folder, or a symlink to one: kept, the pack refused.
  const fs::path file = dir_ / (".escalate-staging-ESC-4-0-" + std::to_string(::getpid()));
  std::ofstream(file) << "";
  EXPECT_TRUE(stage_pack(dir_, "ESC-4", files_, 0, staged).has_value());
  EXPECT_TRUE(fs::is_regular_file(file));
  const fs::path link = dir_ / (".escalate-staging-ESC-5-0-" + std::to_string(::getpid()));
  fs::create_directories(dir_ / "elsewhere");
  fs::create_directory_symlink(dir_ / "elsewhere", link);
  EXPECT_TRUE(stage_pack(dir_, "ESC-5", files_, 0, staged).has_value());
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(link)));
  EXPECT_TRUE(fs::is_directory(dir_ / "elsewhere"));
  // A folder another build holds (its lock taken): kept.
  const fs::path held = dir_ / (".escalate-staging-ESC-6-0-" + std::to_string(::getpid()));
  fs::create_directories(held);
  const int fd = ::open(held.c_str(), O_RDONLY | O_DIRECTORY);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  // flock locks are per open file description: the same process's second open must wait.
  const auto held_err = stage_pack(dir_, "ESC-6", files_, 0, staged);
  ::close(fd);
  ASSERT_TRUE(held_err.has_value());
  EXPECT_NE(held_err->find("another build"), std::string::npos) << *held_err;
  EXPECT_TRUE(fs::is_directory(held));
}

// commit() renames or removes only a temporary name it made: a file already at this process's
// temporary name (not escalate's) is kept, and the error names it.
TEST_F(WriteTest, CommitNeverRemovesATemporaryNameItDidNotMake) {
  const fs::path path = dir_ / "report.json", temp = dir_ / ("report.json.tmp." + std::to_string(::getpid()));
  std::ofstream(path) << "old\n";
  std::ofstream(temp) << "my notes\n";
  OutputFile file;
  ASSERT_EQ(file.open(path.string()), std::nullopt);
  file.stream() << "new\n";
  const auto err = file.commit();
  ASSERT_TRUE(err.has_value());
  EXPECT_NE(err->find("temporary name '" + temp.string() + "'"), std::string::npos) << *err;
  EXPECT_EQ(slurp(temp), "my notes\n");
  EXPECT_EQ(slurp(path), "old\n");
  // Without replacing, a name taken meanwhile: the other file at the temporary name is kept too.
  fs::remove(path);
  OutputFile draft;
  ASSERT_EQ(draft.open(path.string(), /*replace=*/false), std::nullopt);
  std::ofstream(path) << "edits\n";
  EXPECT_TRUE(draft.commit().has_value());
  EXPECT_EQ(slurp(temp), "my notes\n");
  EXPECT_EQ(slurp(path), "edits\n");
}
