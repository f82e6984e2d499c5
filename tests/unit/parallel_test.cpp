// pipeline/parallel: every item produced once, consumed in index order one call at a time, the
// workers never more than the window ahead, and an exception from either side reaches the caller.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "pipeline/parallel.h"

using esc::for_each_ordered;

namespace {

TEST(ForEachOrdered, ConsumesEveryItemInOrderOneAtATime) {
  for (unsigned jobs : {1u, 2u, 3u, 8u}) {
    for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{777}}) {
      std::vector<std::size_t> seen;
      std::atomic<int> inside{0}, most_inside{0};
      std::atomic<std::size_t> produced{0};
      for_each_ordered<std::size_t>(
          n, jobs,
          [&](std::size_t i) {
            ++produced;
            return i * 3 + 1;
          },
          [&](std::size_t i, std::size_t value) {
            const int now = ++inside;
            most_inside = std::max(most_inside.load(), now);
            EXPECT_EQ(value, i * 3 + 1);
            seen.push_back(i);
            --inside;
          });
      ASSERT_EQ(seen.size(), n) << "jobs " << jobs;
      for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(seen[i], i) << "jobs " << jobs;
      EXPECT_EQ(produced.load(), n);
      EXPECT_LE(most_inside.load(), 1) << "consume ran concurrently with itself, jobs " << jobs;
    }
  }
}

TEST(ForEachOrdered, WorkersStayWithinTheWindow) {
  const unsigned jobs = 3;
  const std::size_t window = 4 * jobs;
  std::atomic<std::size_t> consumed{0};
  std::atomic<std::size_t> furthest_ahead{0};
  for_each_ordered<int>(
      2000, jobs,
      [&](std::size_t i) {
        const std::size_t c = consumed.load();
        if (i >= c) furthest_ahead = std::max(furthest_ahead.load(), i - c);
        return 0;
      },
      [&](std::size_t, int) { ++consumed; });
  EXPECT_LT(furthest_ahead.load(), window);
  EXPECT_EQ(consumed.load(), 2000u);
}

TEST(ForEachOrdered, AnExceptionFromProduceReachesTheCaller) {
  for (unsigned jobs : {1u, 2u, 4u}) {
    std::atomic<std::size_t> consumed{0};
    EXPECT_THROW(for_each_ordered<int>(
                     500, jobs,
                     [](std::size_t i) {
                       if (i == 123) throw std::runtime_error("record 123");
                       return 0;
                     },
                     [&](std::size_t, int) { ++consumed; }),
                 std::runtime_error);
    EXPECT_LE(consumed.load(), 123u);
  }
}

TEST(ForEachOrdered, AnExceptionFromConsumeReachesTheCaller) {
  for (unsigned jobs : {1u, 2u, 4u}) {
    std::size_t consumed = 0;
    EXPECT_THROW(for_each_ordered<int>(
                     500, jobs, [](std::size_t) { return 0; },
                     [&](std::size_t i, int) {
                       if (i == 40) throw std::runtime_error("disk full");
                       ++consumed;
                     }),
                 std::runtime_error);
    EXPECT_EQ(consumed, 40u);
  }
}

}  // namespace
