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
  // Where a reader meets the panel, from 0: the cover first, then the inside, the back
  // last (layout "read", from 1). Screen readers follow it (render/reading_order.h).
  uint16_t reading = 0;
};

struct LeafletSide {
  std::string name;  // "outside", "inside"
  std::vector<LeafletPanel> panels;  // left to right as printed
};

// Vertical space between the parts of a panel, in lines of the body style's leading
// ("spacing_lines" in the file).
struct LeafletSpacing {
  double section = 0;           // between sections
  double heading_after = 0;     // under a section heading
  double paragraph_after = 0;   // between paragraphs of the story
  double step_after = 0;        // between the numbered steps of what to do
  double languages_before = 0;  // above the preferred languages
  double target_after = 0;      // between the addresses to write to
};

// Which names a layout may give its panels' sections: those a builder places in a panel of
// its own, and those it can flow through "flow" panels. The builder owns the names
// (appeal/leaflet_builder.h); the loader only checks the file against them.
struct LeafletSections {
  std::vector<std::string> placed;
  std::vector<std::string> flowable;
};

// Slack when comparing text scales (fractions such as 0.8 and 1 - 4 x 0.05).
constexpr double kScaleTolerance = 1e-9;

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
  double scale_step = 0;                 // ... in steps of this fraction
  double fold_dash_pt = 0;               // fold marks are dashed: a fold, not a cut
  LeafletSpacing spacing;
  WriteInSpec write_in;                  // lines to write on in the group panel without a group
  double qr_max_width_share = 0;         // the QR code's side: at most this share of the panel's width
  double qr_max_pt = 0;                  // ... and at most this ("qr"/"max_mm")
  double photo_min_h_pt = 0;             // a cover photo smaller than this is an overflow

  double margin_pt() const { return mark_offset_pt + mark_length_pt; }  // around the trim
  double sheet_w_pt() const { return trim_w_pt + 2 * margin_pt(); }
  double sheet_h_pt() const { return trim_h_pt + 2 * margin_pt(); }
  Rect trim() const { return {margin_pt(), margin_pt(), trim_w_pt, trim_h_pt}; }
  Rect bleed() const;
  Rect panel(size_t side, size_t index) const;      // the panel's finished area
  Rect text_frame(size_t side, size_t index) const;  // minus safe and fold margins
  const TextStyleSpec& style(const std::string& name) const;
};

// Reads and checks a leaflet layout (panels fill the trim width, the inside mirrors the
// outside, marks clear the bleed, section names are `sections`'). Errors name the file and
// JSON pointer.
LeafletSpec load_leaflet(const std::filesystem::path& file, const LeafletSections& sections);

}  // namespace appeal::layout
