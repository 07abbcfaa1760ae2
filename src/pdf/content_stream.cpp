#include "pdf/content_stream.h"

#include <stdexcept>

#include <cmath>
#include <cstdio>
#include <vector>

#include "pdf/pdf_objects.h"
#include "pdf/pdf_syntax.h"
#include "text/utf8.h"

namespace appeal::pdf {

// "/Span <</ActualText <FEFF...>>> BDC": a marked-content sequence whose text replaces
// its glyphs' (ISO 32000-1 §14.9.4), the property list a PoDoFo dictionary; the text
// UTF-16BE with its byte order mark, as a hex string.
std::string actual_text_span(const std::string& utf8) {
  std::string utf16 = "\xFE\xFF";
  for (char16_t unit : text::to_utf16(utf8)) utf16 += static_cast<char>(unit >> 8), utf16 += static_cast<char>(unit & 0xFF);
  PoDoFo::PdfDictionary props;
  props.AddKey("ActualText", hex_bytes(utf16));
  return serialized(name("Span")) + serialized(PoDoFo::PdfObject(props)) + "BDC\n";
}

const char* const kRegistrationColorSpace = "CSAll";

namespace {

// The operator setting `c` as the fill (g, k, scn) or stroke (G, K, SCN) colour.
std::string color_op(const Ink& c, bool stroke) {
  switch (c.kind) {
    case Ink::Kind::kCmyk:
      return pdf_number(c.c) + " " + pdf_number(c.m) + " " + pdf_number(c.y) + " " + pdf_number(c.k) +
             (stroke ? " K\n" : " k\n");
    case Ink::Kind::kRegistration:
      return std::string("/") + kRegistrationColorSpace + (stroke ? " CS " : " cs ") + pdf_number(c.level) +
             (stroke ? " SCN\n" : " scn\n");
    case Ink::Kind::kGray:
      break;
  }
  return pdf_number(c.level) + (stroke ? " G\n" : " g\n");
}

// `text` in the order a run's glyphs are drawn: reversed by code point in a right-to-left
// run (see TextRun::rtl).
std::string visual(const std::string& text, bool rtl) {
  if (!rtl) return text;
  std::vector<std::string> cps;
  for (size_t i = 0; i < text.size();) {
    size_t n = 1;
    while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
    cps.push_back(text.substr(i, n));
    i += n;
  }
  std::string out;
  for (auto it = cps.rbegin(); it != cps.rend(); ++it) out += *it;
  return out;
}

size_t code_points(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

class Builder {
 public:
  Builder(std::vector<std::unique_ptr<EmbeddedFont>>& fonts, const std::map<std::string, std::string>& images)
      : fonts_(fonts), images_(images) {}

  void operator()(const TextRun& run) {
    EmbeddedFont& font = *fonts_.at(run.font);
    // Consecutive runs share one text object: the font is set when it changes and each
    // run starts with a Td relative to the previous one (§9.4.2), which keeps the
    // per-letter streams of a merge small.
    if (!in_text_) {
      out_ += "BT\n";
      in_text_ = true;
      line_x_ = line_y_ = 0;
    }
    if (run.actual_text) out_ += actual_text_span(*run.actual_text);
    fill(run.ink);
    if (run.font != font_ || run.size_pt != size_) {
      font_ = run.font;
      size_ = run.size_pt;
      out_ += "/" + font.resource_name() + " " + pdf_number(run.size_pt) + " Tf\n";
    }
    out_ += pdf_number(run.x_pt - line_x_) + " " + pdf_number(run.y_pt - line_y_) + " Td\n";
    line_x_ = run.x_pt;
    line_y_ = run.y_pt;
    // One TJ array; consecutive glyphs without adjustment share one hex string.
    std::string tj;
    bool in_hex = false;
    double rise = 0;
    const auto close_hex = [&] {
      if (in_hex) tj += '>';
      in_hex = false;
    };
    const auto flush = [&] {
      close_hex();
      if (!tj.empty()) out_ += "[" + tj + "]TJ\n";
      tj.clear();
    };
    const auto number = [&](double v) {
      close_hex();
      if (!tj.empty() && tj.back() != '>') tj += ' ';
      tj += pdf_tj_number(v);
    };
    const double scale = 1000.0 / run.size_pt;
    const auto set_rise = [&](const GlyphOut& g) {
      if (g.dy_pt == rise) return;
      flush();
      rise = g.dy_pt;
      out_ += pdf_number(rise) + " Ts\n";
    };
    const auto show = [&](const GlyphOut& g) {
      // Glyph 0 (.notdef) prints nothing or an empty box, and PDF/A forbids it (ISO 19005-3,
      // 6.2.11.8): input is checked against the fonts before anything is set, so reaching
      // here with one is a bug, never a document.
      if (g.gid == 0) throw std::logic_error("PDF writer: glyph 0 (.notdef) for the text \"" + g.text + "\"");
      if (!in_hex) tj += '<', in_hex = true;
      append_hex16(tj, g.gid);
    };
    const auto span = [&](const std::string& text) {
      flush();
      out_ += actual_text_span(text);
    };
    const auto end_span = [&] {
      flush();
      out_ += "EMC\n";
    };
    for (size_t gi = 0; gi < run.glyphs.size();) {
      // A cluster: the glyph carrying the text and the glyphs after it that carry none.
      size_t ge = gi + 1;
      if (!run.actual_text && !run.glyphs[gi].text.empty()) {
        while (ge < run.glyphs.size() && run.glyphs[ge].text.empty()) ++ge;
      }
      if (ge - gi == 1) {
        const GlyphOut& g = run.glyphs[gi++];
        // One glyph standing for text its glyph id already means elsewhere extracts
        // through its own /ActualText, since ToUnicode has one entry per glyph. In a
        // right-to-left run so does a ligature standing for several characters (Noto
        // Naskh's "لله"): a ToUnicode entry cannot say their order and poppler reverses it.
        const bool rtl_ligature = run.rtl && !run.actual_text && code_points(g.text) > 1;
        // use() always: it also puts the glyph in the subset.
        const bool conflict = !font.use(g.gid, rtl_ligature ? std::string() : g.text);
        const bool own_text = !run.actual_text && (rtl_ligature || conflict);
        set_rise(g);
        if (own_text) span(visual(g.text, run.rtl));
        if (g.dx_pt != 0) number(-g.dx_pt * scale);
        show(g);
        // TJ numbers are subtracted from the advance in 1/1000 em (§9.4.3).
        const double adjust = font.width_1000(g.gid) - (g.advance_pt - g.dx_pt) * scale;
        if (std::fabs(adjust) >= 0.05) number(adjust);
        if (own_text) end_span();
        continue;
      }
      emit_cluster(run, font, gi, ge, scale, set_rise, show, number, span, end_span);
      gi = ge;
    }
    flush();
    if (rise != 0) out_ += "0 Ts\n";
    if (run.actual_text) out_ += "EMC\n";
  }

  // A cluster drawn with several glyphs (Indic vowel signs, the Tamil pulli, Khmer
  // subscripts, Arabic marks) extracts through one /ActualText with its text (ISO 32000-1
  // §14.9.4): ToUnicode maps each glyph to one text, so its glyphs would otherwise repeat
  // what they mean elsewhere ("செசன்னைன" for "சென்னை"). poppler places a span's text
  // from the first glyph's origin to the last glyph's advance, so the span opens with the
  // glyph that starts leftmost and closes with the one that ends rightmost; when one glyph
  // does both (a base under its marks) the marks go after it in a span of no text. Each
  // glyph is positioned absolutely within the cluster, so the order drawn does not move it.
  template <class SetRise, class Show, class Number, class Span, class EndSpan>
  void emit_cluster(const TextRun& run, EmbeddedFont& font, size_t gi, size_t ge, double scale, SetRise& set_rise,
                    Show& show, Number& number, Span& span, EndSpan& end_span) {
    struct Placed {
      size_t index;
      double start, end;  // pt from the cluster's pen position
    };
    std::vector<Placed> placed;
    double pen = 0;
    for (size_t k = gi; k < ge; ++k) {
      const GlyphOut& g = run.glyphs[k];
      const double start = pen + g.dx_pt;
      placed.push_back({k, start, start + font.width_1000(g.gid) / scale});
      pen += g.advance_pt;
      font.use(g.gid, "");
    }
    size_t lo = 0, hi = 0;
    for (size_t k = 1; k < placed.size(); ++k) {
      if (placed[k].start < placed[lo].start - 1e-9) lo = k;
      if (placed[k].end > placed[hi].end + 1e-9) hi = k;
    }
    std::vector<Placed> text, marks;
    text.push_back(placed[lo]);
    for (size_t k = 0; k < placed.size(); ++k) {
      if (k == lo || k == hi) continue;
      (lo == hi ? marks : text).push_back(placed[k]);
    }
    if (hi != lo) text.push_back(placed[hi]);
    double at = 0;  // where the text matrix stands, pt from the cluster's pen position
    const auto draw = [&](const Placed& p) {
      const GlyphOut& g = run.glyphs[p.index];
      set_rise(g);
      if (std::fabs(p.start - at) * scale >= 0.05) number(-(p.start - at) * scale);
      show(g);
      at = p.end;
    };
    span(visual(run.glyphs[gi].text, run.rtl));
    for (const Placed& p : text) draw(p);
    end_span();
    if (!marks.empty()) {
      span("");
      for (const Placed& p : marks) draw(p);
      end_span();
    }
    if (std::fabs(pen - at) * scale >= 0.05) number(-(pen - at) * scale);
  }

  void end_text() {
    if (in_text_) out_ += "ET\n";
    in_text_ = false;
  }

  void operator()(const Rule& l) {
    end_text();
    if (l.ink != stroke_) {
      stroke_ = l.ink;
      out_ += color_op(stroke_, true);
    }
    if (l.width_pt != line_width_) {
      line_width_ = l.width_pt;
      out_ += pdf_number(line_width_) + " w\n";
    }
    if (l.dash_pt != dash_) {
      dash_ = l.dash_pt;
      out_ += dash_ > 0 ? "[" + pdf_number(dash_) + "] 0 d\n" : "[] 0 d\n";
    }
    out_ += pdf_number(l.x1_pt) + " " + pdf_number(l.y1_pt) + " m " + pdf_number(l.x2_pt) + " " + pdf_number(l.y2_pt) +
            " l S\n";
  }

  void operator()(const FilledRect& r) {
    end_text();
    fill(r.ink);
    out_ += pdf_number(r.rect.x_pt) + " " + pdf_number(r.rect.y_pt) + " " + pdf_number(r.rect.w_pt) + " " +
            pdf_number(r.rect.h_pt) + " re f\n";
  }

  void operator()(const ImageItem& img) {
    end_text();
    out_ += "q " + pdf_number(img.rect.w_pt) + " 0 0 " + pdf_number(img.rect.h_pt) + " " + pdf_number(img.rect.x_pt) + " " +
            pdf_number(img.rect.y_pt) + " cm /" + images_.at(img.file) + " Do Q\n";
  }

  void operator()(const FormItem& f) {
    end_text();
    out_ += "q /" + form_name(f.form) + " Do Q\n";
  }

  std::string take() {
    end_text();
    return std::move(out_);
  }

 private:
  // The page starts black with a 1 pt line (§8.4.1); say the state only when it changes.
  void fill(const Ink& c) {
    if (c == fill_) return;
    fill_ = c;
    out_ += color_op(fill_, false);
  }

  std::vector<std::unique_ptr<EmbeddedFont>>& fonts_;
  const std::map<std::string, std::string>& images_;
  std::string out_;
  Ink fill_, stroke_;
  double line_width_ = 1;
  double dash_ = 0;
  bool in_text_ = false;
  FontRef font_ = ~FontRef{0};
  double size_ = 0;
  double line_x_ = 0, line_y_ = 0;  // origin of the current text line (Td is relative to it)
};

}  // namespace

std::string form_name(FormRef form) { return "Fm" + std::to_string(form + 1); }

std::string build_content(const Page& page, std::vector<std::unique_ptr<EmbeddedFont>>& fonts,
                          const std::map<std::string, std::string>& image_names) {
  Builder b(fonts, image_names);
  for (const Item& item : page.items) std::visit(b, item);
  return b.take();
}

}  // namespace appeal::pdf
