// Pagination rules of layout::flow_pages: widows, orphans, kept chains.
#include <gtest/gtest.h>

#include <map>

#include "layout/flow.h"
#include "text/fonts.h"

using namespace appeal;
using namespace appeal::layout;

namespace {

class FlowTest : public ::testing::Test {
 protected:
  appeal::text::Typesetter ts{std::filesystem::path(APPEAL_SOURCE_DIR) / "fonts", test::hyphen_catalog()};
  appeal::text::FontId font = ts.font("PTSerif-Regular.ttf");

  // A paragraph that sets into exactly `n` lines on a 200 pt measure: n-1 copies of a
  // long word chain joined by forced line breaks would be artificial, so use hard breaks.
  Block para(int n, const std::string& tag) {
    std::string text;
    for (int i = 0; i < n; ++i) text += (i ? "\n" : "") + tag + " line " + std::to_string(i + 1);
    Block b = make_block(text, "en", font, 10, 12);
    b.measure.align = appeal::text::Align::kLeft;
    return b;
  }

  // Lines per page of the block whose text starts with `tag`.
  static std::map<size_t, int> per_page(const std::vector<DisplayPage>& pages, const std::string& tag) {
    std::map<size_t, int> out;
    for (size_t p = 0; p < pages.size(); ++p) {
      for (const PlacedLine& l : pages[p].lines) {
        if (l.text->rfind(tag, 0) == 0) ++out[p];
      }
    }
    return out;
  }

  Rect frame_of_lines(int n) { return Rect{50, 50, 200, 12.0 * n}; }
};

TEST_F(FlowTest, NoWidowAParagraphLeavesTwoLinesForTheNextPage) {
  // 9 lines of room after a 4-line paragraph: the 6-line paragraph would split 5 + 1.
  const std::vector<Block> blocks = {para(4, "A"), para(6, "B")};
  const auto pages = flow_pages(blocks, frame_of_lines(9), frame_of_lines(9), 600, 800, ts);
  const auto b = per_page(pages, "B");
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(b.at(0), 4);
  EXPECT_EQ(b.at(1), 2);
}

TEST_F(FlowTest, NoOrphanAParagraphDoesNotStartWithOneLineAtThePageEnd) {
  const std::vector<Block> blocks = {para(8, "A"), para(5, "B")};
  const auto pages = flow_pages(blocks, frame_of_lines(9), frame_of_lines(9), 600, 800, ts);
  const auto b = per_page(pages, "B");
  EXPECT_EQ(b.count(0), 0u) << "one line of B would be an orphan on page 1";
  EXPECT_EQ(b.at(1), 5);
}

TEST_F(FlowTest, ClosingTakesTwoLinesOfTheLastParagraphAlong) {
  // The paragraph fills page 1 exactly; the closing and signature must not stand alone.
  Block closing = para(1, "C");
  closing.keep_with_previous = true;
  closing.keep_with_next = true;
  Block signature = para(2, "S");
  signature.keep_together = true;
  const std::vector<Block> blocks = {para(9, "A"), closing, signature};
  const auto pages = flow_pages(blocks, frame_of_lines(9), frame_of_lines(9), 600, 800, ts);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(per_page(pages, "A").at(1), 2);
  EXPECT_EQ(per_page(pages, "C").at(1), 1);
  EXPECT_EQ(per_page(pages, "S").at(1), 2);
}

TEST_F(FlowTest, HeadingStaysWithTheFirstLinesOfItsParagraph) {
  Block heading = para(1, "H");
  heading.keep_with_next = true;
  const std::vector<Block> blocks = {para(7, "A"), heading, para(4, "B")};
  const auto pages = flow_pages(blocks, frame_of_lines(9), frame_of_lines(9), 600, 800, ts);
  EXPECT_EQ(per_page(pages, "H").count(0), 0u);
  EXPECT_EQ(per_page(pages, "H").at(1), 1);
  EXPECT_EQ(per_page(pages, "B").at(1), 4);
}

TEST_F(FlowTest, EverythingFitsOnOnePage) {
  const std::vector<Block> blocks = {para(3, "A"), para(3, "B")};
  const auto pages = flow_pages(blocks, frame_of_lines(9), frame_of_lines(9), 600, 800, ts);
  EXPECT_EQ(pages.size(), 1u);
}

// Columns on one page: filled left to right with the same widow rule; what does not fit
// is counted, not drawn.
TEST_F(FlowTest, ColumnsFillInOrderKeepWidowRulesAndCountTheOverflow) {
  const std::vector<Rect> columns = {Rect{50, 50, 200, 12.0 * 9}, Rect{300, 50, 200, 12.0 * 9}};
  const std::vector<Block> blocks = {para(4, "A"), para(6, "B"), para(9, "C")};
  const ColumnFlow out = flow_columns(blocks, columns, 600, 800, ts);
  int a_left = 0, b_left = 0, b_right = 0, c_right = 0;
  for (const PlacedLine& l : out.page.lines) {
    const bool left = l.x_pt < 250;
    const char tag = (*l.text)[0];
    if (tag == 'A' && left) ++a_left;
    if (tag == 'B') (left ? b_left : b_right)++;
    if (tag == 'C' && !left) ++c_right;
  }
  EXPECT_EQ(a_left, 4);
  EXPECT_EQ(b_left, 4);
  EXPECT_EQ(b_right, 2) << "two lines carried over, not one";
  EXPECT_EQ(c_right, 7);
  EXPECT_EQ(out.overflow_lines, 2u);
  EXPECT_EQ(out.overflow_text.substr(0, 1), "C");
}

TEST_F(FlowTest, ColumnsThatFitLeaveNoOverflow) {
  const ColumnFlow out = flow_columns({para(3, "A")}, {Rect{50, 50, 200, 120}}, 600, 800, ts);
  EXPECT_EQ(out.overflow_lines, 0u);
  EXPECT_EQ(out.page.lines.size(), 3u);
}

}  // namespace
