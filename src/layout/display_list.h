// Finished pages: lines of glyphs at positions, rules, boxes and images, measured from the
// page's top-left corner (common/geometry.h). Made by layout and the builders, read by
// render/ (PDF, traces).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/geometry.h"
#include "text/glyph_run.h"

namespace appeal::layout {

// What a line or an image is, for a reader who does not see the page: the standard
// structure types of ISO 32000-1 §14.8.4 a tagged PDF (issue 17) will use, and the
// goldens show. Address, Signature and Caption are this project's, mapped to standard
// types by a tagged writer's role map (§14.8.4 allows it).
enum class Role : uint8_t {
  kParagraph,  // P
  kTitle,      // H1: a letter's subject, a leaflet's title
  kHeading,    // H2: a leaflet's section headings
  kListItem,   // LI
  kAddress,    // an address block: recipient, sender, return line
  kSignature,  // the typed name under the signature rule
  kCaption,    // "Signature" under an empty rule, "Scan to act" under a QR code
  kLink,       // a printed URL
  kFigure,     // a photo, a scanned signature, a QR code
  kArtifact,   // page furniture a reader skips: running headers, marks
};
const char* role_name(Role role);  // "P", "H1", "H2", "LI", "Address", "Signature", ...

struct PlacedLine {
  text::Line line;
  // The paragraph text the glyph spans index; the lines of one paragraph share it, which
  // is how a reader's structure knows them as one paragraph (across pages too).
  std::shared_ptr<const std::string> text;
  double x_pt = 0;
  double baseline_pt = 0;  // from the page top
  Ink ink;
  Role role = Role::kParagraph;
  std::string language;    // BCP 47: the block's
  // Lines placed together into one frame share a unit (DisplayPage::units): the lines of
  // one address are one address to a reader.
  uint32_t unit = 0;
  // Where the line comes in reading order before its position does: a folded leaflet's
  // panels are read cover first, then inside, then back (layouts/ say which is which).
  // Lower first; within one region, by page, then top to bottom.
  uint16_t reading = 0;
};

struct PlacedImage {
  std::string file;
  Rect rect;
  Role role = Role::kFigure;
  std::string alt;  // what a figure shows, in words (a reader's only access to it)
  uint16_t reading = 0;
};

// A vector drawing that means something (a QR code): filled rectangles and what they say.
struct Drawing {
  std::vector<FilledRect> boxes;
  std::string alt;
  uint16_t reading = 0;
};

struct DisplayPage {
  double width_pt = 0, height_pt = 0;
  // Drawn first, in order: content shared by many pages (a merged letter's body, an
  // address block common to many letters). A renderer may write each once and reference
  // it from every page that shares the same pointer.
  std::vector<std::shared_ptr<const DisplayPage>> underlays;
  std::vector<FilledRect> boxes;  // drawn before the lines, rules and images: decoration
  std::vector<PlacedLine> lines;
  std::vector<Rule> rules;
  std::vector<PlacedImage> images;
  std::vector<Drawing> figures;   // drawn after the boxes
  uint32_t units = 0;             // units given to lines so far (PlacedLine::unit)
  // Print-shop boxes (ISO 32000-1 §14.11.2): the finished size and the bleed around it;
  // unset for sheets that are their own finished size.
  std::optional<Rect> trim, bleed;
};

}  // namespace appeal::layout
