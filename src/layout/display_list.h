// Finished pages: lines of glyphs at positions, and rules. Made by layout, read by the
// PDF renderer and by text dumps in tests.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "text/glyph_run.h"

namespace appeal::layout {

// A colour as a layout states it: gray for office printing, CMYK for print shops, or the
// registration colour (every plate) for crop and fold marks.
struct Ink {
  enum class Kind : uint8_t { kGray, kCmyk, kRegistration };
  double gray = 0;  // kGray: 0 black .. 1 white
  Kind kind = Kind::kGray;
  double c = 0, m = 0, y = 0, k = 0;  // kCmyk, 0..1

  static Ink cmyk(double c, double m, double y, double k) { return {0, Kind::kCmyk, c, m, y, k}; }
  static Ink registration() { return {1, Kind::kRegistration}; }
};

struct Box {  // from the page top-left, points
  double x_pt = 0, y_pt = 0, w_pt = 0, h_pt = 0;
  double right_pt() const { return x_pt + w_pt; }
  double bottom_pt() const { return y_pt + h_pt; }
};

struct PlacedLine {
  text::Line line;
  std::shared_ptr<const std::string> text;  // the paragraph text the glyph spans index
  double x_pt = 0;
  double baseline_pt = 0;  // from the page top
  Ink ink;
};

struct Rule {  // from the page top-left, points
  double x1_pt = 0, y1_pt = 0, x2_pt = 0, y2_pt = 0;
  double width_pt = 0.25;
  Ink ink;
  double dash_pt = 0;  // dash and gap length; 0 = solid
};

struct FilledBox {
  Box box;
  Ink ink;
};

struct PlacedImage {  // from the page top-left, points
  std::string file;
  double x_pt = 0, y_pt = 0, w_pt = 0, h_pt = 0;
};

struct DisplayPage {
  double width_pt = 0, height_pt = 0;
  // Drawn first, in order: content shared by many pages (a merged letter's body, an
  // address block common to many letters). A renderer may write each once and reference
  // it from every page that shares the same pointer.
  std::vector<std::shared_ptr<const DisplayPage>> underlays;
  std::vector<FilledBox> boxes;  // drawn before the lines, rules and images
  std::vector<PlacedLine> lines;
  std::vector<Rule> rules;
  std::vector<PlacedImage> images;
  // Print-shop boxes (ISO 32000-1 §14.11.2): the finished size and the bleed around it;
  // unset for sheets that are their own finished size.
  std::optional<Box> trim, bleed;
};

}  // namespace appeal::layout
