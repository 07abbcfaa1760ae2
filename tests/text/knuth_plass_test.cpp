#include <gtest/gtest.h>

#include "text/knuth_plass.h"

using namespace appeal::text::kp;

namespace {

// Words of the given widths separated by glue (1 pt, stretch 2, shrink 1), then TeX's
// \parfillskip and the final forced break.
std::vector<Item> words(const std::vector<double>& widths) {
  std::vector<Item> items;
  for (size_t i = 0; i < widths.size(); ++i) {
    if (i) items.push_back(Item::glue(1, 2, 1));
    items.push_back(Item::box(widths[i]));
  }
  items.push_back(Item::penalty_item(0, kInfPenalty, false));
  items.push_back(Item::glue(0, 1e6, 0));
  items.push_back(Item::penalty_item(0, kForceBreak, false));
  return items;
}

TEST(KnuthPlass, HandComputedOptimumBeatsFirstFit) {
  // Words 3 3 3 4 4 2 on a 10 pt measure. First fit squeezes "4 4 2" onto line 2
  // (ratio -1, badness 100, demerits (10+100)^2 = 12100, total 12606.25). Total fit keeps
  // "4 4" (ratio +0.5, badness 12.5) and carries "2" to a third line:
  //   (10+12.5)^2 + (10+12.5)^2 + 10^2 = 506.25 + 506.25 + 100 = 1112.5.
  Params p;
  p.line_width = 10;
  const auto breaks = optimum_breaks(words({3, 3, 3, 4, 4, 2}), p);
  ASSERT_TRUE(breaks);
  ASSERT_EQ(breaks->size(), 3u);
  EXPECT_EQ((*breaks)[0].index, 5u);  // the glue after the third word
  EXPECT_EQ((*breaks)[1].index, 9u);  // the glue after the fifth word
  EXPECT_EQ((*breaks)[2].index, 13u);
  EXPECT_DOUBLE_EQ((*breaks)[0].ratio, -0.5);
  EXPECT_DOUBLE_EQ((*breaks)[1].ratio, 0.5);
  EXPECT_EQ((*breaks)[0].fitness, 2);
}

TEST(KnuthPlass, NoFeasibleBreaksWhenAWordIsWiderThanTheMeasure) {
  Params p;
  p.line_width = 10;
  EXPECT_FALSE(optimum_breaks(words({3, 14, 3}), p));
}

TEST(KnuthPlass, BadnessIsTeXs) {
  EXPECT_DOUBLE_EQ(badness(1, 2), 12.5);   // 100 × (1/2)^3
  EXPECT_DOUBLE_EQ(badness(3, 2), 337.5);  // 100 × 1.5^3
  EXPECT_DOUBLE_EQ(badness(1, 0), 10000);  // no stretch at all: infinitely bad
  EXPECT_DOUBLE_EQ(badness(0, 0), 0);
}

}  // namespace
