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
  // The run's natural language when it is not its structure element's (a Greek name in an
  // English letter): a /Span with /Lang around it (ISO 32000-1 §14.9.2.2). Empty: the
  // element's.
  std::string lang;
  // The last glyphs that are a layout artifact, not text: a hyphen inserted at a line
  // break (ISO 32000-1 §14.8.2.2.3). A tagged page marks them so; they stay inside the
  // run's /ActualText, so text extraction still sees the word end there.
  size_t artifact_tail = 0;
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

// Tagged PDF (ISO 32000-1 §14.8): a structure element, from Document::open_element.
using ElementRef = uint32_t;

// A structure element's entries (ISO 32000-1 §14.7.2, table 323).
struct Element {
  std::string type;         // /S: a standard type (§14.8.4) or one DocumentInfo::role_map maps
  std::string alt;          // /Alt: what a figure shows, in words (§14.9.3)
  std::string lang;         // /Lang when not the document's (§14.9.2)
  std::string actual_text;  // /ActualText (§14.9.4)
  std::string title;        // /T
};

// What an item is to a reader who does not see the page: content of a structure element
// (a marked-content sequence with an MCID, §14.7.4.2) or an artifact (§14.8.2.2), page
// furniture a screen reader skips. A form drawn inside either belongs to it as a whole.
struct Mark {
  enum class Kind : uint8_t { kArtifact, kContent };
  Kind kind = Kind::kArtifact;
  ElementRef element = 0;  // kContent
  // kArtifact: its /Type (§14.8.2.2.2, table 330): "Pagination" (running heads, page
  // numbers), "Layout" (rules, boxes), "Page" (crop, fold and registration marks),
  // "Background"; empty: none said.
  std::string artifact;
  // Items of one element with another sequence number start a new marked-content
  // sequence (an MCID of their own): the lines of an address, apart to a reader.
  uint32_t sequence = 0;
};

// A link annotation (ISO 32000-1 §12.5.6.5) opening `uri`: the area a reader clicks, and
// on a tagged page the Link element it belongs to (§14.8.4.4.2: the annotation is its
// content beside the text it covers).
struct LinkArea {
  Rect rect;
  std::string uri;
  std::optional<ElementRef> element;
};

struct Page {
  PageBoxes boxes;
  std::vector<Item> items;
  std::vector<LinkArea> links;
  // Parallel to `items` on a tagged page; empty: the page is not tagged (and a form's
  // content never is: the mark of the FormItem drawing it covers it).
  std::vector<Mark> marks;
};

}  // namespace appeal::pdf
