// Compact name lists and the low-memory name sort (pipeline/compact_names).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "pipeline/compact_names.h"

using esc::CompactNames;
using esc::NameSorter;

namespace {

std::string bench_name(int n) {
  std::string digits = std::to_string(n);
  return "ESC-BENCH-" + std::string(6 - digits.size(), '0') + digits + ".yaml";
}

std::vector<std::string> merged(NameSorter& sorter) {
  std::vector<std::string> out;
  NameSorter::Merge merge(sorter);
  for (const std::string* s = merge.peek(); s; merge.pop(), s = merge.peek()) out.push_back(*s);
  return out;
}

}  // namespace

TEST(CompactNames, GivesBackEveryStringExactly) {
  const std::vector<std::string> strings = {"", "a", "a", "ab", "b", "ba", "aaa", "aa", "x.yaml", "xy.yaml",
                                            "y.yaml", "y.yml", "\xC3\xA9t\xC3\xA9.yaml", std::string(300, 'z'),
                                            std::string(299, 'z') + "y", "", "abcabc", "abc", "c"};
  CompactNames names;
  for (int round = 0; round < 5; ++round)  // past several restart points
    for (const std::string& s : strings) names.push_back(s);
  ASSERT_EQ(names.size(), 5 * strings.size());
  for (std::size_t i = 0; i < names.size(); ++i) EXPECT_EQ(names[i], strings[i % strings.size()]) << i;
  std::size_t i = 7;
  for (CompactNames::Cursor c(names, 7); !c.done(); c.next(), ++i) EXPECT_EQ(c.current(), strings[i % strings.size()]);
  EXPECT_EQ(i, names.size());
}

TEST(CompactNames, SortedCorpusNamesCostAFewBytesEach) {
  CompactNames names;
  for (int n = 1; n <= 100000; ++n) names.push_back(bench_name(n));
  EXPECT_EQ(names[0], "ESC-BENCH-000001.yaml");
  EXPECT_EQ(names[54321], "ESC-BENCH-054322.yaml");
  EXPECT_EQ(names[99999], "ESC-BENCH-100000.yaml");
  EXPECT_LT(names.encoded_bytes(), 350000u);  // 3.5 bytes a name (21 bytes given)
}

TEST(NameSorter, SortsInByteOrderAcrossChunks) {
  std::vector<std::string> want;
  for (int n = 1; n <= 10000; ++n) want.push_back(bench_name(n));
  want.push_back("a");
  want.push_back("A.yaml");
  want.push_back("\xC3\xA9.yaml");  // bytes above 0x7F sort after ASCII
  want.push_back("a.yaml");
  std::vector<std::string> given = want;
  std::shuffle(given.begin(), given.end(), std::mt19937(7));
  NameSorter sorter;
  for (const std::string& s : given) sorter.add(s);
  std::sort(want.begin(), want.end());
  EXPECT_EQ(merged(sorter), want);
}

TEST(NameSorter, EmptyAndSingle) {
  NameSorter none;
  EXPECT_TRUE(merged(none).empty());
  NameSorter one;
  one.add("x.yaml");
  EXPECT_EQ(merged(one), std::vector<std::string>{"x.yaml"});
}

TEST(CompactNames, AShortListHoldsNoWholeBlock) {
  // A folder holding one record (incidents/<id>/record.yaml) must not cost a 4 KiB block.
  esc::CompactNames one;
  one.push_back("record.yaml");
  EXPECT_LE(one.reserved_bytes(), 64u);
  EXPECT_EQ(one[0], "record.yaml");
  // A long list still grows in whole blocks, and reads back every name.
  esc::CompactNames many;
  for (int i = 0; i < 5000; ++i) many.push_back("ESC-" + std::to_string(100000 + i) + ".yaml");
  EXPECT_LE(many.reserved_bytes(), many.encoded_bytes() + 2 * 4096);
  for (int i = 0; i < 5000; i += 499) EXPECT_EQ(many[i], "ESC-" + std::to_string(100000 + i) + ".yaml");
}
