// Geometry of a folded, two-sided leaflet read from layouts/leaflet-*.json: the finished
// (trim) size, bleed, safe margins, printer's marks, and the panels of each side with
// what each holds. Millimetres in the file, points here, origin at the sheet's top-left.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "layout/display_list.h"
#include "layout/layout_spec.h"

namespace appeal::layout {

struct LeafletPanel {
  double width_pt = 0;
  // Sections stacked top to bottom, or {"flow"}: a column the flowed sections run through.
  std::vector<std::string> content;
};

struct LeafletSide {
  std::string name;  // "outside", "inside"
  std::vector<LeafletPanel> panels;  // left to right as printed
};

struct LeafletSpec {
  std::filesystem::path file;
  std::string name, description;
  double trim_w_pt = 0, trim_h_pt = 0;   // the finished, unfolded sheet
  double bleed_pt = 0;                   // printed beyond the trim on every edge
  double safe_pt = 0;                    // text kept this far inside the trim
  double fold_safe_pt = 0;               // and this far from each fold
  double mark_offset_pt = 0, mark_length_pt = 0, mark_width_pt = 0.25;  // crop and fold marks
  std::string duplex;                    // "short-edge": the back is mirrored left to right
  std::vector<LeafletSide> sides;        // exactly two: outside, then inside
  std::vector<std::string> flow;         // sections flowed through the "flow" panels, in order
  std::map<std::string, TextStyleSpec> styles;
  Ink text_ink = Ink::cmyk(0, 0, 0, 1);  // 100 % K, not rich black
  Ink cover_ink;                         // the cover's background, bled off the trim
  double min_scale = 1;                  // text may shrink to this fraction to fit

  double margin_pt() const { return mark_offset_pt + mark_length_pt; }  // around the trim
  double sheet_w_pt() const { return trim_w_pt + 2 * margin_pt(); }
  double sheet_h_pt() const { return trim_h_pt + 2 * margin_pt(); }
  Box trim() const { return {margin_pt(), margin_pt(), trim_w_pt, trim_h_pt}; }
  Box bleed() const;
  Box panel(size_t side, size_t index) const;      // the panel's finished area
  Frame text_frame(size_t side, size_t index) const;  // minus safe and fold margins
  const TextStyleSpec& style(const std::string& name) const;
};

// Reads and checks a leaflet layout (panels fill the trim width, the inside mirrors the
// outside, marks clear the bleed). Errors name the file and JSON pointer.
LeafletSpec load_leaflet(const std::filesystem::path& file);

}  // namespace appeal::layout
