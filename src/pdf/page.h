// What the PDF writer draws: pages of positioned glyphs, rules and rectangles.
// Plain data in PDF user space (points, origin bottom-left; the Rect, Rule, FilledRect and
// Ink of common/geometry.h); nothing here knows appeals.
#pragma once
#include <filesystem>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "common/geometry.h"

namespace appeal::pdf {

// A font file, or one face of a collection (.ttc/.otc, ISO/IEC 14496-22 §4.6).
struct FontFace {
  std::filesystem::path file;
  unsigned index = 0;
};

using FontRef = uint32_t;  // from Document::add_font

struct PageBoxes {
  Rect media;
  std::optional<Rect> crop, bleed, trim;  // written when set (ISO 32000-1 §14.11.2)
};

struct GlyphOut {
  uint32_t gid = 0;
  double advance_pt = 0;  // where the next glyph starts, kerning/justification included
  double dx_pt = 0, dy_pt = 0;
  std::string text;       // UTF-8 this glyph stands for; empty for the 2nd.. glyph of a cluster
};

struct TextRun {
  FontRef font = 0;
  double size_pt = 0;
  double x_pt = 0, y_pt = 0;  // baseline origin of the first glyph
  Ink ink;
  std::vector<GlyphOut> glyphs;
  // When set, the run extracts as this text instead of its glyphs' text (/ActualText,
  // ISO 32000-1 §14.9.4): a hyphenated word's first half carries the whole word, its
  // second half carries "" (docs/print-geometry.md §7, checked with poppler 22.12).
  std::optional<std::string> actual_text;
  // Right-to-left words, glyphs in visual order. Text this writer adds for a glyph or a
  // cluster (/ActualText) is then in visual order too, like every other glyph of the run:
  // a reader's bidi pass (poppler's) turns the whole run back to logical order.
  bool rtl = false;
};

// A PNG or JPEG drawn into `rect`; the file is embedded once per document however often
// it is drawn. PNG alpha becomes a soft mask.
struct ImageItem {
  std::string file;
  Rect rect;
};

using FormRef = uint32_t;  // from Document::add_form

// Content written once as a form XObject (ISO 32000-1 §8.10) and drawn here.
struct FormItem {
  FormRef form = 0;
};

using Item = std::variant<TextRun, Rule, FilledRect, ImageItem, FormItem>;

struct Page {
  PageBoxes boxes;
  std::vector<Item> items;
};

}  // namespace appeal::pdf
