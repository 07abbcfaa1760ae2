#include "pdf/content_stream.h"

#include <algorithm>
#include <stdexcept>

#include <cmath>
#include <optional>
#include <cstdio>
#include <vector>

#include "pdf/pdf_objects.h"
#include "pdf/pdf_syntax.h"
#include "text/utf8.h"

namespace appeal::pdf {

namespace {

// A marked-content property list (ISO 32000-1 §14.6.2) as written after its tag:
// /ActualText as UTF-16BE with its byte order mark, as a hex string (§14.9.4), /Lang
// (§14.9.2.2), /MCID (§14.7.4.2).
std::string property_list(const std::optional<std::string>& actual_text, const std::string& lang, std::optional<int> mcid) {
  PoDoFo::PdfDictionary props;
  if (!lang.empty()) props.AddKey("Lang", text(lang));
  if (actual_text) {
    std::string utf16 = "\xFE\xFF";
    for (char16_t unit : text::to_utf16(*actual_text)) utf16 += static_cast<char>(unit >> 8), utf16 += static_cast<char>(unit & 0xFF);
    props.AddKey("ActualText", hex_bytes(utf16));
  }
  if (mcid) props.AddKey("MCID", integer(*mcid));
  return serialized(PoDoFo::PdfObject(props));
}

// The tags this writer opens sequences with.
const std::string& tag_span() {
  static const std::string t = serialized(name("Span"));
  return t;
}
const std::string& tag_artifact() {
  static const std::string t = serialized(name("Artifact"));
  return t;
}

}  // namespace

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

// How a span (a run or a glyph whose text or language is its own) is written.
enum class SpanMode {
  kNested,    // "/Span <<...>> BDC ... EMC" inside whatever is open: untagged content
  kSequence,  // a tagged page: a marked-content sequence of its own, with an MCID
  kSegment,   // a tagged document's form: a form stream of its own
};

class Builder {
 public:
  Builder(ContentResources& res, SpanMode mode, Tagging* tagging) : res_(res), mode_(mode), tagging_(tagging) {}

  // Text state is said lazily, just before glyphs are shown: the font and colour when
  // they change, a Td relative to the text line before (§9.4.2) when the glyphs do not
  // continue where the last ones ended. Consecutive runs share one text object, which
  // keeps the per-letter streams of a merge small; a cut (a span, an artifact) ends the
  // text object and the next glyphs start a new one where the pen stands.
  void operator()(const TextRun& run) {
    EmbeddedFont& font = *res_.fonts.at(run.font);
    run_font_ = run.font;
    run_size_ = run.size_pt;
    run_ink_ = run.ink;
    pen_x_ = run.x_pt;
    pen_y_ = run.y_pt;
    const bool run_span = run.actual_text || !run.lang.empty();
    if (run_span) begin_span({run.actual_text, run.lang});
    // One TJ array; consecutive glyphs without adjustment share one hex string.
    std::string tj;
    bool in_hex = false;
    double tj_x = 0;  // where the TJ array starts
    const double scale = 1000.0 / run.size_pt;
    const auto start = [&] {
      if (tj.empty()) tj_x = pen_x_;
    };
    const auto close_hex = [&] {
      if (in_hex) tj += '>';
      in_hex = false;
    };
    const auto flush = [&] {
      close_hex();
      if (tj.empty()) return;
      ready_text(tj_x);
      out_ += "[" + tj + "]TJ\n";
      painted_ = true;
      text_x_ = pen_x_;
      tj.clear();
    };
    const auto number = [&](double v) {
      start();
      close_hex();
      if (!tj.empty() && tj.back() != '>') tj += ' ';
      tj += pdf_tj_number(v);
      pen_x_ -= v / scale;  // TJ numbers move back, in 1/1000 em (§9.4.3)
    };
    const auto set_rise = [&](const GlyphOut& g) {
      if (g.dy_pt == rise_) return;
      flush();
      rise_ = g.dy_pt;
    };
    const auto show = [&](const GlyphOut& g) {
      // Glyph 0 (.notdef) prints nothing or an empty box, and PDF/A forbids it (ISO 19005-3,
      // 6.2.11.8): input is checked against the fonts before anything is set, so reaching
      // here with one is a bug, never a document.
      if (g.gid == 0) throw std::logic_error("PDF writer: glyph 0 (.notdef) for the text \"" + g.text + "\"");
      start();
      if (!in_hex) tj += '<', in_hex = true;
      append_hex16(tj, g.gid);
      pen_x_ += font.width_1000(g.gid) / scale;
    };
    const auto span = [&](const std::string& text) {
      flush();
      begin_span({text, ""});
    };
    const auto end_span_ = [&] {
      flush();
      end_span();
    };
    const size_t artifact_from = run.glyphs.size() - std::min(run.artifact_tail, run.glyphs.size());
    for (size_t gi = 0; gi < run.glyphs.size();) {
      if (gi == artifact_from) {
        flush();
        begin_artifact();
      }
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
        if (own_text) end_span_();
        continue;
      }
      emit_cluster(run, font, gi, ge, scale, set_rise, show, number, span, end_span_);
      gi = ge;
    }
    flush();
    if (artifact_from < run.glyphs.size()) end_artifact();
    rise_ = 0;
    if (rise_said_ != 0) {
      out_ += "0 Ts\n";  // text state outlives the text object; a form drawn next inherits it
      rise_said_ = 0;
    }
    if (run_span) end_span();
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

  void operator()(const Rule& l) {
    end_text();
    open_pending();
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
    painted_ = true;
  }

  void operator()(const FilledRect& r) {
    end_text();
    open_pending();
    fill(r.ink);
    out_ += pdf_number(r.rect.x_pt) + " " + pdf_number(r.rect.y_pt) + " " + pdf_number(r.rect.w_pt) + " " +
            pdf_number(r.rect.h_pt) + " re f\n";
    painted_ = true;
  }

  void operator()(const ImageItem& img) {
    end_text();
    open_pending();
    out_ += "q " + pdf_number(img.rect.w_pt) + " 0 0 " + pdf_number(img.rect.h_pt) + " " + pdf_number(img.rect.x_pt) + " " +
            pdf_number(img.rect.y_pt) + " cm /" + res_.images.at(img.file) + " Do Q\n";
    painted_ = true;
  }

  void operator()(const FormItem& f) {
    end_text();
    for (const FormPart& part : res_.forms.at(f.form)) {
      // Do saves and restores the graphics state around a form itself (ISO 32000-1 §8.10.1).
      const std::string draw = "/" + part.name + " Do\n";
      if (cutting() && part.artifact) {
        // An artifact cut out of the content (an inserted hyphen) between the element's
        // sequences.
        close_sequence();
        out_ += tag_artifact() + " BMC\n" + draw + "EMC\n";
      } else if (cutting() && part.span) {
        // A part that is a span (its /Span inside it, around all it draws) ends an MCID
        // sequence of its own: poppler's structure reader takes the span's EMC for the
        // sequence's.
        close_sequence();
        open_pending();
        out_ += draw;
        close_sequence();
      } else {
        open_pending();
        out_ += draw;
      }
    }
    painted_ = true;
  }

  // A tagged page: the items after this belong to `m`. Its sequence opens with the first
  // thing drawn, so no sequence is ever empty (an empty one would be an MCID of no text).
  void mark(const Mark& m) {
    if (open_ && same_sequence(*open_, m)) return;
    end_text();
    close_sequence();
    open_ = m;
  }

  std::string take() {
    end_text();
    close_sequence();
    open_.reset();
    return std::move(out_);
  }

  std::vector<FormSegment> take_segments() {
    end_text();
    push_segment();
    return std::move(segments_);
  }

 private:
  // The page starts black with a 1 pt line (§8.4.1); say the state only when it changes.
  void fill(const Ink& c) {
    if (c == fill_) return;
    fill_ = c;
    out_ += color_op(fill_, false);
  }

  void end_text() {
    if (in_text_) out_ += "ET\n";
    in_text_ = false;
  }

  // Before glyphs starting at x: the sequence they belong to, a text object, the run's
  // colour, font and rise, and the text position.
  void ready_text(double x) {
    if (!in_text_) open_pending();
    if (!in_text_) {
      out_ += "BT\n";
      in_text_ = true;
      line_x_ = line_y_ = 0;
      text_x_ = NAN;
    }
    fill(run_ink_);
    if (run_font_ != font_ || run_size_ != size_) {
      font_ = run_font_;
      size_ = run_size_;
      out_ += "/" + res_.fonts.at(font_)->resource_name() + " " + pdf_number(size_) + " Tf\n";
    }
    if (rise_ != rise_said_) {
      rise_said_ = rise_;
      out_ += pdf_number(rise_) + " Ts\n";
    }
    if (!(x == text_x_ && pen_y_ == line_y_)) {
      out_ += pdf_number(x - line_x_) + " " + pdf_number(pen_y_ - line_y_) + " Td\n";
      line_x_ = x;
      line_y_ = pen_y_;
    }
  }

  // Writes the opening of the sequence that is due on a tagged page: the element's, with
  // its next MCID and the language of the spans around it, or the artifact's. Inside an
  // artifact cut out of content (an inserted hyphen) nothing more opens.
  void open_pending() {
    if (written_ || !open_ || in_artifact_) return;
    written_ = true;
    if (open_->kind == Mark::Kind::kArtifact) {
      if (open_->artifact.empty()) {
        out_ += tag_artifact() + " BMC\n";
        return;
      }
      PoDoFo::PdfDictionary props;
      props.AddKey("Type", name(open_->artifact));
      out_ += tag_artifact() + serialized(PoDoFo::PdfObject(props)) + "BDC\n";
      return;
    }
    std::string lang;
    for (const SpanProps& s : spans_) {
      if (!s.lang.empty()) lang = s.lang;
    }
    out_ += tag_of(tagging_->type_of(open_->element));
    const int mcid = next_mcid();
    if (lang.empty()) {
      out_ += mcid_props(mcid);
    } else {
      out_ += property_list(std::nullopt, lang, mcid);
    }
    out_ += "BDC\n";
  }

  const std::string& tag_of(const std::string& type) {
    auto& tags = res_.marked.tags;
    auto it = tags.find(type);
    if (it == tags.end()) it = tags.emplace(type, serialized(name(type))).first;
    return it->second;
  }
  const std::string& mcid_props(int mcid) {
    auto& mcids = res_.marked.mcids;
    while (static_cast<int>(mcids.size()) <= mcid) mcids.push_back(property_list(std::nullopt, "", static_cast<int>(mcids.size())));
    return mcids[static_cast<size_t>(mcid)];
  }

  void close_sequence() {
    if (written_) out_ += "EMC\n";
    written_ = false;
  }

  int next_mcid() {
    tagging_->mcids.push_back(open_->element);
    return static_cast<int>(tagging_->mcids.size() - 1);
  }

  // What the spans open say together: the innermost text, the innermost language.
  std::optional<SpanProps> current_span() const {
    if (spans_.empty()) return std::nullopt;
    SpanProps p;
    for (const SpanProps& s : spans_) {
      if (s.actual_text) p.actual_text = s.actual_text;
      if (!s.lang.empty()) p.lang = s.lang;
    }
    return p;
  }

  // Whether spans and artifacts here are cut out of the element's content (kSequence
  // inside an element's content, kSegment) rather than nested in what is open: inside an
  // artifact nothing is read, so nesting is harmless there.
  bool cutting() const {
    if (mode_ == SpanMode::kSegment) return true;
    return mode_ == SpanMode::kSequence && open_ && open_->kind == Mark::Kind::kContent;
  }

  // A span on a tagged page goes around the element's sequences, never inside one:
  // poppler 22.12's structure reader ends an MCID's content at the first EMC within it,
  // whatever that EMC closes. Its /ActualText stays on the span; its /Lang goes on the
  // sequences inside (§14.9.2.2).
  void begin_span(const SpanProps& p) {
    if (mode_ == SpanMode::kSegment) {
      cut([&] { spans_.push_back(p); });
      return;
    }
    if (!cutting()) {
      // Nested where it stands: inside the text object when one is open (a sequence
      // begun inside one ends inside it, ISO 32000-1 §14.6).
      if (!in_text_) open_pending();
      spans_.push_back(p);
      span_in_text_.push_back(in_text_);
      out_ += tag_span() + property_list(p.actual_text, p.lang, std::nullopt) + "BDC\n";
      return;
    }
    end_text();
    close_sequence();
    spans_.push_back(p);
    out_ += tag_span() + property_list(p.actual_text, "", std::nullopt) + "BDC\n";
  }

  void end_span() {
    if (mode_ == SpanMode::kSegment) {
      cut([&] { spans_.pop_back(); });
      return;
    }
    if (!cutting()) {
      if (span_in_text_.back() != in_text_) end_text();
      spans_.pop_back();
      span_in_text_.pop_back();
      out_ += "EMC\n";
      return;
    }
    end_text();
    close_sequence();
    spans_.pop_back();
    out_ += "EMC\n";
  }

  // The last glyphs of a run that are a layout artifact (an inserted hyphen, ISO 32000-1
  // §14.8.2.2.3): between the element's sequences, inside the run's span.
  void begin_artifact() {
    if (mode_ == SpanMode::kSegment) {
      cut([&] { artifact_ = true; });
      return;
    }
    if (!cutting()) return;
    end_text();
    close_sequence();
    out_ += tag_artifact() + " BMC\n";
    in_artifact_ = true;
  }

  void end_artifact() {
    if (mode_ == SpanMode::kSegment) {
      cut([&] { artifact_ = false; });
      return;
    }
    if (!in_artifact_) return;
    end_text();
    out_ += "EMC\n";
    in_artifact_ = false;
  }

  // kSegment: ends the form part being written and changes what the next one is.
  template <class Change>
  void cut(Change change) {
    end_text();
    push_segment();
    change();
    // A new stream, drawn inside q/Q in the state the page had before it: nothing said
    // in the last part holds.
    fill_ = stroke_ = Ink{};
    line_width_ = 1;
    dash_ = 0;
    font_ = ~FontRef{0};
    size_ = 0;
    rise_said_ = 0;
  }

  // kSegment: the part written so far, unless it draws nothing. A span's /Span is inside
  // the part, around all it draws: poppler places an /ActualText with the text state at
  // its EMC, which outside the form is the page's, not the form's font.
  void push_segment() {
    if (painted_) {
      FormSegment seg;
      seg.span = current_span();
      // An artifact inside a span (the hyphen of a word whose text the part before said)
      // extracts as nothing.
      if (artifact_ && seg.span) seg.span = SpanProps{std::string(), ""};
      if (seg.span) {
        out_ = tag_span() + property_list(seg.span->actual_text, seg.span->lang, std::nullopt) + "BDC\n" + out_ + "EMC\n";
      }
      seg.ops = std::move(out_);
      seg.artifact = artifact_;
      segments_.push_back(std::move(seg));
    }
    out_.clear();
    painted_ = false;
  }

  ContentResources& res_;
  SpanMode mode_;
  Tagging* tagging_;
  std::string out_;
  std::vector<FormSegment> segments_;  // kSegment: the parts cut so far
  bool painted_ = false;               // something drawn in the current part
  std::vector<SpanProps> spans_;       // open spans, outermost first
  std::vector<bool> span_in_text_;     // kNested: whether each began inside a text object
  Ink fill_, stroke_;
  double line_width_ = 1;
  double dash_ = 0;
  bool in_text_ = false;
  FontRef font_ = ~FontRef{0};
  double size_ = 0;
  double line_x_ = 0, line_y_ = 0;  // origin of the current text line (Td is relative to it)
  double text_x_ = NAN;             // where the last glyphs shown ended (NAN: unknown)
  // The run being drawn: what its glyphs need said, and the pen.
  FontRef run_font_ = 0;
  double run_size_ = 0;
  Ink run_ink_;
  double pen_x_ = 0, pen_y_ = 0;
  double rise_ = 0, rise_said_ = 0;  // Ts wanted, and in force
  std::optional<Mark> open_;         // tagged page: the mark of the items being drawn
  bool written_ = false;             // ... and whether its sequence has been opened
  bool in_artifact_ = false;         // kSequence: inside an artifact cut out of content
  bool artifact_ = false;            // kSegment: the part being written is an artifact

};

}  // namespace

bool same_sequence(const Mark& a, const Mark& b) {
  return a.kind == b.kind && a.element == b.element && a.artifact == b.artifact && a.sequence == b.sequence;
}

std::string build_content(const Page& page, ContentResources& res, Tagging* tagging, size_t from, size_t to) {
  to = std::min(to, page.items.size());
  if (page.marks.empty()) {
    Builder b(res, SpanMode::kNested, nullptr);
    for (size_t i = from; i < to; ++i) std::visit(b, page.items[i]);
    return b.take();
  }
  if (page.marks.size() != page.items.size() || !tagging) throw std::logic_error("build_content: a mark for every item");
  Builder b(res, SpanMode::kSequence, tagging);
  for (size_t i = from; i < to; ++i) {
    b.mark(page.marks[i]);
    std::visit(b, page.items[i]);
  }
  return b.take();
}

std::vector<FormSegment> build_form_segments(const Page& page, ContentResources& res) {
  if (!page.marks.empty()) throw std::logic_error("build_form_segments: a form's content is marked where it is drawn");
  Builder b(res, SpanMode::kSegment, nullptr);
  for (const Item& item : page.items) std::visit(b, item);
  return b.take_segments();
}

}  // namespace appeal::pdf

