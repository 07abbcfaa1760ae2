// Draws display-list pages into a PDF document (render/ is the one module that uses pdf/).
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <vector>

#include "layout/display_list.h"
#include "pdf/document.h"
#include "text/font_cache.h"

namespace appeal::render {

class PdfRenderer {
 public:
  // `faces[id]` is the file of text::FontId id: the renderer never touches the FontCache,
  // so it may run on another thread than the one setting text.
  PdfRenderer(pdf::Document& doc, std::vector<pdf::FontFace> faces) : doc_(doc), faces_(std::move(faces)) {}
  // Page boxes: the MediaBox is the sheet; CropBox and TrimBox default to it (trimmed paper).
  void add_page(const layout::DisplayPage& page);

 private:
  pdf::FontRef font_ref(text::FontId id);
  pdf::Document& doc_;
  std::vector<pdf::FontFace> faces_;
  std::map<text::FontId, pdf::FontRef> refs_;
  // Underlays already written as forms; the shared_ptr keeps the key's page alive.
  std::map<const layout::DisplayPage*, std::pair<std::shared_ptr<const layout::DisplayPage>, pdf::FormRef>> forms_;
  pdf::Page to_pdf(const layout::DisplayPage& page);
};

}  // namespace appeal::render
