// A whole letter in Arabic (issue 12, right-to-left text): the body is right to left,
// justified lines fill the measure and each paragraph's last line sits on the right edge;
// every purely Arabic word extracts whole and in logical order; glyphs are never 0.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "e2e/sample_case.h"
#include "support/pdf_probe.h"
#include "support/run.h"

namespace {

constexpr double kPtPerMm = 72.0 / 25.4;

bool all_arabic(const std::string& w) {
  for (size_t i = 0; i < w.size(); ++i) {
    const auto b = static_cast<unsigned char>(w[i]);
    if (b < 0x80) return false;  // digits, Latin, ASCII punctuation: mixed-direction words
  }
  return w.find("\xD8\x8C") == std::string::npos;  // the Arabic comma, a neutral to poppler
}

TEST(RightToLeft, AnArabicLetterIsSetRightToLeftAndExtractsInLogicalOrder) {
  test::TempDir dir;
  nlohmann::json c = test::sample_case();
  c["languages"] = {"ar", "en"};
  c["letters"]["ar"] = {
      {"subject", "زانبولات ماماي: رفع جميع القيود وإسقاط جميع التهم"},
      {"body",
       {"أكتب إليكم بشأن زانبولات ماماي الذي صدر بحقه حكم بالسجن ست سنوات مع وقف التنفيذ في 10 أبريل/نيسان 2023. "
        "وأشعر بالقلق لأن هذه الإدانة هي انتقام من انتقاده المشروع للحكومة وقيادته لحزب المعارضة غير المسجل، الحزب "
        "الديمقراطي في كازاخستان (DPK). ويفرض الحكم قيوداً شديدة على حقوقه في حرية التعبير والتجمع والتنقل.",
        "أحثكم على اتخاذ جميع الخطوات اللازمة لضمان رفع جميع القيود المفروضة على زانبولات ماماي فوراً وإسقاط جميع التهم "
        "الموجهة إليه."}},
      {"closing", "مع فائق الاحترام،"}};
  for (auto& t : c["targets"]) t["salutation"]["ar"] = "السيد الرئيس،";
  test::write_file(dir.path() / "case.json", c.dump());
  const auto out = dir.path() / "out";
  const auto r = test::run({test::appeal_bin(), "letters", (dir.path() / "case.json").string(), "--lang", "ar", "--target",
                            "president", "-o", out.string(), "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto pdf = out / "president-ar.pdf";
  EXPECT_TRUE(test::qpdf_clean(pdf));
  const auto notdef = test::run({(test::source_dir() / "tests/tools/pdfa-check").string(), "--notdef", pdf.string()});
  EXPECT_EQ(notdef.exit_code, 0) << notdef.out;

  // Logical order: every purely Arabic word of the letter comes back whole.
  std::string text = test::pdftotext(pdf);
  for (const char* mark : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E"}) {
    for (size_t p; (p = text.find(mark)) != std::string::npos;) text.erase(p, 3);
  }
  std::set<std::string> extracted;
  {
    std::istringstream in(text);
    for (std::string w; in >> w;) extracted.insert(w);
  }
  size_t checked = 0;
  for (const auto& para : c["letters"]["ar"]["body"]) {
    std::vector<std::string> words;
    std::istringstream in(para.get<std::string>());
    for (std::string w; in >> w;) words.push_back(w);
    // Words next to a number or Latin are left out: poppler places neutrals between
    // directions by its own heuristics ("المسجل، الحزب" may come back as "المسجل ،الحزب").
    for (size_t i = 0; i < words.size(); ++i) {
      const bool pure = all_arabic(words[i]) && (i == 0 || all_arabic(words[i - 1])) &&
                        (i + 1 == words.size() || all_arabic(words[i + 1]));
      if (!pure) continue;
      ++checked;
      EXPECT_TRUE(extracted.count(words[i])) << words[i];
    }
  }
  EXPECT_GT(checked, 50u);

  // Right to left: the body's lines end on the frame's right edge; the last line of the
  // first paragraph (shorter than the measure) starts well right of the left edge.
  const nlohmann::json body = test::layout_json("din5008-b-a4")["frames"]["body"];
  const double left = body["x_mm"].get<double>() * kPtPerMm;
  const double right = left + body["w_mm"].get<double>() * kPtPerMm;
  // Lines: words whose bottoms lie within 6 pt (the Arabic and the Latin fonts' boxes differ).
  std::vector<test::Word> words;
  for (const auto& w : test::pdftotext_words(pdf)) {
    if (w.page == 1 && w.y0 >= body["y_mm"].get<double>() * kPtPerMm) words.push_back(w);
  }
  std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.y1 < b.y1; });
  std::vector<std::pair<double, double>> lines;  // (min x0, max x1)
  double line_y = -100;
  for (const auto& w : words) {
    if (w.y1 - line_y > 6) {
      lines.emplace_back(1e9, -1e9);
      line_y = w.y1;
    }
    lines.back().first = std::min(lines.back().first, w.x0);
    lines.back().second = std::max(lines.back().second, w.x1);
  }
  ASSERT_GE(lines.size(), 5u);
  size_t on_right = 0, short_lines = 0;
  for (const auto& span : lines) {
    if (std::abs(span.second - right) < 1.5) ++on_right;
    if (span.first > left + 30) ++short_lines;
  }
  EXPECT_EQ(on_right, lines.size()) << "every line ends on the right edge";
  EXPECT_GE(short_lines, 2u) << "subject, salutation, closing and last lines start right of the left edge";
}

}  // namespace
