// Draws display-list pages into a PDF document: the one place layout meets pdf/.
#pragma once
#include <filesystem>
#include <functional>
#include <map>

#include "layout/display_list.h"
#include "pdf/document.h"
#include "text/font_cache.h"

namespace appeal::layout {

class PdfRenderer {
 public:
  using FontPaths = std::function<pdf::FontFace(text::FontId)>;
  PdfRenderer(pdf::Document& doc, text::FontCache& fonts)
      : doc_(doc), font_path_([&fonts](text::FontId id) { return pdf::FontFace{fonts.path(id), fonts.face_index(id)}; }) {}
  // Fonts by file, for a renderer on another thread than the FontCache's user.
  PdfRenderer(pdf::Document& doc, FontPaths font_path) : doc_(doc), font_path_(std::move(font_path)) {}
  // Page boxes: the MediaBox is the sheet; CropBox and TrimBox default to it (trimmed paper).
  void add_page(const DisplayPage& page);

 private:
  pdf::FontRef font_ref(text::FontId id);
  pdf::Document& doc_;
  FontPaths font_path_;
  std::map<text::FontId, pdf::FontRef> refs_;
  // Underlays already written as forms; the shared_ptr keeps the key's page alive.
  std::map<const DisplayPage*, std::pair<std::shared_ptr<const DisplayPage>, pdf::FormRef>> forms_;
  pdf::Page to_pdf(const DisplayPage& page);
};

}  // namespace appeal::layout
