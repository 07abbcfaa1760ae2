#include "layout/flow.h"

#include <stdexcept>

namespace appeal::layout {

Typesetter::Typesetter(std::filesystem::path font_dir, std::filesystem::path hyphen_dir)
    : font_dir_(std::move(font_dir)) {
  // Minima: ru 2/2 is Russian typesetting practice; en 2/3 is TeX's \righthyphenmin for
  // English. Kazakh has no patterns in Debian 12 (PRINT-SPECS §10), so it is not hyphenated.
  const struct {
    const char* lang;
    const char* file;
    text::HyphenMinima minima;
  } dicts[] = {{"ru", "hyph_ru_RU.dic", {2, 2}}, {"en", "hyph_en_US.dic", {2, 3}}};
  for (const auto& d : dicts) {
    hyphenators_.push_back(std::make_unique<text::Hyphenator>(hyphen_dir / d.file, d.minima));
    hyphen_set_[d.lang] = hyphenators_.back().get();
  }
}

text::FontId Typesetter::font(const std::string& file_name) { return fonts_.load(font_dir_ / file_name); }

Block make_block(std::string text, const std::string& language, text::FontId font, double size_pt,
                 double leading_pt) {
  Block b;
  const auto len = static_cast<uint32_t>(text.size());
  b.text = std::make_shared<const std::string>(std::move(text));
  b.language = language;
  b.styles.push_back({{0, len}, font, size_pt});
  b.leading_pt = leading_pt;
  return b;
}

SetBlock set_block(const Block& block, double width_pt, Typesetter& ts) {
  text::Paragraph para;
  para.text = *block.text;
  para.language = block.language;
  para.styles = block.styles;
  para.unbreakable_words = block.unbreakable_words;
  text::Measure m = block.measure;
  if (m.width_pt <= 0) m.width_pt = width_pt;
  return {text::set_paragraph(para, m, ts.fonts(), ts.hyphenators()), &block};
}

namespace {

double block_height(const SetBlock& s) {
  return s.lines.empty() ? 0 : s.block->leading_pt * static_cast<double>(s.lines.size());
}

// Baseline of a line whose box starts at `top`: the text sits in a box one leading high,
// with the ascender-to-descender extent centred in it.
double baseline_in(double top, const text::Line& line, double leading) {
  return top + (leading - (line.ascent_pt + line.descent_pt)) / 2 + line.ascent_pt;
}

void emit_line(DisplayPage& page, const SetBlock& s, size_t i, double x, double top) {
  PlacedLine pl;
  pl.line = s.lines[i];
  pl.text = s.block->text;
  pl.x_pt = x;
  pl.baseline_pt = baseline_in(top, pl.line, s.block->leading_pt);
  page.lines.push_back(std::move(pl));
}

void emit_rules(DisplayPage& page, const Block& b, double x, double y) {
  for (Rule r : b.rules_after) {
    r.x1_pt += x, r.x2_pt += x, r.y1_pt += y, r.y2_pt += y;
    page.rules.push_back(r);
  }
}

}  // namespace

bool place_in_frame(const std::vector<Block>& blocks, const Frame& frame, Typesetter& ts,
                    DisplayPage& page, bool align_bottom) {
  std::vector<SetBlock> set;
  double h = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    set.push_back(set_block(blocks[i], frame.w_pt, ts));
    h += (i ? blocks[i].space_before_pt : 0) + block_height(set.back());
    if (i + 1 < blocks.size()) h += blocks[i].space_after_pt;
  }
  if (h > frame.h_pt + 0.01) return false;
  double y = align_bottom ? frame.bottom_pt() - h : frame.y_pt;
  for (size_t i = 0; i < set.size(); ++i) {
    if (i) y += blocks[i].space_before_pt;
    for (size_t k = 0; k < set[i].lines.size(); ++k) {
      emit_line(page, set[i], k, frame.x_pt, y);
      y += blocks[i].leading_pt;
    }
    emit_rules(page, blocks[i], frame.x_pt, y);
    y += blocks[i].space_after_pt;
  }
  return true;
}

std::vector<DisplayPage> flow_pages(const std::vector<Block>& blocks, const Frame& first,
                                    const Frame& next, double page_w_pt, double page_h_pt,
                                    Typesetter& ts) {
  std::vector<SetBlock> set;
  for (const Block& b : blocks) set.push_back(set_block(b, first.w_pt, ts));
  if (std::abs(first.w_pt - next.w_pt) > 0.01) {
    throw std::logic_error("flow_pages: continuation frame must have the first frame's width");
  }

  std::vector<DisplayPage> pages(1);
  pages.back().width_pt = page_w_pt, pages.back().height_pt = page_h_pt;
  const Frame* frame = &first;
  double y = frame->y_pt;
  bool page_empty = true;
  const auto new_page = [&] {
    pages.emplace_back();
    pages.back().width_pt = page_w_pt, pages.back().height_pt = page_h_pt;
    frame = &next;
    y = frame->y_pt;
    page_empty = true;
  };

  for (size_t i = 0; i < set.size(); ++i) {
    const Block& b = blocks[i];
    const double lead = b.leading_pt;
    if (!page_empty) y += b.space_before_pt;
    // Room this block needs before it may start here: all of it when kept together, plus
    // the next block's first two lines when kept with it (no orphaned closing).
    double need = b.keep_together ? block_height(set[i]) : std::min<double>(2, set[i].lines.size()) * lead;
    if (b.keep_with_next && i + 1 < set.size()) {
      need = block_height(set[i]) + b.space_after_pt + blocks[i + 1].space_before_pt +
             (blocks[i + 1].keep_together ? block_height(set[i + 1])
                                          : std::min<double>(2, set[i + 1].lines.size()) * blocks[i + 1].leading_pt);
    }
    if (!page_empty && y + need > frame->bottom_pt() + 0.01) new_page();
    for (size_t k = 0; k < set[i].lines.size(); ++k) {
      if (!page_empty && y + lead > frame->bottom_pt() + 0.01) new_page();
      emit_line(pages.back(), set[i], k, frame->x_pt, y);
      y += lead;
      page_empty = false;
    }
    emit_rules(pages.back(), b, frame->x_pt, y);
    y += b.space_after_pt;
  }
  return pages;
}

}  // namespace appeal::layout
