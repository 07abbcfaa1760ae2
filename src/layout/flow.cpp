#include "layout/flow.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

namespace appeal::layout {

const char* role_name(Role role) {
  switch (role) {
    case Role::kParagraph:
      return "P";
    case Role::kTitle:
      return "H1";
    case Role::kHeading:
      return "H2";
    case Role::kListItem:
      return "LI";
    case Role::kAddress:
      return "Address";
    case Role::kSignature:
      return "Signature";
    case Role::kCaption:
      return "Caption";
    case Role::kLink:
      return "Link";
    case Role::kFigure:
      return "Figure";
    case Role::kArtifact:
      break;
  }
  return "Artifact";
}


Block make_block(std::string text, const std::string& language, text::FontId font, double size_pt,
                 double leading_pt) {
  Block b;
  const auto len = static_cast<uint32_t>(text.size());
  b.text = std::make_shared<const std::string>(std::move(text));
  b.language = language;
  b.styles.push_back({{0, len}, font, size_pt, std::nullopt});
  b.leading_pt = leading_pt;
  return b;
}

SetBlock set_block(const Block& block, double width_pt, text::Typesetter& ts) {
  text::Paragraph para;
  para.text = *block.text;
  para.language = block.language;
  para.styles = ts.fallback().resolve(ts.fonts(), para.text, block.styles);
  para.unbreakable_words = block.unbreakable_words;
  para.direction = block.direction;
  para.rules = ts.hyphen_rules(block.language);
  text::Measure m = block.measure;
  if (m.width_pt <= 0) m.width_pt = width_pt;
  // Only a block that hyphenates waits for the patterns (see text::Typesetter::preload_hyphenators).
  static const text::HyphenatorSet kNone;
  const text::HyphenatorSet& hyphenators = m.hyphenate ? ts.hyphenators(block.language) : kNone;
  return {text::set_paragraph(para, m, ts.fonts(), hyphenators), &block};
}

namespace {

double block_height(const SetBlock& s) {
  return s.lines.empty() ? 0 : s.block->leading_pt * static_cast<double>(s.lines.size());
}

// Baseline of a line whose box starts at `top`: the text sits in a box one leading high,
// with the ascender-to-descender extent centred in it, but never rising above the box
// (tight leading), so a frame's first line stays inside the frame.
double baseline_in(double top, const text::Line& line, double leading) {
  return top + std::max(0.0, (leading - (line.ascent_pt + line.descent_pt)) / 2) + line.ascent_pt;
}

// How far the last line's descender reaches below its leading box.
double overhang(const text::Line& line, double leading) {
  return std::max(0.0, line.ascent_pt + line.descent_pt - leading);
}

void emit_line(DisplayPage& page, const SetBlock& s, size_t i, double x, double top) {
  PlacedLine pl;
  pl.line = s.lines[i];
  pl.text = s.block->text;
  pl.x_pt = x;
  pl.baseline_pt = baseline_in(top, pl.line, s.block->leading_pt);
  pl.role = s.block->role;
  pl.language = s.block->language;
  pl.unit = page.units;
  page.lines.push_back(std::move(pl));
}

void emit_rules(DisplayPage& page, const Block& b, double x, double y) {
  for (Rule r : b.rules_after) {
    r.x1_pt += x, r.x2_pt += x, r.y1_pt += y, r.y2_pt += y;
    page.rules.push_back(r);
  }
  for (PlacedImage img : b.images_after) {
    img.rect.x_pt += x, img.rect.y_pt += y;
    page.images.push_back(img);
  }
}

}  // namespace

bool place_in_frame(const std::vector<Block>& blocks, const Rect& frame, text::Typesetter& ts,
                    DisplayPage& page, bool align_bottom) {
  std::vector<SetBlock> set;
  for (const Block& b : blocks) set.push_back(set_block(b, frame.w_pt, ts));
  return place_in_frame(set, frame, page, align_bottom);
}

bool place_in_frame(const std::vector<SetBlock>& set, const Rect& frame, DisplayPage& page, bool align_bottom) {
  const double h = stacked_height(set);
  if (h > frame.h_pt + 0.01) return false;
  double y = align_bottom ? frame.bottom_pt() - h : frame.y_pt;
  ++page.units;
  for (size_t i = 0; i < set.size(); ++i) {
    const Block& b = *set[i].block;
    if (i) y += b.space_before_pt;
    for (size_t k = 0; k < set[i].lines.size(); ++k) {
      emit_line(page, set[i], k, frame.x_pt, y);
      y += b.leading_pt;
    }
    emit_rules(page, b, frame.x_pt, y);
    y += b.space_after_pt;
  }
  return true;
}

namespace {

constexpr size_t kMinLines = 2;  // widow and orphan minimum (lines on each side of a break)

class Paginator {
 public:
  // Page k uses frames[k], the last frame for every page after it.
  Paginator(const std::vector<Block>& blocks, std::vector<SetBlock> set, std::vector<Rect> frames, double page_w,
            double page_h)
      : blocks_(blocks), set_(std::move(set)), frames_(std::move(frames)), page_w_(page_w), page_h_(page_h) {
    new_page();
  }

  std::vector<DisplayPage> run(std::vector<BlockPlacement>* placements) {
    for (size_t i = 0; i < set_.size(); ++i) {
      place(i);
      if (placements) placements->push_back(last_);
    }
    return std::move(pages_);
  }

 private:
  size_t lines(size_t i) const { return set_[i].lines.size(); }
  double lead(size_t i) const { return blocks_[i].leading_pt; }
  double height(size_t i, size_t n) const { return static_cast<double>(n) * lead(i); }

  // Height block i needs before it may start on a page: the part that must not be split
  // from its start, and the chain of blocks kept with it.
  double start_need(size_t i) const {
    const Block& b = blocks_[i];
    double need = height(i, b.keep_together || b.keep_with_next ? lines(i) : std::min(kMinLines, lines(i)));
    if (b.keep_with_next && i + 1 < set_.size()) {
      need += b.space_after_pt + blocks_[i + 1].space_before_pt + start_need(i + 1);
    }
    return need;
  }

  double room() const { return frame_->bottom_pt() - y_; }

  void new_page() {
    pages_.emplace_back();
    pages_.back().width_pt = page_w_, pages_.back().height_pt = page_h_;
    frame_ = &frames_[std::min(pages_.size(), frames_.size()) - 1];
    y_ = frame_->y_pt;
    empty_ = true;
  }

  void emit(size_t i, size_t from, size_t to) {
    for (size_t k = from; k < to; ++k) {
      emit_line(pages_.back(), set_[i], k, frame_->x_pt, y_);
      y_ += lead(i);
      empty_ = false;
    }
  }

  void place(size_t i) {
    const Block& b = blocks_[i];
    if (!empty_) y_ += b.space_before_pt;
    if (!empty_ && start_need(i) > room() + 0.01) {
      new_page();
    }
    last_.top_pt = y_;
    const size_t n = lines(i);
    // What follows and must share this block's last lines: the next block's kept start.
    const bool next_clings = i + 1 < set_.size() && blocks_[i + 1].keep_with_previous;
    const double tail = next_clings ? b.space_after_pt + blocks_[i + 1].space_before_pt + start_need(i + 1) : 0;
    size_t done = 0;
    while (done < n) {
      const size_t left = n - done;
      const auto fit = static_cast<size_t>(std::max(0.0, std::floor((room() + 0.01) / lead(i))));
      if (fit >= left && (tail == 0 || height(i, left) + tail <= room() + 0.01)) {
        emit(i, done, n);
        done = n;
        break;
      }
      // Split: keep two lines here and two there, and two with a clinging successor.
      size_t here = std::min(fit, left);
      if (b.keep_together) here = 0;
      if (left - here < kMinLines) here = left >= kMinLines ? left - kMinLines : 0;
      if (here < kMinLines && !(empty_ && here > 0)) here = 0;
      if (empty_ && here == 0) here = std::min(fit > 0 ? fit : 1, left);  // a page must take something
      emit(i, done, done + here);
      done += here;
      if (done < n) new_page();
    }
    emit_rules(pages_.back(), b, frame_->x_pt, y_);
    last_.page = pages_.size() - 1;
    last_.x_pt = frame_->x_pt;
    last_.bottom_pt = y_;
    if (set_[i].lines.size() <= 1 || last_.top_pt > y_) last_.top_pt = y_ - height(i, set_[i].lines.size());
    y_ += b.space_after_pt;
  }

  const std::vector<Block>& blocks_;
  std::vector<SetBlock> set_;
  std::vector<Rect> frames_;
  double page_w_, page_h_;
  std::vector<DisplayPage> pages_;
  const Rect* frame_ = nullptr;
  double y_ = 0;
  bool empty_ = true;
  BlockPlacement last_;
};

}  // namespace

std::vector<DisplayPage> flow_pages(const std::vector<Block>& blocks, const Rect& first,
                                    const Rect& next, double page_w_pt, double page_h_pt,
                                    text::Typesetter& ts, std::vector<BlockPlacement>* placements) {
  std::vector<SetBlock> set;
  for (const Block& b : blocks) set.push_back(set_block(b, first.w_pt, ts));
  return flow_set_pages(blocks, std::move(set), first, next, page_w_pt, page_h_pt, placements);
}

std::vector<DisplayPage> flow_set_pages(const std::vector<Block>& blocks, std::vector<SetBlock> set, const Rect& first,
                                        const Rect& next, double page_w_pt, double page_h_pt,
                                        std::vector<BlockPlacement>* placements) {
  if (std::abs(first.w_pt - next.w_pt) > 0.01) {
    throw std::logic_error("flow_pages: continuation frame must have the first frame's width");
  }
  if (set.size() != blocks.size()) throw std::logic_error("flow_set_pages: a set block for every block");
  return Paginator(blocks, std::move(set), {first, next}, page_w_pt, page_h_pt).run(placements);
}

PlacedLine place_set_line(const SetBlock& s, size_t i, double x_pt, double top_pt) {
  DisplayPage page;
  emit_line(page, s, i, x_pt, top_pt);
  return std::move(page.lines.front());
}

double placeholder_top(const PlacedLine& l, double leading_pt) {
  return l.baseline_pt - baseline_in(0, l.line, leading_pt);
}

ColumnFlow flow_columns(const std::vector<Block>& blocks, const std::vector<Rect>& columns, double page_w_pt,
                        double page_h_pt, text::Typesetter& ts) {
  if (columns.empty()) throw std::logic_error("flow_columns: no columns");
  for (const Rect& c : columns) {
    if (std::abs(c.w_pt - columns.front().w_pt) > 0.01) throw std::logic_error("flow_columns: columns differ in width");
  }
  std::vector<SetBlock> set;
  for (const Block& b : blocks) set.push_back(set_block(b, columns.front().w_pt, ts));
  // One more column like the last catches what does not fit, to say how much that is.
  std::vector<Rect> frames = columns;
  frames.push_back(columns.back());
  std::vector<DisplayPage> pages = Paginator(blocks, std::move(set), frames, page_w_pt, page_h_pt).run(nullptr);
  ColumnFlow out;
  out.page.width_pt = page_w_pt;
  out.page.height_pt = page_h_pt;
  for (size_t k = 0; k < pages.size(); ++k) {
    DisplayPage& p = pages[k];
    if (k < columns.size()) {
      for (auto& l : p.lines) out.page.lines.push_back(std::move(l));
      for (auto& r : p.rules) out.page.rules.push_back(r);
      for (auto& i : p.images) out.page.images.push_back(i);
    } else {
      out.overflow_lines += p.lines.size();
      if (!p.lines.empty()) {
        out.overflow_pt += p.lines.back().baseline_pt - columns.back().y_pt;
        out.overflow_text += p.lines.size() ? *p.lines.front().text : "";
      }
    }
  }
  return out;
}

double stacked_height(const std::vector<SetBlock>& set) {
  double h = 0;
  for (size_t i = 0; i < set.size(); ++i) {
    const Block& b = *set[i].block;
    h += (i ? b.space_before_pt : 0) + block_height(set[i]);
    if (i + 1 < set.size()) h += b.space_after_pt;
  }
  for (auto it = set.rbegin(); it != set.rend(); ++it) {
    if (it->lines.empty()) continue;
    h += overhang(it->lines.back(), it->block->leading_pt);
    break;
  }
  return h;
}

PlacedLine place_line(const Block& block, double x_pt, double baseline_pt, text::Typesetter& ts) {
  SetBlock set = set_block(block, 1e6, ts);
  PlacedLine pl;
  if (!set.lines.empty()) pl.line = std::move(set.lines.front());
  // Starts at x_pt whatever its direction (a right-to-left line would align to the right
  // end of the unbounded measure).
  if (!pl.line.runs.empty()) {
    double left = pl.line.runs.front().x_pt;
    for (const text::GlyphRun& r : pl.line.runs) left = std::min(left, r.x_pt);
    for (text::GlyphRun& r : pl.line.runs) r.x_pt -= left;
  }
  pl.text = block.text;
  pl.x_pt = x_pt;
  pl.baseline_pt = baseline_pt;
  pl.role = block.role;
  pl.language = block.language;
  return pl;
}

double first_baseline(const Block& block, double top_pt, text::Typesetter& ts) {
  const SetBlock set = set_block(block, 1e6, ts);
  return set.lines.empty() ? top_pt : baseline_in(top_pt, set.lines.front(), block.leading_pt);
}

}  // namespace appeal::layout
