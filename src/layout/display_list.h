// Finished pages: lines of glyphs at positions, and rules. Made by layout, read by the
// PDF renderer and by text dumps in tests.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "text/glyph_run.h"

namespace appeal::layout {

struct PlacedLine {
  text::Line line;
  std::shared_ptr<const std::string> text;  // the paragraph text the glyph spans index
  double x_pt = 0;
  double baseline_pt = 0;  // from the page top
};

struct Rule {  // from the page top-left, points
  double x1_pt = 0, y1_pt = 0, x2_pt = 0, y2_pt = 0;
  double width_pt = 0.25;
  double gray = 0;  // 0 black .. 1 white
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
  std::vector<PlacedLine> lines;
  std::vector<Rule> rules;
  std::vector<PlacedImage> images;
};

}  // namespace appeal::layout
