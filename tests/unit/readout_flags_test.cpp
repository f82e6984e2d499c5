// The timeline strip's label placement (readout::place_flags): whatever the marks, no two
// labels on a level overlap, no pole runs through a lower label, every label stays on the
// page, and the levels stay few, also on a dense strip.
#include <gtest/gtest.h>

#include <vector>

#include "render/readout_layout.h"

namespace esc::readout {
namespace {

struct Extent {
  double x0, x1, t0, t1;
};

Extent extent(const FlagBox& f) {
  return f.right_aligned ? Extent{f.x - 3 - f.width, f.x, f.x - 3 - f.width, f.x - 3}
                         : Extent{f.x, f.x + 3 + f.width, f.x + 3, f.x + 3 + f.width};
}

// Every rule the strip's drawing relies on.
void expect_clean(const std::vector<FlagBox>& flags, int levels, double x_min, double x_max) {
  for (std::size_t a = 0; a < flags.size(); ++a) {
    const Extent ea = extent(flags[a]);
    EXPECT_GE(flags[a].level, 0);
    EXPECT_LT(flags[a].level, levels) << "flag " << a;
    EXPECT_GE(ea.x0, x_min) << "flag " << a;
    EXPECT_LE(ea.x1, x_max) << "flag " << a;
    for (std::size_t b = 0; b < flags.size(); ++b) {
      if (a == b) continue;
      const Extent eb = extent(flags[b]);
      if (flags[a].level == flags[b].level) {
        EXPECT_FALSE(ea.x0 < eb.x1 + 5 && eb.x0 < ea.x1 + 5) << "labels " << a << " and " << b << " overlap";
      } else if (flags[a].level < flags[b].level) {
        EXPECT_FALSE(flags[b].x > ea.t0 - 1.5 && flags[b].x < ea.t1 + 1.5)
            << "pole of " << b << " runs through the label of " << a;
      }
    }
  }
}

std::vector<FlagBox> boxes(const std::vector<std::pair<double, double>>& xw) {
  std::vector<FlagBox> out;
  for (auto [x, w] : xw) out.push_back(FlagBox{x, w});
  return out;
}

TEST(PlaceFlags, NoneIsNoLevel) {
  std::vector<FlagBox> flags;
  EXPECT_EQ(place_flags(flags, 0, 500), 0);
}

TEST(PlaceFlags, FarApartShareTheAxis) {
  auto flags = boxes({{60, 50}, {200, 50}, {340, 50}});
  const int levels = place_flags(flags, 0, 500);
  EXPECT_EQ(levels, 1);
  expect_clean(flags, levels, 0, 500);
}

TEST(PlaceFlags, NearTheRightEdgeTheTextGoesLeft) {
  auto flags = boxes({{60, 50}, {480, 60}});
  const int levels = place_flags(flags, 0, 500);
  EXPECT_EQ(levels, 1);
  EXPECT_TRUE(flags[1].right_aligned);
  EXPECT_FALSE(flags[0].right_aligned);
  expect_clean(flags, levels, 0, 500);
}

TEST(PlaceFlags, PolesWithinFivePointsNeverShareALevel) {
  auto flags = boxes({{100, 40}, {102, 40}, {104, 40}});
  const int levels = place_flags(flags, 0, 500);
  EXPECT_EQ(levels, 3);
  expect_clean(flags, levels, 0, 500);
}

// Twelve marks crowded into 80 pt: the old exhaustive search spent its 200,000-node budget
// (tens of milliseconds) and fell back to one level per flag; the greedy pass and the row
// packing need ten levels, at once.
TEST(PlaceFlags, DenseStripStaysCleanAndCompact) {
  auto flags = boxes({{74, 71}, {82, 72}, {85, 89}, {98, 71}, {113, 64}, {113, 49},
                      {114, 81}, {118, 57}, {125, 85}, {141, 71}, {143, 74}, {149, 57}});
  const int levels = place_flags(flags, 0, 500);
  expect_clean(flags, levels, 0, 500);
  EXPECT_LE(levels, 10);
}

// Many random strips: always clean, never more levels than flags.
TEST(PlaceFlags, RandomStripsAreAlwaysClean) {
  unsigned seed = 12345;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % 1000;
  };
  for (int round = 0; round < 300; ++round) {
    std::vector<FlagBox> flags;
    const int n = 1 + static_cast<int>(next() % 12);
    double x = 60;
    for (int i = 0; i < n; ++i) {
      x += static_cast<double>(next() % 60);
      flags.push_back(FlagBox{std::min(x, 495.0), 30.0 + static_cast<double>(next() % 60)});
    }
    const int levels = place_flags(flags, 0, 500);
    EXPECT_LE(levels, n);
    expect_clean(flags, levels, 0, 500);
    if (HasFailure()) FAIL() << "round " << round;
  }
}

}  // namespace
}  // namespace esc::readout
