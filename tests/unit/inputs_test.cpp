// Folder searches and their exclude globs (cli/inputs).
#include <gtest/gtest.h>

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
