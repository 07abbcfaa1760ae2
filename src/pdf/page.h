// What the PDF writer draws: pages of positioned glyphs, rules and rectangles.
// Plain data in PDF user space (points, origin bottom-left); nothing here knows appeals.
#pragma once
#include <filesystem>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace appeal::pdf {

// A font file, or one face of a collection (.ttc/.otc, ISO/IEC 14496-22 §4.6).
struct FontFace {
  std::filesystem::path file;
  unsigned index = 0;
};

using FontRef = uint32_t;  // from Document::add_font

struct Rect {
  double x_pt = 0, y_pt = 0, w_pt = 0, h_pt = 0;
};

struct PageBoxes {
  Rect media;
  std::optional<Rect> crop, bleed, trim;  // written when set (ISO 32000-1 §14.11.2)
};

// A colour: DeviceGray, DeviceCMYK, or the registration colour for printer's marks
// (Separation /All: every plate at once, ISO 32000-1 §8.6.6.4).
struct Color {
  enum class Space : uint8_t { kGray, kCmyk, kAll };
  double level = 0;  // kGray: 0 = black, 1 = white; kAll: the tint, 1 = full
  Space space = Space::kGray;
  double c = 0, m = 0, y = 0, k = 0;  // kCmyk, 0..1

  static Color gray(double level) { return {level, Space::kGray}; }
  static Color cmyk(double c, double m, double y, double k) { return {0, Space::kCmyk, c, m, y, k}; }
  static Color registration() { return {1, Space::kAll}; }
  bool operator==(const Color& o) const {
    return space == o.space && level == o.level && c == o.c && m == o.m && y == o.y && k == o.k;
  }
  bool operator!=(const Color& o) const { return !(*this == o); }
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
  Color color;
  std::vector<GlyphOut> glyphs;
  // When set, the run extracts as this text instead of its glyphs' text (/ActualText,
  // ISO 32000-1 §14.9.4): a hyphenated word's first half carries the whole word, its
  // second half carries "" (PRINT-SPECS §11.2 variant C, checked with poppler 22.12).
  std::optional<std::string> actual_text;
  // Right-to-left words, glyphs in visual order. Text this writer adds for a glyph or a
  // cluster (/ActualText) is then in visual order too, like every other glyph of the run:
  // a reader's bidi pass (poppler's) turns the whole run back to logical order.
  bool rtl = false;
};

struct LineSeg {
  double x1_pt = 0, y1_pt = 0, x2_pt = 0, y2_pt = 0;
  double width_pt = 0.25;
  Color color;
  double dash_pt = 0;  // dash and gap length; 0 = solid
};

struct FilledRect {
  Rect rect;
  Color color;
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

using Item = std::variant<TextRun, LineSeg, FilledRect, ImageItem, FormItem>;

struct Page {
  PageBoxes boxes;
  std::vector<Item> items;
};

}  // namespace appeal::pdf
