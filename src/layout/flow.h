// Sets blocks of paragraphs into frames and flows them across pages.
#pragma once
#include <filesystem>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "layout/display_list.h"
#include "layout/layout_spec.h"
#include "text/font_cache.h"
#include "text/paragraph.h"
#include "text/typesetter.h"

namespace appeal::layout {

struct Block {
  std::shared_ptr<const std::string> text;
  std::string language = "en";
  std::vector<text::StyleSpan> styles;  // spans over *text
  double leading_pt = 14;
  text::Measure measure;                // width_pt is filled from the frame when 0
  double space_before_pt = 0;
  double space_after_pt = 0;
  bool keep_together = false;           // never split across pages
  bool keep_with_next = false;          // on the same page as the next block's first lines
  bool keep_with_previous = false;      // on the same page as the previous block's last lines
  std::vector<Rule> rules_after;        // drawn below the block's last line, relative to it
  std::vector<PlacedImage> images_after;  // same, e.g. a signature above the rule
  std::vector<std::string> unbreakable_words;  // never hyphenated (see text::Paragraph)
  text::Direction direction = text::Direction::kAuto;  // see text::Paragraph
  Role role = Role::kParagraph;         // given to every line placed from the block
};

// One style over the whole text.
Block make_block(std::string text, const std::string& language, text::FontId font, double size_pt,
                 double leading_pt);

struct SetBlock {
  std::vector<text::Line> lines;
  const Block* block = nullptr;
};

SetBlock set_block(const Block& block, double width_pt, text::Typesetter& ts);

// Places blocks top-down in `frame`. Returns false (placing nothing) if they do not fit.
bool place_in_frame(const std::vector<Block>& blocks, const Rect& frame, text::Typesetter& ts,
                    DisplayPage& page, bool align_bottom = false);
// The same for blocks already set to frame.w_pt (each SetBlock's block must outlive the call).
bool place_in_frame(const std::vector<SetBlock>& set, const Rect& frame, DisplayPage& page,
                    bool align_bottom = false);

// Flows blocks through `first` on page 1 and `next` on later pages (at least one page).
// Pagination rules: a paragraph split across pages leaves at least two lines on each side
// (no orphans, no widows); keep_with_next / keep_with_previous chains stay together with
// at least two lines of their neighbour; keep_together blocks never split.
// Where a block ended up: the page and the frame x of its last line, and the y (from the
// page top) where its leading box starts and where it ends (before space_after).
struct BlockPlacement {
  size_t page = 0;
  double x_pt = 0, top_pt = 0, bottom_pt = 0;
};

std::vector<DisplayPage> flow_pages(const std::vector<Block>& blocks, const Rect& first,
                                    const Rect& next, double page_w_pt, double page_h_pt,
                                    text::Typesetter& ts, std::vector<BlockPlacement>* placements = nullptr);

// The same for blocks already set to first.w_pt (set[i].block is the block of blocks[i]):
// a letter with a paragraph more flows again without setting the others again.
std::vector<DisplayPage> flow_set_pages(const std::vector<Block>& blocks, std::vector<SetBlock> set, const Rect& first,
                                        const Rect& next, double page_w_pt, double page_h_pt,
                                        std::vector<BlockPlacement>* placements = nullptr);

// Line i of a set block with its leading box's top at `top_pt`, as a flow places it.
PlacedLine place_set_line(const SetBlock& s, size_t i, double x_pt, double top_pt);
// The top of the leading box of a placed line of `s` whose lines have no ascent or descent
// (placeholders keeping room for lines set later): place_set_line's inverse.
double placeholder_top(const PlacedLine& l, double leading_pt);

// Flows blocks through columns on one page, in order, with the same pagination rules.
// What does not fit is counted, not placed: the caller decides to shrink or to fail.
struct ColumnFlow {
  DisplayPage page;            // the placed lines (page size as given)
  size_t overflow_lines = 0;   // lines that did not fit
  double overflow_pt = 0;      // about how much column height they need
  std::string overflow_text;   // the text of the first paragraph left over (for messages)
};
ColumnFlow flow_columns(const std::vector<Block>& blocks, const std::vector<Rect>& columns, double page_w_pt,
                        double page_h_pt, text::Typesetter& ts);

// The height set blocks take stacked (space between them, the last line's descent).
double stacked_height(const std::vector<SetBlock>& set);

// Sets one line of text (no wrapping) with its baseline at `baseline_pt`.
PlacedLine place_line(const Block& block, double x_pt, double baseline_pt, text::Typesetter& ts);

// The baseline of a block's first line whose leading box starts at `top_pt`.
double first_baseline(const Block& block, double top_pt, text::Typesetter& ts);

}  // namespace appeal::layout
