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
  kHeading,    // H
  kListItem,   // LI
  kAddress,    // an address block: recipient, sender, return line
  kSignature,  // the typed name under the signature rule
  kCaption,    // "Signature" under an empty rule, "Scan to act" under a QR code
  kLink,       // a printed URL
  kFigure,     // a photo, a scanned signature, a QR code
  kArtifact,   // page furniture a reader skips: running headers, marks
};
const char* role_name(Role role);  // "P", "H", "LI", "Address", "Signature", ...

struct PlacedLine {
  text::Line line;
  std::shared_ptr<const std::string> text;  // the paragraph text the glyph spans index
  double x_pt = 0;
  double baseline_pt = 0;  // from the page top
  Ink ink;
  Role role = Role::kParagraph;
};

struct PlacedImage {
  std::string file;
  Rect rect;
  Role role = Role::kFigure;
};

struct DisplayPage {
  double width_pt = 0, height_pt = 0;
  // Drawn first, in order: content shared by many pages (a merged letter's body, an
  // address block common to many letters). A renderer may write each once and reference
  // it from every page that shares the same pointer.
  std::vector<std::shared_ptr<const DisplayPage>> underlays;
  std::vector<FilledRect> boxes;  // drawn before the lines, rules and images
  std::vector<PlacedLine> lines;
  std::vector<Rule> rules;
  std::vector<PlacedImage> images;
  // Print-shop boxes (ISO 32000-1 §14.11.2): the finished size and the bleed around it;
  // unset for sheets that are their own finished size.
  std::optional<Rect> trim, bleed;
};

}  // namespace appeal::layout
