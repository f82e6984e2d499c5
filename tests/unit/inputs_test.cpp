// Folder searches and their exclude globs (cli/inputs).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "pipeline/inputs.h"

using esc::glob_excluded;

TEST(GlobExcluded, AGlobWithoutASlashMatchesAnyNameOnThePath) {
  EXPECT_TRUE(glob_excluded("docs/mkdocs.yml", {"mkdocs.yml"}));
  EXPECT_TRUE(glob_excluded("docs/mkdocs.yml", {"docs"}));
  EXPECT_TRUE(glob_excluded("a/b/draft.yaml", {"*.yaml"}));
  EXPECT_TRUE(glob_excluded("docs/mkdocs.yml", {"docs/"}));
  EXPECT_FALSE(glob_excluded("incidents/ESC-1.yaml", {"docs", "mkdocs.yml"}));
  EXPECT_FALSE(glob_excluded("incidents/ESC-1.yaml", {}));
}

TEST(GlobExcluded, AGlobWithASlashMatchesFromTheStart) {
  EXPECT_TRUE(glob_excluded("site/config.yml", {"site/*.yml"}));
  EXPECT_FALSE(glob_excluded("incidents/site/config.yml", {"site/*.yml"}));
  EXPECT_TRUE(glob_excluded("drafts/2026/a.yaml", {"drafts/**"}));
  EXPECT_TRUE(glob_excluded("x/y/z/ci.yml", {"**/ci.yml"}));
  EXPECT_TRUE(glob_excluded("ci.yml", {"**/ci.yml"}));
  EXPECT_TRUE(glob_excluded(".github/workflows/ci.yml", {".github/workflows"}));  // a folder
  EXPECT_TRUE(glob_excluded("./docs/a.yml", {"/docs/*.yml"}));
  EXPECT_FALSE(glob_excluded("docs/sub/a.yml", {"docs/*.yml"}));
}

namespace {

namespace fs = std::filesystem;

// A fresh folder under the system's temporary folder, removed at the end of the test.
struct TempTree {
  fs::path root;
  TempTree() {
    root = fs::temp_directory_path() / ("escalate-inputs-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~TempTree() { fs::remove_all(root); }
  void file(const std::string& relative) {
    fs::create_directories((root / relative).parent_path());
    std::ofstream(root / relative) << "id: X\n";
  }
};

std::vector<std::string> displays(const esc::InputList& inputs) {
  std::vector<std::string> out;
  for (const esc::InputFile& in : inputs) out.push_back(in.display);
  return out;
}

}  // namespace

TEST(CollectInputs, AFolderIsListedInTheOrderItsPathsSort) {
  TempTree t;
  std::vector<std::string> files = {"a.yaml", "a/x.yaml", "a-b.yaml", "a/b/c.yaml", "a/b.yaml", "A.yaml",
                                    "b/z.yml", "\xC3\xA9.yaml", "b.yaml", "a0/y.yaml", "deep/er/est/q.yaml"};
  for (int n = 1; n <= 4500; ++n) files.push_back("many/ESC-BENCH-" + std::to_string(100000 + n) + ".yaml");
  for (const std::string& f : files) t.file(f);
  t.file("notes.txt");
  t.file(".hidden/h.yaml");
  std::vector<std::string> errors;
  const esc::InputList inputs = esc::collect_inputs({t.root.string() + "/"}, {".yaml", ".yml"}, "", errors);
  EXPECT_TRUE(errors.empty());
  // What the folder search has always meant: every path found, sorted as std::filesystem::path.
  std::vector<fs::path> want_paths;
  for (const std::string& f : files) want_paths.push_back(fs::path(t.root.string() + "/") / f);
  std::sort(want_paths.begin(), want_paths.end());
  ASSERT_EQ(inputs.size(), want_paths.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const esc::InputFile in = inputs[i];
    EXPECT_EQ(in.path.native(), want_paths[i].native()) << i;
    EXPECT_EQ(in.display, want_paths[i].lexically_normal().generic_string()) << i;
    EXPECT_TRUE(in.found_in_folder);
    EXPECT_FALSE(in.is_stdin);
  }
}

TEST(InputList, NamedFilesStdinAndFoundFilesKeepTheirOrderThroughErase) {
  esc::InputList list;
  list.push_back({"<stdin>", {}, true});
  list.push_back({"x/one.yaml", "./x//one.yaml", false});
  for (const char* name : {"a.yaml", "b.yaml", "c.yaml", "d.yaml"}) list.push_found("dir/", name);
  list.push_found("other", "e.yaml");
  EXPECT_EQ(displays(list), (std::vector<std::string>{"<stdin>", "x/one.yaml", "dir/a.yaml", "dir/b.yaml",
                                                      "dir/c.yaml", "dir/d.yaml", "other/e.yaml"}));
  EXPECT_TRUE(list[0].is_stdin);
  for (std::size_t i = 0; i < list.size(); ++i) EXPECT_EQ(list.is_stdin(i), i == 0) << i;
  EXPECT_EQ(list[1].path.native(), "./x//one.yaml");
  EXPECT_EQ(list[3].path.native(), "dir/b.yaml");
  EXPECT_TRUE(list[3].found_in_folder);
  esc::InputList unchanged = list;
  unchanged.erase_if([](const esc::InputFile&) { return false; });
  EXPECT_EQ(displays(unchanged), displays(list));
  list.erase_if([](const esc::InputFile& in) { return in.display == "dir/b.yaml" || in.display == "<stdin>"; });
  EXPECT_EQ(displays(list),
            (std::vector<std::string>{"x/one.yaml", "dir/a.yaml", "dir/c.yaml", "dir/d.yaml", "other/e.yaml"}));
  EXPECT_EQ(list[2].path.native(), "dir/c.yaml");
  EXPECT_TRUE(list[2].found_in_folder);
  EXPECT_FALSE(list[0].found_in_folder);
}

// A found file's display form is built from its folder's, normalised once per folder; it must
// be what normalising the whole path gives, for any spelling of the folder.
TEST(InputList, AFoundFileIsShownAsItsNormalisedPathForAnySpellingOfItsFolder) {
  const std::vector<std::string> folders = {"", ".", "./", "..", "../", "/", "a", "a/", "a//b", "./a/./b/",
                                            "a/../b", "a/..", "a/../", "../x/../y", "/tmp/./q//", "é/ü"};
  esc::InputList list;
  for (const std::string& folder : folders) list.push_found(folder, "ESC-1.yaml");
  ASSERT_EQ(list.size(), folders.size());
  for (std::size_t i = 0; i < folders.size(); ++i) {
    const std::string whole = (fs::path(folders[i]) / "ESC-1.yaml").lexically_normal().generic_string();
    EXPECT_EQ(list[i].display, whole) << folders[i];
    EXPECT_EQ(list[i].path.native(), (fs::path(folders[i]) / "ESC-1.yaml").native()) << folders[i];
  }
}
