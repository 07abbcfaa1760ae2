// PDF text through poppler's C++ API (libpoppler-cpp): words in poppler's reading order
// (TextOutputDev's flows and blocks, so two columns are read one after the other), grouped
// here into lines by their baselines and into paragraphs by the space between lines.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "common/input_error.h"
#include "extract/reader_parts.h"
#include "text/utf8.h"

namespace appeal::extract {
namespace {

struct Word {
  std::string text;
  double x0, y0, x1, y1;  // top-left origin, points
  bool space_after;
};

struct Line {
  std::string text;
  double x0, y0, x1, y1;
};

// Poppler reports damaged files on stderr by default; the user gets our one message instead.
void quiet(const std::string&, void*) {}

std::string utf8(const poppler::ustring& s) {
  const poppler::byte_array b = s.to_utf8();
  return std::string(b.begin(), b.end());
}

std::vector<Line> lines_of(const std::vector<Word>& words) {
  std::vector<Line> lines;
  const Word* before = nullptr;
  for (const Word& w : words) {
    const double h = w.y1 - w.y0;
    bool same = false;
    if (!lines.empty()) {
      const Line& l = lines.back();
      const double mid = (w.y0 + w.y1) / 2, lmid = (l.y0 + l.y1) / 2;
      // Same baseline band and to the right of the line so far (a new column or a line
      // below starts left of it).
      same = std::abs(mid - lmid) < 0.5 * std::max(h, l.y1 - l.y0) && w.x0 >= l.x1 - 0.5 * h;
    }
    if (!same) {
      lines.push_back({w.text, w.x0, w.y0, w.x1, w.y1});
    } else {
      Line& l = lines.back();
      // Justified lines may set words apart by position alone, with no space character:
      // a gap wider than a tenth of the type size is a word space.
      if (before && !before->space_after && w.x0 - before->x1 > 0.1 * h) l.text += ' ';
      l.text += w.text;
      l.x1 = std::max(l.x1, w.x1);
      l.y0 = std::min(l.y0, w.y0);
      l.y1 = std::max(l.y1, w.y1);
    }
    if (w.space_after) lines.back().text += ' ';
    before = &w;
  }
  return lines;
}

bool ends_sentence(const std::string& s) {
  std::string t = s;
  while (!t.empty() && t.back() == ' ') t.pop_back();
  if (t.empty()) return false;
  for (const char* end : {".", "!", "?", ":", ",", "\xE2\x80\x9D" /* ” */, "\xC2\xBB" /* » */, "\""}) {
    const size_t n = std::char_traits<char>::length(end);
    if (t.size() >= n && t.compare(t.size() - n, n, end) == 0) return true;
  }
  return false;
}

}  // namespace

DocumentText read_pdf(const std::filesystem::path& file) {
  poppler::set_debug_error_function(quiet, nullptr);
  std::unique_ptr<poppler::document> pdf(poppler::document::load_from_file(file.string()));
  if (!pdf) {
    throw InputError(file, "",
                     "cannot open as PDF (damaged, or encrypted with a password): expected an Urgent Action whose "
                     "text can be read; save it again without a password");
  }
  if (pdf->is_locked()) {
    throw InputError(file, "", "the PDF is encrypted with a password: expected an Urgent Action whose text can be read");
  }
  DocumentText doc;
  doc.format = "pdf";
  doc.pages = pdf->pages();
  size_t characters = 0;
  for (int pi = 0; pi < pdf->pages(); ++pi) {
    std::unique_ptr<poppler::page> page(pdf->create_page(pi));
    if (!page) continue;
    const poppler::rectf box = page->page_rect();
    const double height = box.height() > 0 ? box.height() : 842;
    std::vector<Word> words;
    for (const poppler::text_box& tb : page->text_list()) {
      // Poppler joins a word hyphenated at a line end into one box spanning both lines
      // ("de-" + "fend"); its glyph boxes tell where the second line starts.
      const std::string all = utf8(tb.text());
      const std::u32string cps = text::to_u32(all);
      std::string part;
      poppler::rectf box;
      bool first = true;
      for (size_t i = 0; i < cps.size(); ++i) {
        const poppler::rectf g = tb.char_bbox(i);
        if (!first && g.height() > 0 && std::abs(g.top() - box.top()) > 0.5 * g.height()) {
          words.push_back({part, box.left(), box.top(), box.right(), box.bottom(), false});
          part.clear();
          first = true;
        }
        if (first) {
          box = g;
          first = false;
        } else {
          box = poppler::rectf(std::min(box.left(), g.left()), std::min(box.top(), g.top()),
                               std::max(box.right(), g.right()) - std::min(box.left(), g.left()),
                               std::max(box.bottom(), g.bottom()) - std::min(box.top(), g.top()));
        }
        text::append_utf8(part, cps[i]);
      }
      if (cps.empty() || box.width() <= 0) {
        const poppler::rectf r = tb.bbox();
        words.push_back({part, r.left(), r.top(), r.right(), r.bottom(), tb.has_space_after()});
      } else {
        words.push_back({part, box.left(), box.top(), box.right(), box.bottom(), tb.has_space_after()});
      }
      characters += all.size();
    }
    const std::vector<Line> lines = lines_of(words);
    // Typical line height on the page, for "a gap".
    std::vector<double> heights;
    for (const Line& l : lines) heights.push_back(l.y1 - l.y0);
    std::sort(heights.begin(), heights.end());
    const double typical = heights.empty() ? 10 : heights[heights.size() / 2];
    // The measure's right edge: most lines of running text reach it.
    std::vector<double> rights;
    for (const Line& l : lines) rights.push_back(l.x1);
    std::sort(rights.begin(), rights.end());
    const double measure_right = rights.empty() ? 0 : rights[rights.size() * 9 / 10];
    Paragraph cur;
    const Line* prev = nullptr;
    auto flush = [&] {
      if (!cur.lines.empty()) doc.paragraphs.push_back(std::move(cur));
      cur = Paragraph{};
      cur.page = pi + 1;
    };
    cur.page = pi + 1;
    for (const Line& l : lines) {
      const std::string text = clean_line(l.text);
      if (text.empty()) continue;
      // A page break starts a paragraph but is no gap: the address or list goes on.
      bool new_para = prev == nullptr, gap = false;
      if (prev) {
        const double space = l.y0 - prev->y1;
        if (space > 0.6 * typical || l.y1 < prev->y0) {  // a gap, or back up: a new column or block
          new_para = gap = true;
        } else if (ends_sentence(prev->text) && prev->x1 < measure_right - 2 * typical) {
          new_para = true;  // the previous line ended a sentence well short of the measure
        } else if (std::abs(l.x0 - prev->x0) > 3 * typical) {
          new_para = true;  // another indent: an address beside a date, a table cell
        }
      }
      if (new_para) {
        flush();
        cur.gap_before = gap;
      }
      cur.lines.push_back(text);
      // Running heads and feet sit in the top and bottom margins: outside the middle 80 %.
      cur.at_edge.push_back(l.y1 < 0.10 * height || l.y0 > 0.88 * height);
      prev = &l;
    }
    flush();
  }
  if (characters == 0) {
    throw InputError(file, "",
                     "the PDF has no text, only images (a scan?): expected an Urgent Action with a text layer; "
                     "run OCR on it first (e.g. ocrmypdf) or give the text as .txt");
  }
  return doc;
}

}  // namespace appeal::extract
