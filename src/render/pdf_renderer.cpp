#include "render/pdf_renderer.h"

#include <stdexcept>
#include <string>

namespace appeal::render {

using namespace layout;  // the display list is what this module reads

pdf::FontRef PdfRenderer::font_ref(text::FontId id) {
  auto it = refs_.find(id);
  if (it != refs_.end()) return it->second;
  if (id >= faces_.size()) throw std::logic_error("PdfRenderer: font " + std::to_string(id) + " loaded after it started");
  return refs_[id] = doc_.add_font(faces_[id]);
}

namespace {

// Top-left boxes (layout) to PDF user space (bottom-left).
Rect rect_of(const Rect& b, double page_h) { return {b.x_pt, page_h - b.y_pt - b.h_pt, b.w_pt, b.h_pt}; }

std::string slice(const std::string& s, text::SourceSpan span) {
  if (span.empty() || span.end > s.size()) return {};
  return s.substr(span.begin, span.end - span.begin);
}

}  // namespace

void PdfRenderer::add_page(const DisplayPage& page) {
  pdf::Page out = to_pdf(page);
  std::vector<pdf::Item> forms;
  for (const auto& underlay : page.underlays) {
    auto it = forms_.find(underlay.get());
    if (it == forms_.end()) {
      const pdf::FormRef form = doc_.add_form(to_pdf(*underlay));
      it = forms_.emplace(underlay.get(), std::make_pair(underlay, form)).first;
    }
    forms.emplace_back(pdf::FormItem{it->second.second});
  }
  out.items.insert(out.items.begin(), forms.begin(), forms.end());
  doc_.add_page(out);
}

pdf::Page PdfRenderer::to_pdf(const DisplayPage& page) {
  pdf::Page out;
  const Rect sheet{0, 0, page.width_pt, page.height_pt};
  out.boxes.media = sheet;  // CropBox and TrimBox default to it (ISO 32000-1 §14.11.2)
  if (page.trim) out.boxes.trim = rect_of(*page.trim, page.height_pt);
  if (page.bleed) out.boxes.bleed = rect_of(*page.bleed, page.height_pt);
  for (const FilledRect& f : page.boxes) out.items.emplace_back(FilledRect{rect_of(f.rect, page.height_pt), f.ink});
  for (const PlacedLine& pl : page.lines) {
    const std::string& text = *pl.text;
    for (const text::GlyphRun& run : pl.line.runs) {
      pdf::TextRun tr;
      tr.font = font_ref(run.font);
      tr.size_pt = run.size_pt;
      tr.x_pt = pl.x_pt + run.x_pt;
      tr.y_pt = page.height_pt - pl.baseline_pt;
      tr.ink = pl.ink;
      tr.rtl = run.rtl;
      if (run.hyphen == text::HyphenRole::kInserted || run.hyphen == text::HyphenRole::kExplicit) {
        tr.actual_text = slice(text, run.word);
      }
      if (run.hyphen == text::HyphenRole::kContinuation) tr.actual_text = std::string();
      tr.glyphs.reserve(run.glyphs.size());
      for (const text::Glyph& g : run.glyphs) {
        tr.glyphs.push_back({g.gid, g.advance_pt, g.dx_pt, g.dy_pt, slice(text, g.text)});
      }
      out.items.emplace_back(std::move(tr));
    }
  }
  for (const Rule& r : page.rules) {
    out.items.emplace_back(Rule{r.x1_pt, page.height_pt - r.y1_pt, r.x2_pt, page.height_pt - r.y2_pt, r.width_pt,
                                r.ink, r.dash_pt});
  }
  for (const PlacedImage& img : page.images) {
    out.items.emplace_back(pdf::ImageItem{img.file, rect_of(img.rect, page.height_pt)});
  }
  return out;
}

}  // namespace appeal::render
