#include "render/trace.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <memory>

#include "common/input_error.h"

namespace appeal::render {

namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  if (std::string(buf) == "-0.00") return "0.00";
  return buf;
}

// A quoted string: backslash, quote and control characters escaped, the rest as is.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string ink(const Ink& i) {
  switch (i.kind) {
    case Ink::Kind::kCmyk:
      return "cmyk(" + num(i.c) + "," + num(i.m) + "," + num(i.y) + "," + num(i.k) + ")";
    case Ink::Kind::kRegistration:
      return "registration";
    case Ink::Kind::kGray:
      break;
  }
  return "gray(" + num(i.level) + ")";
}

std::string box(const Rect& b) { return num(b.x_pt) + " " + num(b.y_pt) + " " + num(b.w_pt) + " " + num(b.h_pt); }

std::string slice(const std::string& s, text::SourceSpan span) {
  if (span.empty() || span.end > s.size()) return {};
  return s.substr(span.begin, span.end - span.begin);
}

const char* purpose(layout::Purpose p) {
  switch (p) {
    case layout::Purpose::kPrintShop:
      return "print-shop";
    case layout::Purpose::kArchive:
      return "archive";
    case layout::Purpose::kOffice:
      break;
  }
  return "office";
}

const char* hyphen(text::HyphenRole r) {
  switch (r) {
    case text::HyphenRole::kInserted:
      return "inserted";
    case text::HyphenRole::kContinuation:
      return "continuation";
    case text::HyphenRole::kExplicit:
      return "explicit";
    case text::HyphenRole::kNone:
      break;
  }
  return "none";
}

class Tracer {
 public:
  explicit Tracer(const text::FontCache& fonts) : fonts_(fonts) {}

  void head(const layout::DocumentHead& h) {
    out_ += "# appeal trace 1: lengths in pt from the page's top left\n";
    out_ += "document title=" + quoted(h.title) + " author=" + quoted(h.author) + " subject=" + quoted(h.subject) +
            " lang=" + h.language + " purpose=" + purpose(h.purpose) + " created=" + std::to_string(h.created) + "\n";
    if (!h.signing_reason.empty()) out_ += "signing-reason " + quoted(h.signing_reason) + "\n";
    for (const layout::AttachedFile& f : h.attachments) {
      out_ += "attachment " + quoted(f.name) + " " + f.mime + " bytes=" + std::to_string(f.data.size()) +
              " description=" + quoted(f.description) + "\n";
    }
  }

  void page(const layout::DisplayPage& p) {
    out_ += "page " + std::to_string(++pages_) + " " + num(p.width_pt) + "x" + num(p.height_pt) + "\n";
    if (p.trim) out_ += "  trim " + box(*p.trim) + "\n";
    if (p.bleed) out_ += "  bleed " + box(*p.bleed) + "\n";
    for (const auto& u : p.underlays) {
      auto it = shared_.find(u.get());
      if (it != shared_.end()) {
        out_ += "  shared " + std::to_string(it->second.second) + "\n";
        continue;
      }
      const int id = static_cast<int>(shared_.size()) + 1;
      shared_.emplace(u.get(), std::make_pair(u, id));
      out_ += "  shared " + std::to_string(id) + " (first use)\n";
      items(*u, "    ");
    }
    items(p, "  ");
  }

  // The document's facts (layout::DocumentHead::facts), after its pages: a stream knows
  // some only at its end.
  void facts(const std::map<std::string, std::string>& f) {
    for (const auto& [k, v] : f) out_ += "fact " + k + " " + quoted(v) + "\n";
  }

  std::string take() { return std::move(out_); }

 private:
  void items(const layout::DisplayPage& p, const std::string& in) {
    for (const FilledRect& f : p.boxes) out_ += in + "box " + box(f.rect) + " " + ink(f.ink) + "\n";
    for (const layout::Drawing& d : p.figures) {
      out_ += in + "figure reading=" + std::to_string(d.reading) + " alt=" + quoted(d.alt) + "\n";
      for (const FilledRect& f : d.boxes) out_ += in + "  box " + box(f.rect) + " " + ink(f.ink) + "\n";
    }
    for (const layout::PlacedLine& l : p.lines) line(l, in);
    for (const Rule& r : p.rules) {
      out_ += in + "rule " + num(r.x1_pt) + " " + num(r.y1_pt) + " " + num(r.x2_pt) + " " + num(r.y2_pt) +
              " width=" + num(r.width_pt) + " " + ink(r.ink) + (r.dash_pt > 0 ? " dash=" + num(r.dash_pt) : "") + "\n";
    }
    for (const layout::PlacedImage& i : p.images) {
      out_ += in + "image " + layout::role_name(i.role) + " " + quoted(std::filesystem::path(i.file).filename().string()) + " " + box(i.rect) +
              (i.alt.empty() ? "" : " alt=" + quoted(i.alt)) + (i.reading ? " reading=" + std::to_string(i.reading) : "") + "\n";
    }
  }

  void line(const layout::PlacedLine& pl, const std::string& in) {
    const text::Line& l = pl.line;
    const std::string& text = *pl.text;
    out_ += in + "line " + layout::role_name(pl.role) + " x=" + num(pl.x_pt) + " baseline=" + num(pl.baseline_pt) +
            " width=" + num(l.width_pt) + " " + ink(pl.ink) + (l.justified ? " justified=" + num(l.space_ratio) : "") + (l.hyphenated ? " hyphenated" : "") +
            " lang=" + pl.language + (pl.reading ? " reading=" + std::to_string(pl.reading) : "") + "\n";
    for (const text::GlyphRun& r : l.runs) {
      const std::filesystem::path font = fonts_.path(r.font);
      out_ += in + "  run " + font.filename().string() +
              (fonts_.face_index(r.font) ? "#" + std::to_string(fonts_.face_index(r.font)) : "") + " " + num(r.size_pt) +
              " x=" + num(r.x_pt) + (r.rtl ? " rtl" : "") +
              (r.hyphen != text::HyphenRole::kNone ? std::string(" hyphen=") + hyphen(r.hyphen) + " word=" +
                                                         quoted(slice(text, r.word))
                                                   : "") +
              " text=" + quoted(slice(text, r.source)) + "\n";
      std::string glyphs = in + "   ";
      double x = 0;
      for (const text::Glyph& g : r.glyphs) {
        glyphs += " " + std::to_string(g.gid) + "@" + num(x + g.dx_pt);
        if (g.dy_pt != 0) glyphs += "^" + num(g.dy_pt);
        if (!g.text.empty()) glyphs += "=" + quoted(slice(text, g.text));
        x += g.advance_pt;
      }
      out_ += glyphs + "\n";
    }
  }

  const text::FontCache& fonts_;
  std::string out_;
  int pages_ = 0;
  std::map<const layout::DisplayPage*, std::pair<std::shared_ptr<const layout::DisplayPage>, int>> shared_;
};

void write_file(const std::filesystem::path& file, const std::string& data) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << data;
  out.flush();
  if (!out) throw OutputError(file.string() + ": cannot write the file");
}

class TraceStream : public PageStream {
 public:
  TraceStream(const layout::DocumentHead& head, const text::FontCache& fonts, std::filesystem::path file)
      : tracer_(fonts), file_(std::move(file)), facts_(head.facts) {
    tracer_.head(head);
  }
  void add(std::vector<layout::DisplayPage> pages) override {
    for (const layout::DisplayPage& p : pages) tracer_.page(p);
  }
  void set_fact(const std::string& key, const std::string& value) override { facts_[key] = value; }
  void finish() override {
    tracer_.facts(facts_);
    write_file(file_, tracer_.take());
  }

 private:
  Tracer tracer_;
  std::filesystem::path file_;
  std::map<std::string, std::string> facts_;
};

}  // namespace

std::string trace_document(const layout::Document& doc, const text::FontCache& fonts) {
  Tracer t(fonts);
  t.head(doc.head);
  for (const layout::DisplayPage& p : doc.pages) t.page(p);
  t.facts(doc.head.facts);
  return t.take();
}

void write_trace(const layout::Document& doc, const text::FontCache& fonts, const std::filesystem::path& file) {
  write_file(file, trace_document(doc, fonts));
}

std::unique_ptr<PageStream> open_trace_stream(const layout::DocumentHead& head, const text::FontCache& fonts,
                                              const std::filesystem::path& file) {
  return std::make_unique<TraceStream>(head, fonts, file);
}

}  // namespace appeal::render
