// What display-list pages are to a reader who does not see them (a screen reader, a
// text-to-speech tool, a braille display): pieces of content that are one thing each (a
// paragraph, an address, a figure, page furniture), and the structure elements they make
// in the order a person reads the pages. The tagged PDF writer (pdf_renderer.cpp) turns
// the plan into a structure tree (ISO 32000-1 §14.7); nothing here knows PDF.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "layout/display_list.h"

namespace appeal::render {

// Content of one display page that belongs together, in the page's drawing order:
// decoration (boxes) first, then figures, lines, rules and images, as drawn untagged.
struct Piece {
  enum class Kind : uint8_t { kBoxes, kFigure, kLines, kRules, kImage };
  Kind kind = Kind::kLines;
  std::vector<size_t> items;  // indices into the page's boxes, figures, lines, rules or images
  layout::Role role = layout::Role::kArtifact;
};

// The pieces of `page` (its own content, not its underlays).
std::vector<Piece> pieces_of(const layout::DisplayPage& page);

// Where a piece is drawn: page i's own content (underlay -1) or its underlay u.
struct PieceAt {
  size_t page = 0;
  int underlay = -1;
  size_t piece = 0;
  bool operator<(const PieceAt& o) const;
};

struct PlannedElement {
  std::string type;  // a standard type (ISO 32000-1 §14.8.4) or Address / Signature (role-mapped)
  std::string alt, lang;
  int parent = -1;   // index into Plan::elements; -1: the document
  std::string uri;   // a Link's target
  // The paragraph's text in logical order, for one drawn right to left: its glyphs are in
  // visual order (text extraction's bidi pass wants them so), which a reader taking the
  // content as it comes would get reversed (ISO 32000-1 §14.9.4).
  std::string actual_text;
};

struct Plan {
  std::vector<PlannedElement> elements;  // reading order; a parent before its children
  // The element each piece of content belongs to; pieces not listed are artifacts.
  std::vector<std::pair<PieceAt, size_t>> content;
  int element_of(const PieceAt& at) const;  // -1: an artifact
};

// The structure of `pages`, one unit of a document (a letter, a leaflet, a sheet of
// labels), in reading order: by the lines' reading region, then page, then top to bottom
// and left to right. Lines of one paragraph (one text, on any page) are one element;
// lines of one address (one unit) are one; consecutive list items make one list (L, LI,
// LBody). `pieces[i][u + 1]` are the pieces of page i's own content (u = -1) and of its
// underlays; `lang` is the document's: an element in another language says its own.
Plan plan_structure(const std::vector<const layout::DisplayPage*>& pages,
                    const std::vector<std::vector<const std::vector<Piece>*>>& pieces, const std::string& lang);

// The type of a piece's artifacts (ISO 32000-1 §14.8.2.2.2, table 330).
const char* artifact_type(const Piece& piece);

}  // namespace appeal::render
