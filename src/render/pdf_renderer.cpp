#include "render/pdf_renderer.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <stdexcept>
#include <string>

#include "text/itemize.h"

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

pdf::PageBoxes boxes_of(const DisplayPage& page) {
  pdf::PageBoxes out;
  out.media = Rect{0, 0, page.width_pt, page.height_pt};  // CropBox and TrimBox default to it (ISO 32000-1 §14.11.2)
  if (page.trim) out.trim = rect_of(*page.trim, page.height_pt);
  if (page.bleed) out.bleed = rect_of(*page.bleed, page.height_pt);
  return out;
}

}  // namespace

const PdfRenderer::Shared& PdfRenderer::shared(const std::shared_ptr<const DisplayPage>& underlay, bool tagged) {
  auto it = forms_.find(underlay.get());
  if (it != forms_.end()) return it->second;
  Shared s;
  s.page = underlay;
  if (tagged) {
    s.pieces = pieces_of(*underlay);
    for (const Piece& p : s.pieces) {
      pdf::Page content;
      content.boxes = boxes_of(*underlay);
      add_piece(*underlay, p, content);
      s.forms.push_back(doc_.add_form(content));
    }
  } else {
    s.forms.push_back(doc_.add_form(to_pdf(*underlay)));
  }
  return forms_.emplace(underlay.get(), std::move(s)).first->second;
}

void PdfRenderer::add_pages(const std::vector<DisplayPage>& pages) {
  if (doc_.info().tagged) {
    add_tagged(pages);
  } else {
    for (const DisplayPage& p : pages) add_untagged(p);
  }
}

void PdfRenderer::add_untagged(const DisplayPage& page) {
  pdf::Page out = to_pdf(page);
  std::vector<pdf::Item> forms;
  for (const auto& underlay : page.underlays) forms.emplace_back(pdf::FormItem{shared(underlay, false).forms.front()});
  out.items.insert(out.items.begin(), forms.begin(), forms.end());
  doc_.add_page(out);
}

namespace {

// The box of a line's glyphs in PDF user space: where a link is clicked.
Rect line_box(const PlacedLine& l, double page_h) {
  return rect_of({l.x_pt, l.baseline_pt - l.line.ascent_pt, l.line.width_pt, l.line.ascent_pt + l.line.descent_pt}, page_h);
}

}  // namespace

void PdfRenderer::add_tagged(const std::vector<DisplayPage>& pages) {
  std::vector<const DisplayPage*> at;
  std::vector<std::vector<Piece>> own(pages.size());
  std::vector<std::vector<const std::vector<Piece>*>> pieces(pages.size());
  for (size_t i = 0; i < pages.size(); ++i) {
    at.push_back(&pages[i]);
    own[i] = pieces_of(pages[i]);
    pieces[i].push_back(&own[i]);
    for (const auto& underlay : pages[i].underlays) pieces[i].push_back(&shared(underlay, true).pieces);
  }
  const Plan plan = plan_structure(at, pieces, doc_.info().language);
  std::optional<pdf::ElementRef> part;
  if (parts_) part = doc_.open_element(pdf::Element{"Part", "", "", "", ""});
  std::vector<pdf::ElementRef> elements;
  for (const PlannedElement& e : plan.elements) {
    pdf::Element el;
    el.type = e.type;
    el.alt = e.alt;
    el.lang = e.lang;
    el.actual_text = e.actual_text;
    elements.push_back(doc_.open_element(el, e.parent < 0 ? part : std::optional<pdf::ElementRef>(elements[e.parent])));
  }
  for (size_t i = 0; i < pages.size(); ++i) {
    const DisplayPage& page = pages[i];
    pdf::Page out;
    out.boxes = boxes_of(page);
    uint32_t sequence = 0;  // each piece a marked-content sequence of its own
    const auto mark = [&](const PieceAt& where, const Piece& piece) {
      const int e = plan.element_of(where);
      if (e < 0) return pdf::Mark{pdf::Mark::Kind::kArtifact, 0, artifact_type(piece), 0};
      return pdf::Mark{pdf::Mark::Kind::kContent, elements[static_cast<size_t>(e)], "", ++sequence};
    };
    const auto links = [&](const PieceAt& where, const DisplayPage& from, const Piece& piece) {
      const int e = plan.element_of(where);
      if (e < 0 || piece.kind != Piece::Kind::kLines || plan.elements[static_cast<size_t>(e)].uri.empty()) return;
      for (size_t l : piece.items) {
        out.links.push_back({line_box(from.lines[l], from.height_pt), plan.elements[static_cast<size_t>(e)].uri,
                             elements[static_cast<size_t>(e)]});
      }
    };
    for (size_t u = 0; u < page.underlays.size(); ++u) {
      const Shared& s = shared(page.underlays[u], true);
      for (size_t k = 0; k < s.pieces.size(); ++k) {
        const PieceAt where{i, static_cast<int>(u), k};
        out.items.emplace_back(pdf::FormItem{s.forms[k]});
        out.marks.push_back(mark(where, s.pieces[k]));
        links(where, *s.page, s.pieces[k]);
      }
    }
    for (size_t k = 0; k < own[i].size(); ++k) {
      const PieceAt where{i, -1, k};
      const pdf::Mark m = mark(where, own[i][k]);
      add_piece(page, own[i][k], out);
      out.marks.resize(out.items.size(), m);
      links(where, page, own[i][k]);
    }
    doc_.add_page(out);
  }
  for (size_t e = elements.size(); e-- > 0;) doc_.close_element(elements[e]);
  if (part) doc_.close_element(*part);
}

namespace {

// `run` cut where its letters change script, each part that is in a script `lang` is not
// written in saying its own language (text::language_of_script): "Dear Ζωή," is "Dear "
// in the line's language, then "Ζωή," in Greek. Spaces, digits and punctuation go with
// the letters before them.
std::vector<pdf::TextRun> by_language(pdf::TextRun run, const std::string& lang) {
  std::vector<pdf::TextRun> out;
  // The script of each glyph's text: ASCII is Latin or nothing (most glyphs of a merge);
  // the language of each script met, asked once per run.
  std::vector<std::pair<std::string, std::string>> asked;
  const auto script_of = [](const std::string& t) -> std::string {
    if (std::all_of(t.begin(), t.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
      return std::any_of(t.begin(), t.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; })
                 ? "Latn"
                 : "Zyyy";
    }
    return text::dominant_script(t);
  };
  std::vector<std::string> scripts(run.glyphs.size());
  std::vector<std::string> langs(run.glyphs.size());
  std::string current;
  bool any = false;
  for (size_t k = 0; k < run.glyphs.size(); ++k) {
    const std::string& t = run.glyphs[k].text;
    if (!t.empty()) scripts[k] = script_of(t);
    if (!scripts[k].empty() && scripts[k] != "Zyyy") {
      auto it = std::find_if(asked.begin(), asked.end(), [&](const auto& a) { return a.first == scripts[k]; });
      if (it == asked.end()) it = asked.insert(asked.end(), {scripts[k], text::language_of_script(t, lang)});
      current = it->second;
    }
    langs[k] = current;
    any |= !current.empty();
  }
  if (!any) {
    out.push_back(std::move(run));
    return out;
  }
  // Leading neutral glyphs take the language of the letters after them.
  size_t first = 0;
  while (first < run.glyphs.size() && (scripts[first].empty() || scripts[first] == "Zyyy")) ++first;
  for (size_t k = 0; k < first && first < langs.size(); ++k) langs[k] = langs[first];
  double x = run.x_pt;
  for (size_t k = 0; k < run.glyphs.size();) {
    size_t e = k + 1;
    // A cluster's later glyphs (no text) stay with its first.
    while (e < run.glyphs.size() && (langs[e] == langs[k] || run.glyphs[e].text.empty())) ++e;
    pdf::TextRun part = run;
    part.glyphs.assign(run.glyphs.begin() + static_cast<std::ptrdiff_t>(k), run.glyphs.begin() + static_cast<std::ptrdiff_t>(e));
    part.x_pt = x;
    part.lang = langs[k];
    for (const pdf::GlyphOut& g : part.glyphs) x += g.advance_pt;
    out.push_back(std::move(part));
    k = e;
  }
  return out;
}

}  // namespace

void PdfRenderer::add_line(const PlacedLine& pl, double page_h, bool tagged, pdf::Page& out) {
  const std::string& text = *pl.text;
  // The hyphen the engine inserted is an artifact of the layout, not text (ISO 32000-1
  // §14.8.2.2.3): a tagged page marks it so. It ends the visually last left-to-right run
  // of a hyphenated line.
  const text::GlyphRun* hyphen_run = nullptr;
  if (tagged && pl.line.hyphenated) {
    for (const text::GlyphRun& run : pl.line.runs) {
      if (!run.rtl && !run.glyphs.empty() && (!hyphen_run || run.x_pt >= hyphen_run->x_pt)) hyphen_run = &run;
    }
    if (hyphen_run && !hyphen_run->glyphs.back().text.empty()) hyphen_run = nullptr;
  }
  uint32_t end = 0;  // where the line's text ends, the run ending it and where it ends
  const text::GlyphRun* logical_last = nullptr;
  double last_end_x = 0;
  for (const text::GlyphRun& run : pl.line.runs) {
    pdf::TextRun tr;
    tr.font = font_ref(run.font);
    tr.size_pt = run.size_pt;
    tr.x_pt = pl.x_pt + run.x_pt;
    tr.y_pt = page_h - pl.baseline_pt;
    tr.ink = pl.ink;
    tr.rtl = run.rtl;
    if (run.hyphen == text::HyphenRole::kInserted || run.hyphen == text::HyphenRole::kExplicit) {
      tr.actual_text = slice(text, run.word);
    }
    if (run.hyphen == text::HyphenRole::kContinuation) tr.actual_text = std::string();
    if (&run == hyphen_run) tr.artifact_tail = 1;
    tr.glyphs.reserve(run.glyphs.size());
    double x = tr.x_pt;
    for (const text::Glyph& g : run.glyphs) {
      tr.glyphs.push_back({g.gid, g.advance_pt, g.dx_pt, g.dy_pt, slice(text, g.text)});
      if (tr.glyphs.back().text == " ") space_glyphs_[run.font] = g.gid;
      x += g.advance_pt;
    }
    if (run.source.end >= end) end = run.source.end, logical_last = &run, last_end_x = x;
    if (tagged && !tr.actual_text) {
      for (pdf::TextRun& part : by_language(std::move(tr), pl.language)) out.items.emplace_back(std::move(part));
    } else {
      out.items.emplace_back(std::move(tr));
    }
  }
  // The space the line broke at, kept as a glyph of no width: a reader that joins a
  // paragraph's lines by their text (poppler's structure reader, pdfinfo -struct-text)
  // would otherwise run the last word of a line into the first of the next. A line break
  // the writer typed inside a paragraph (a sender's personal paragraph) separates words
  // the same way; an address's lines are sequences of their own.
  const bool typed_break = end < text.size() && text[end] == '\n' && pl.role == Role::kParagraph;
  if (!tagged || pl.line.hyphenated || !logical_last || logical_last->rtl || end >= text.size() ||
      (text[end] != ' ' && !typed_break)) {
    return;
  }
  const auto space = space_glyphs_.find(logical_last->font);
  if (space == space_glyphs_.end()) return;
  pdf::TextRun sp;
  sp.font = font_ref(logical_last->font);
  sp.size_pt = logical_last->size_pt;
  sp.x_pt = last_end_x;
  sp.y_pt = page_h - pl.baseline_pt;
  sp.ink = pl.ink;
  sp.glyphs = {{space->second, 0, 0, 0, " "}};
  out.items.emplace_back(std::move(sp));
}

pdf::Page PdfRenderer::to_pdf(const DisplayPage& page) {
  pdf::Page out;
  out.boxes = boxes_of(page);
  for (const Piece& piece : pieces_of(page)) add_piece(page, piece, out);
  return out;
}

void PdfRenderer::add_piece(const DisplayPage& page, const Piece& piece, pdf::Page& out) {
  const bool tagged = doc_.info().tagged;
  const double h = page.height_pt;
  for (size_t i : piece.items) {
    switch (piece.kind) {
      case Piece::Kind::kBoxes:
        out.items.emplace_back(FilledRect{rect_of(page.boxes[i].rect, h), page.boxes[i].ink});
        break;
      case Piece::Kind::kFigure:
        for (const FilledRect& f : page.figures[i].boxes) out.items.emplace_back(FilledRect{rect_of(f.rect, h), f.ink});
        break;
      case Piece::Kind::kLines:
        add_line(page.lines[i], h, tagged, out);
        break;
      case Piece::Kind::kRules: {
        const Rule& r = page.rules[i];
        out.items.emplace_back(Rule{r.x1_pt, h - r.y1_pt, r.x2_pt, h - r.y2_pt, r.width_pt, r.ink, r.dash_pt});
        break;
      }
      case Piece::Kind::kImage:
        out.items.emplace_back(pdf::ImageItem{page.images[i].file, rect_of(page.images[i].rect, h)});
        break;
    }
  }
}

}  // namespace appeal::render
