#include "pdf/content_stream.h"

#include <stdexcept>

#include <cmath>
#include <cstdio>
#include <vector>

#include "pdf/pdf_syntax.h"

namespace appeal::pdf {

std::string utf16_hex_string(const std::string& utf8) { return "<FEFF" + utf16be_hex(utf8) + ">"; }

const char* const kRegistrationColorSpace = "CSAll";

namespace {

// The operator setting `c` as the fill (g, k, scn) or stroke (G, K, SCN) colour.
std::string color_op(const Color& c, bool stroke) {
  switch (c.space) {
    case Color::Space::kCmyk:
      return pdf_number(c.c) + " " + pdf_number(c.m) + " " + pdf_number(c.y) + " " + pdf_number(c.k) +
             (stroke ? " K\n" : " k\n");
    case Color::Space::kAll:
      return std::string("/") + kRegistrationColorSpace + (stroke ? " CS " : " cs ") + pdf_number(c.level) +
             (stroke ? " SCN\n" : " scn\n");
    case Color::Space::kGray:
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
    if (run.actual_text) out_ += "/Span<</ActualText" + utf16_hex_string(*run.actual_text) + ">>BDC\n";
    fill(run.color);
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
    static const char kHex[] = "0123456789ABCDEF";
    const double scale = 1000.0 / run.size_pt;
    bool in_cluster = false;  // inside the /ActualText span of a many-glyph cluster
    for (size_t gi = 0; gi < run.glyphs.size(); ++gi) {
      const GlyphOut& g = run.glyphs[gi];
      // Glyph 0 (.notdef) prints nothing or an empty box, and PDF/A forbids it (ISO 19005-3,
      // 6.2.11.8): input is checked against the fonts before anything is set, so reaching
      // here with one is a bug, never a document.
      if (g.gid == 0) throw std::logic_error("PDF writer: glyph 0 (.notdef) for the text \"" + g.text + "\"");
      // One glyph standing for text its glyph id already means elsewhere: extract it
      // through its own /ActualText, since ToUnicode has one entry per glyph.
      // A cluster drawn with several glyphs (Indic pre-base vowels, Khmer subscripts: the
      // first glyph carries the text, the others none) extracts through one /ActualText:
      // ToUnicode maps each glyph to one text, so the later glyphs would otherwise repeat
      // what they mean elsewhere ("செசன்னைன" for "சென்னை"). ISO 32000-1 §14.9.4.
      const bool cluster_start = !run.actual_text && !g.text.empty() && gi + 1 < run.glyphs.size() &&
                                 run.glyphs[gi + 1].text.empty();
      if (cluster_start) {
        flush();
        out_ += "/Span<</ActualText" + utf16_hex_string(visual(g.text, run.rtl)) + ">>BDC\n";
        in_cluster = true;
      }
      const bool own_text = !in_cluster && !font.use(g.gid, g.text) && !run.actual_text;
      if (in_cluster) font.use(g.gid, "");
      if (g.dy_pt != rise) {
        flush();
        rise = g.dy_pt;
        out_ += pdf_number(rise) + " Ts\n";
      }
      if (own_text) {
        flush();
        out_ += "/Span<</ActualText" + utf16_hex_string(visual(g.text, run.rtl)) + ">>BDC\n";
      }
      if (g.dx_pt != 0) number(-g.dx_pt * scale);
      if (!in_hex) tj += '<', in_hex = true;
      for (int shift = 12; shift >= 0; shift -= 4) tj += kHex[(g.gid >> shift) & 0xF];
      // TJ numbers are subtracted from the advance in 1/1000 em (§9.4.3).
      const double adjust = font.width_1000(g.gid) - (g.advance_pt - g.dx_pt) * scale;
      if (std::fabs(adjust) >= 0.05) number(adjust);
      if (own_text) {
        flush();
        out_ += "EMC\n";
      }
      if (in_cluster && (gi + 1 == run.glyphs.size() || !run.glyphs[gi + 1].text.empty())) {
        flush();
        out_ += "EMC\n";
        in_cluster = false;
      }
    }
    flush();
    if (rise != 0) out_ += "0 Ts\n";
    if (run.actual_text) out_ += "EMC\n";
  }

  void end_text() {
    if (in_text_) out_ += "ET\n";
    in_text_ = false;
  }

  void operator()(const LineSeg& l) {
    end_text();
    if (l.color != stroke_) {
      stroke_ = l.color;
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
    fill(r.color);
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
  void fill(const Color& c) {
    if (c == fill_) return;
    fill_ = c;
    out_ += color_op(fill_, false);
  }

  std::vector<std::unique_ptr<EmbeddedFont>>& fonts_;
  const std::map<std::string, std::string>& images_;
  std::string out_;
  Color fill_, stroke_;
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
