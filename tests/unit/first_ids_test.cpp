// duplicate-id's memory of the first record of each id (pipeline/first_ids): exact whatever the
// hash, because a fingerprint match is confirmed by reading the earlier record again.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/first_ids.h"

using esc::FirstIds;
using esc::IdAt;
using esc::Mark;

namespace {

// A batch of records whose ids a FirstIds reads back from `ids` (as a re-read file would).
struct Batch {
  std::vector<std::string> ids;
  std::vector<bool> rereadable;
  std::size_t reads = 0;
  FirstIds first;
  explicit Batch(std::vector<std::string> records, FirstIds::Hash hash = &FirstIds::hash_id)
      : ids(std::move(records)), rereadable(ids.size(), true),
        first(ids.size(), [this](std::size_t i) -> std::optional<IdAt> {
          ++reads;
          if (!rereadable[i]) return std::nullopt;
          return IdAt{ids[i], mark_of(i)};
        }, hash) {}
  static Mark mark_of(std::size_t i) { return {static_cast<int>(i) + 2, 5}; }
  // The first record of record i's id, as (ordinal, line); (i, 0) when record i is the first.
  std::pair<std::size_t, int> use(std::size_t i) {
    auto found = first.first_use(ids[i], i, mark_of(i), rereadable[i]);
    return found ? std::make_pair(found->first, found->second.line) : std::make_pair(i, 0);
  }
};

std::uint64_t everything_collides(std::string_view) { return 42; }

}  // namespace

TEST(FirstIds, TheSecondRecordOfAnIdNamesTheFirst) {
  Batch b({"ESC-1", "ESC-2", "ESC-1"});
  EXPECT_EQ(b.use(0), std::make_pair(std::size_t{0}, 0));
  EXPECT_EQ(b.use(1), std::make_pair(std::size_t{1}, 0));
  EXPECT_EQ(b.use(2), std::make_pair(std::size_t{0}, 2));  // record 0's id is on line 2
}

TEST(FirstIds, AThirdRecordStillNamesTheFirst) {
  Batch b({"ESC-7", "ESC-7", "ESC-7"});
  b.use(0);
  EXPECT_EQ(b.use(1), std::make_pair(std::size_t{0}, 2));
  EXPECT_EQ(b.use(2), std::make_pair(std::size_t{0}, 2));
}

TEST(FirstIds, IdsThatDifferOnlyAfterFortyCharactersAreDifferent) {
  const std::string stem(40, 'X');
  Batch b({stem + "-1", stem + "-2", stem, stem + "-1"});
  EXPECT_EQ(b.use(0).second, 0);
  EXPECT_EQ(b.use(1).second, 0);
  EXPECT_EQ(b.use(2).second, 0);
  EXPECT_EQ(b.use(3), std::make_pair(std::size_t{0}, 2));
}

TEST(FirstIds, EveryFingerprintCollidingIsStillExact) {
  Batch b({"A", "B", "C", "B", "D", "A", "C"}, &everything_collides);
  std::vector<std::pair<std::size_t, int>> got;
  for (std::size_t i = 0; i < b.ids.size(); ++i) got.push_back(b.use(i));
  const std::vector<std::pair<std::size_t, int>> want = {{0, 0}, {1, 0}, {2, 0}, {1, 3}, {4, 0}, {0, 2}, {2, 4}};
  EXPECT_EQ(got, want);
  EXPECT_GT(b.first.rereads(), 0u);  // the collisions were settled by reading the ids again
}

TEST(FirstIds, ARecordThatCannotBeReadAgainIsKept) {
  Batch b({"ESC-1", "ESC-1"}, &everything_collides);
  b.rereadable[0] = false;  // stdin
  b.use(0);
  EXPECT_EQ(b.use(1), std::make_pair(std::size_t{0}, 2));
  EXPECT_EQ(b.reads, 0u);
}

TEST(FirstIds, ARecordChangedSinceItWasReadNoLongerClaimsItsId) {
  Batch b({"ESC-1", "ESC-1"});
  b.use(0);
  b.ids[0] = "ESC-9";  // edited on disk meanwhile
  EXPECT_EQ(b.use(1).second, 0);
}

TEST(FirstIds, ALargeBatchOfDistinctIdsFindsNoDuplicateAndRarelyRereads) {
  std::vector<std::string> ids;
  for (int n = 1; n <= 100000; ++n) ids.push_back("ESC-BENCH-" + std::to_string(n));
  Batch b(ids);
  std::size_t duplicates = 0;
  for (std::size_t i = 0; i < ids.size(); ++i) duplicates += b.use(i).second != 0;
  EXPECT_EQ(duplicates, 0u);
  EXPECT_LT(b.first.rereads(), 500u);  // ~15 expected: 15-bit fingerprints beyond the slot
}
