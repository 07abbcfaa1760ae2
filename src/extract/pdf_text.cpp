// PDF text through poppler's C++ API (libpoppler-cpp): words in poppler's reading order
// (TextOutputDev's flows and blocks, so two columns are read one after the other), grouped
// here into lines by their baselines and into paragraphs by the space between lines.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "common/input_error.h"
#include "extract/reader_parts.h"
#include "text/bidi.h"
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
  std::vector<Word> words;
};

// Poppler reports damaged files on stderr by default; the user gets our one message instead.
void quiet(const std::string&, void*) {}

std::string utf8(const poppler::ustring& s) {
  const poppler::byte_array b = s.to_utf8();
  return std::string(b.begin(), b.end());
}

// One line from its words, left to right as poppler gave them.
Line make_line(std::vector<Word> words) {
  Line l{"", words.front().x0, words.front().y0, words.front().x1, words.front().y1, {}};
  const Word* before = nullptr;
  for (const Word& w : words) {
    // Justified lines may set words apart by position alone, with no space character: a
    // gap wider than a tenth of the type size is a word space.
    if (before && !before->space_after && w.x0 - before->x1 > 0.1 * (w.y1 - w.y0)) l.text += ' ';
    l.text += w.text;
    if (w.space_after) l.text += ' ';
    l.x0 = std::min(l.x0, w.x0);
    l.x1 = std::max(l.x1, w.x1);
    l.y0 = std::min(l.y0, w.y0);
    l.y1 = std::max(l.y1, w.y1);
    before = &w;
  }
  l.words = std::move(words);
  return l;
}

std::vector<Line> lines_of(const std::vector<Word>& words) {
  std::vector<std::vector<Word>> groups;
  double x1 = 0, y0 = 0, y1 = 0;
  for (const Word& w : words) {
    const double h = w.y1 - w.y0;
    bool same = false;
    if (!groups.empty()) {
      const double mid = (w.y0 + w.y1) / 2, lmid = (y0 + y1) / 2;
      // Same baseline band and to the right of the line so far (a new column or a line
      // below starts left of it). A gap wider than two line heights is a table's or a
      // footer's next column: a line of its own ("PUBLICATION DATE" | "3 March 2025").
      same = std::abs(mid - lmid) < 0.5 * std::max(h, y1 - y0) && w.x0 >= x1 - 0.5 * h && w.x0 - x1 < 2 * h;
    }
    if (!same) {
      groups.emplace_back();
      x1 = w.x1;
      y0 = w.y0;
      y1 = w.y1;
    }
    groups.back().push_back(w);
    x1 = std::max(x1, w.x1);
    y0 = std::min(y0, w.y0);
    y1 = std::max(y1, w.y1);
  }
  std::vector<Line> lines;
  for (auto& g : groups) lines.push_back(make_line(std::move(g)));
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

// A label as a form or table writes it: mostly capitals ("PUBLICATION DATE"), or ending in
// a colon ("Salutation:").
bool labelish(const std::string& s) {
  int upper = 0, lower = 0;
  for (char32_t c : text::to_u32(s)) {
    if (u_isupper(static_cast<UChar32>(c))) ++upper;
    else if (u_islower(static_cast<UChar32>(c))) ++lower;
  }
  std::string t = s;
  while (!t.empty() && t.back() == ' ') t.pop_back();
  return (!t.empty() && t.back() == ':') || (upper >= 2 && lower * 4 <= upper);
}

struct Unit {
  Line line;
  bool force_break = false;  // a table cell starts: a paragraph of its own
};

// Reading order. Poppler reads a page's flows one after the other, which for a table of
// labels and values ("PUBLICATION DATE" | "3 March 2025", Amnesty's UA template) gives all
// the labels, then all the values. When three or more label lines have a value line beside
// them, the rows are rebuilt: a row starts at a label line beside the first line of a value
// cell (or after a gap in the label column), and holds the label lines and the value lines
// down to the next row. A line that runs from the label column into the value column
// without a word starting at the value column's edge ends the table; the rest keeps
// poppler's order.
std::vector<Unit> reading_order(std::vector<Line> lines, double typical, double leading) {
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!labelish(lines[i].text)) continue;
    for (size_t j = 0; j < lines.size(); ++j) {
      if (j != i && lines[j].x0 > lines[i].x1 + 0.5 * typical && std::abs(lines[j].y0 - lines[i].y0) < 0.5 * typical) {
        pairs.emplace_back(i, j);
        break;
      }
    }
  }
  if (pairs.size() < 3) {
    std::vector<Unit> plain;
    for (Line& l : lines) plain.push_back({std::move(l), false});
    return plain;
  }
  // The value column's edge: where most value lines start.
  std::map<long, int> starts;
  double top = 1e9;
  for (const auto& [i, j] : pairs) {
    ++starts[std::lround(lines[j].x0)];
    top = std::min(top, lines[i].y0 - 0.5 * typical);
  }
  const double edge = static_cast<double>(
      std::max_element(starts.begin(), starts.end(), [](const auto& a, const auto& b) { return a.second < b.second; })->first);
  // A label cell's last words may run up to the value beside it ("DETAILS & COPIES TO" +
  // "Gholamhossein ..." on one line): split where a word starts at the edge.
  std::vector<Line> split;
  for (Line& l : lines) {
    size_t cut = 0;
    for (size_t k = 1; k < l.words.size() && l.y0 >= top; ++k) {
      if (std::abs(l.words[k].x0 - edge) <= 1.5 && l.words[k - 1].x1 < edge) cut = k;
    }
    if (cut == 0) {
      split.push_back(std::move(l));
    } else {
      split.push_back(make_line(std::vector<Word>(l.words.begin(), l.words.begin() + static_cast<std::ptrdiff_t>(cut))));
      split.push_back(make_line(std::vector<Word>(l.words.begin() + static_cast<std::ptrdiff_t>(cut), l.words.end())));
    }
  }
  const double gutter = edge - 0.25 * typical;
  double end = 1e9;
  for (const Line& l : split) {
    if (l.y0 > top && l.x0 < gutter && l.x1 > gutter + typical) end = std::min(end, l.y0);
  }
  std::vector<const Line*> left, right;
  std::vector<const Line*> before, after;
  for (const Line& l : split) {
    if (l.y0 < top) before.push_back(&l);
    else if (l.y0 >= end) after.push_back(&l);
    else (l.x0 < gutter ? left : right).push_back(&l);
  }
  auto by_y = [](const Line* a, const Line* b) { return a->y0 < b->y0; };
  std::stable_sort(left.begin(), left.end(), by_y);
  std::stable_sort(right.begin(), right.end(), by_y);
  // A label cell's lines follow each other at the leading; the next row's label is further
  // down by the cell padding and the value's paragraph spacing. Where a tall label leaves no
  // such step ("PREFERRED LANGUAGE" / "TO ADDRESS TARGET" | "Persian, English", then
  // "APPEAL DEADLINE"), a label line starts a row when a value paragraph starts beside it
  // and the label line above had no value beside it.
  auto beside = [&](const Line* l) -> const Line* {
    for (const Line* r : right) {
      if (std::abs(r->y0 - l->y0) < 0.3 * typical) return r;
    }
    return nullptr;
  };
  auto opens_paragraph = [&](const Line* r) {
    const auto it = std::find(right.begin(), right.end(), r);
    return it == right.begin() || r->y0 - (*(it - 1))->y1 > 0.2 * typical;
  };
  std::vector<std::vector<const Line*>> row_labels;
  for (size_t k = 0; k < left.size(); ++k) {
    bool starts = k == 0 || left[k]->y0 - left[k - 1]->y0 > 1.15 * leading;
    if (!starts) {
      const Line* r = beside(left[k]);
      starts = r && opens_paragraph(r) && !beside(left[k - 1]);
    }
    if (starts) row_labels.emplace_back();
    row_labels.back().push_back(left[k]);
  }
  std::vector<std::vector<const Line*>> row_values(row_labels.size());
  std::vector<const Line*> orphans;  // values above the first label
  for (const Line* r : right) {
    size_t row = row_labels.size();
    for (size_t k = 0; k < row_labels.size(); ++k) {
      if (row_labels[k].front()->y0 <= r->y0 + 0.5 * typical) row = k;
    }
    if (row == row_labels.size()) orphans.push_back(r);
    else row_values[row].push_back(r);
  }
  std::vector<Unit> out;
  for (const Line* b : before) out.push_back({*b, false});
  for (size_t n = 0; n < orphans.size(); ++n) out.push_back({*orphans[n], n == 0});
  for (size_t k = 0; k < row_labels.size(); ++k) {
    for (size_t n = 0; n < row_labels[k].size(); ++n) out.push_back({*row_labels[k][n], n == 0});
    for (size_t n = 0; n < row_values[k].size(); ++n) out.push_back({*row_values[k][n], n == 0});
  }
  for (size_t n = 0; n < after.size(); ++n) out.push_back({*after[n], n == 0});
  return out;
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
      // A combining mark alone in a box of no width (LibreOffice draws an Arabic tanwin again
      // apart from its word): the word already holds it.
      if (tb.bbox().width() <= 0 && !cps.empty() &&
          std::all_of(cps.begin(), cps.end(), [](char32_t c) { return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_MN_MASK) != 0; })) {
        continue;
      }
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
    // The leading: the usual step from one line's top to the next one's.
    std::vector<double> steps;
    for (size_t i = 1; i < lines.size(); ++i) {
      const double dy = lines[i].y0 - lines[i - 1].y0;
      if (dy > 0.5 * typical && dy < 2 * typical) steps.push_back(dy);
    }
    std::sort(steps.begin(), steps.end());
    const double leading = steps.empty() ? typical : steps[steps.size() / 2];
    const std::vector<Unit> units = reading_order(lines, typical, leading);
    for (const Unit& unit : units) {
      const Line& l = unit.line;
      // Poppler gives right-to-left text in the order of its glyphs on the page.
      const std::string text = clean_line(text::logical_from_visual(l.text));
      if (text.empty()) continue;
      // A page break starts a paragraph but is no gap: the address or list goes on.
      bool new_para = prev == nullptr || unit.force_break, gap = unit.force_break;
      if (prev && !unit.force_break) {
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
