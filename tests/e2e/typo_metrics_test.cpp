// typo-metrics must be able to fail: a hand-made PDF with a run of three hyphenated
// lines, an overfull line, an orphan and a widow is reported as such.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "pdf/document.h"
#include "support/run.h"
#include "text/font_cache.h"
#include "text/shape.h"

namespace {

using namespace appeal;

pdf::TextRun run_of(text::FontCache& fonts, text::FontId font, const std::string& s, double x, double y,
                    double word_space) {
  pdf::TextRun r;
  r.size_pt = 10;
  r.x_pt = x;
  r.y_pt = y;
  for (const text::Glyph& g : text::shape(fonts, {font, 10, "en"}, s, {0, static_cast<uint32_t>(s.size())})) {
    pdf::GlyphOut o{g.gid, g.advance_pt, 0, 0, s.substr(g.text.begin, g.text.end - g.text.begin)};
    if (o.text == " ") o.advance_pt = word_space;
    r.glyphs.push_back(o);
  }
  return r;
}

double width_of(text::FontCache& fonts, text::FontId font, const std::string& s, double word_space) {
  double w = 0;
  for (const auto& g : run_of(fonts, font, s, 0, 0, word_space).glyphs) w += g.advance_pt;
  return w;
}

// One justified line: the word space is chosen so the line ends exactly at `right`.
pdf::TextRun justified(text::FontCache& fonts, text::FontId font, const std::string& s, double y, double right) {
  const double natural = width_of(fonts, font, s, 0);
  size_t spaces = 0;
  for (char c : s) spaces += c == ' ';
  return run_of(fonts, font, s, 72, y, (right - 72 - natural) / static_cast<double>(spaces));
}

TEST(TypoMetrics, ReportsHyphenRunsOverfullLinesWidowsAndOrphans) {
  test::TempDir dir;
  const auto file = dir.path() / "bad.pdf";
  {
    text::FontCache fonts;
    const auto path = std::filesystem::path(APPEAL_SOURCE_DIR) / "fonts/PTSerif-Regular.ttf";
    const text::FontId font = fonts.load(path);
    pdf::Document doc(file, {});
    const pdf::FontRef ref = doc.add_font({path});
    // The measure: the widest full line at 3 pt word spaces, so every gap stays word-like.
    const std::vector<std::string> full_lines = {"the first line of this text ends in a hyph-",
                                                 "enated word and so does this line of the para-",
                                                 "graph and also this one which ends with a hy-",
                                                 "an orphan line starts the next paragraph here and runs on"};
    double right = 0;
    for (const auto& s : full_lines) {
      size_t spaces = 0;
      for (char c : s) spaces += c == ' ';
      right = std::max(right, 72 + width_of(fonts, font, s, 0) + 3.0 * static_cast<double>(spaces));
    }
    const auto page_with = [&](const std::vector<std::pair<std::string, bool>>& lines, double top) {
      pdf::Page page;
      page.boxes.media = {0, 0, 595, 842};
      double y = top;
      for (const auto& [s, full] : lines) {
        pdf::TextRun r = full ? justified(fonts, font, s, y, right) : run_of(fonts, font, s, 72, y, 2.5);
        r.font = ref;
        page.items.push_back(r);
        y -= 12;
      }
      return page;
    };
    // Page 1: a paragraph with three hyphenated lines in a row, then one overfull line,
    // then a paragraph whose first line alone ends the page (an orphan).
    doc.add_page(page_with({{"the first line of this text ends in a hyph-", true},
                            {"enated word and so does this line of the para-", true},
                            {"graph and also this one which ends with a hy-", true},
                            {"phen and then a line that runs on far beyond the measure of the page and past it", false},
                            {"and the paragraph ends here.", false}},
                           700));
    doc.add_page([&] {
      pdf::Page p = page_with({{"an orphan line starts the next paragraph here and runs on", true}}, 500);
      return p;
    }());
    // Page 3: the paragraph's last line alone (a widow), then a new paragraph.
    doc.add_page(page_with({{"widow.", false}}, 700));
    doc.finish();
  }
  const auto r = test::run({(std::filesystem::path(APPEAL_SOURCE_DIR) / "tests/tools/typo-metrics").string(), "--json",
                            file.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto m = nlohmann::json::parse(r.out);
  EXPECT_EQ(m["longest_hyphen_run"].get<int>(), 3) << r.out;
  EXPECT_GE(m["overfull_lines"].get<int>(), 1) << r.out;
  EXPECT_EQ(m["orphans"].get<int>(), 1) << r.out;  // page 2: one line of a new paragraph
  EXPECT_EQ(m["widows"].get<int>(), 1) << r.out;   // page 3: its last line alone
}

}  // namespace
