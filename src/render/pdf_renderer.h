// Draws display-list pages into a PDF document (render/ is the one module that uses pdf/).
// A tagged document (pdf::DocumentInfo::tagged) gets its structure from the display list's
// roles (reading_order.h): every piece of content is a structure element's or an artifact.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <vector>

#include "layout/display_list.h"
#include "pdf/document.h"
#include "render/reading_order.h"
#include "text/font_cache.h"

namespace appeal::render {

class PdfRenderer {
 public:
  // `faces[id]` is the file of text::FontId id: the renderer never touches the FontCache,
  // so it may run on another thread than the one setting text.
  PdfRenderer(pdf::Document& doc, std::vector<pdf::FontFace> faces) : doc_(doc), faces_(std::move(faces)) {}
  // Each unit of pages (add_pages) a Part of its own under the Document (ISO 32000-1
  // §14.8.4.2): a merge's letters one by one, and the Document element holds one
  // reference a letter instead of fifteen (100,000 letters: 100,000 references).
  void parts(bool on) { parts_ = on; }
  // Pages of one unit of the document (a letter, a leaflet, a sheet): their structure
  // elements are made, read in order, and closed with them.
  // Page boxes: the MediaBox is the sheet; CropBox and TrimBox default to it (trimmed paper).
  void add_pages(const std::vector<layout::DisplayPage>& pages);

 private:
  pdf::FontRef font_ref(text::FontId id);
  void add_untagged(const layout::DisplayPage& page);
  void add_tagged(const std::vector<layout::DisplayPage>& pages);
  // The page's items (no marks: the caller knows what each piece is to a reader).
  pdf::Page to_pdf(const layout::DisplayPage& page);
  // Appends what `piece` of `page` draws (pieces_of: one paragraph, the boxes, ...).
  void add_piece(const layout::DisplayPage& page, const Piece& piece, pdf::Page& out);
  void add_line(const layout::PlacedLine& line, double page_h, bool tagged, pdf::Page& out);
  std::map<text::FontId, uint32_t> space_glyphs_;  // each font's space glyph, as met in the text

  pdf::Document& doc_;
  std::vector<pdf::FontFace> faces_;
  bool parts_ = false;
  std::map<text::FontId, pdf::FontRef> refs_;
  // Underlays already written as forms: untagged, one form each; tagged, one per piece
  // (a paragraph drawn on 1,000 pages is one form, inside each page's own element).
  // The shared_ptr keeps the key's page alive.
  struct Shared {
    std::shared_ptr<const layout::DisplayPage> page;
    std::vector<Piece> pieces;
    std::vector<pdf::FormRef> forms;
  };
  std::map<const layout::DisplayPage*, Shared> forms_;
  const Shared& shared(const std::shared_ptr<const layout::DisplayPage>& underlay, bool tagged);
};

}  // namespace appeal::render
