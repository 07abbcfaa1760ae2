#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "text/fonts.h"
#include "text/paragraph.h"

using namespace appeal::text;

namespace {

const char* kRussian =
    "Условия приговора запрещают ему любую политическую и благотворительную деятельность, в том числе "
    "новые попытки зарегистрировать свою партию, всякую журналистскую деятельность и пользование "
    "социальными сетями, а также ограничивают его свободу передвижения.";

class ParagraphTest : public ::testing::Test {
 protected:
  FontCache fonts;
  FontId serif = fonts.load(test::font_file("PTSerif-Regular.ttf"));
  Hyphenator ru{test::hyphen_file("hyph_ru_RU.dic"), {2, 2}};
  Hyphenator en{test::hyphen_file("hyph_en_US.dic"), {2, 3}};
  HyphenatorSet hyph{{"ru", &ru}, {"en", &en}};

  Paragraph para(const std::string& text, const std::string& lang) {
    Paragraph p;
    p.text = text;
    p.language = lang;
    p.styles.push_back({{0, static_cast<uint32_t>(text.size())}, serif, 11});
    return p;
  }

  // What the lines say, hyphenated words joined, one space between words.
  static std::string read_back(const Paragraph& p, const std::vector<Line>& lines) {
    std::string out;
    for (const Line& line : lines) {
      if (!out.empty() && out.back() != ' ' && !(line.runs.front().hyphen == HyphenRole::kContinuation)) out += ' ';
      for (const GlyphRun& run : line.runs) {
        for (const Glyph& g : run.glyphs) out += p.text.substr(g.text.begin, g.text.end - g.text.begin);
      }
    }
    return out;
  }
};

TEST_F(ParagraphTest, JustifiedLinesFillTheMeasureExactly) {
  const Paragraph p = para(kRussian, "ru");
  Measure m;
  m.width_pt = 220;
  m.max_space_ratio = 0;  // justified whatever the spacing (see the ragged fallback below)
  const auto lines = set_paragraph(p, m, fonts, hyph);
  ASSERT_GE(lines.size(), 5u);
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    EXPECT_NEAR(lines[i].width_pt, 220, 0.01) << "line " << i;
    EXPECT_GE(lines[i].space_ratio, 1 - m.space_shrink - 1e-9) << "line " << i;
  }
  EXPECT_LT(lines.back().width_pt, 220);  // the last line stays ragged
  EXPECT_DOUBLE_EQ(lines.back().space_ratio, 1);
}

// Long Russian words with few pattern points in a 220 pt column: total fit needs word
// spaces over twice their natural width. Such a paragraph is set ragged-right instead.
TEST_F(ParagraphTest, ParagraphTooLooseToJustifyIsSetRaggedRight) {
  const Paragraph p = para(kRussian, "ru");
  Measure m;
  m.width_pt = 220;
  Measure unlimited = m;
  unlimited.max_space_ratio = 0;
  double worst = 0;
  for (const Line& l : set_paragraph(p, unlimited, fonts, hyph)) worst = std::max(worst, l.space_ratio);
  ASSERT_GT(worst, m.max_space_ratio);  // the premise: justified, it would be loose
  const auto lines = set_paragraph(p, m, fonts, hyph);
  ASSERT_GE(lines.size(), 5u);
  for (const Line& l : lines) {
    EXPECT_FALSE(l.justified);
    EXPECT_LE(l.width_pt, 220 + 1e-6);
    EXPECT_DOUBLE_EQ(l.space_ratio, 1);  // natural spaces: not squeezed next to justified text
  }
  EXPECT_EQ(read_back(p, lines), p.text);
  // The same paragraph in a wider column justifies within the limit.
  m.width_pt = 420;
  for (const Line& l : set_paragraph(p, m, fonts, hyph)) EXPECT_LE(l.space_ratio, m.max_space_ratio);
}

// A URL breaks where the Chicago Manual of Style puts its breaks (after "/", before "-",
// ...): never after one of its own hyphens (a Polish line break there would even repeat
// the hyphen), never with an added one; it extracts whole.
TEST_F(ParagraphTest, UrlsBreakOnlyWhereAReaderCannotMistakeIt) {
  const std::string url = "https://www.amnesty.org.pl/pilne-akcje/uwolnic-adwokatke-broniaca-protestujacych/?utm_source=x&y=2";
  Paragraph p = para("Więcej: " + url + " i na stronie.", "pl");
  Hyphenator pl{test::hyphen_file("hyph_pl_PL.dic"), {2, 2, true}};
  const HyphenatorSet set{{"pl", &pl}};
  for (double width : {90.0, 120.0, 160.0}) {
    Measure m;
    m.width_pt = width;
    m.align = Align::kLeft;
    const auto lines = set_paragraph(p, m, fonts, set);
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
      const GlyphRun& last = lines[i].runs.back();
      const auto end = last.glyphs.empty() ? 0u : last.glyphs.back().text.end;
      const size_t in_url = p.text.find(url);
      if (end > in_url && end < in_url + url.size()) {
        const char before = p.text[end - 1], after = p.text[end];
        EXPECT_NE(before, '-') << width << ": line " << i << " ends at a hyphen of the URL";
        EXPECT_TRUE(std::string("/=&").find(before) != std::string::npos ||
                    std::string(".,-_?#%~=&").find(after) != std::string::npos)
            << width << ": line " << i << " ends inside the URL at " << p.text.substr(in_url, end - in_url);
        EXPECT_EQ(lines[i].runs.back().hyphen == HyphenRole::kInserted, false);
      }
    }
    EXPECT_EQ(read_back(p, lines), p.text) << width;
  }
}

TEST_F(ParagraphTest, GlyphsGiveBackTheTextWithHyphenatedWordsWhole) {
  const Paragraph p = para(kRussian, "ru");
  Measure m;
  m.width_pt = 160;
  const auto lines = set_paragraph(p, m, fonts, hyph);
  EXPECT_EQ(read_back(p, lines), p.text);
}

TEST_F(ParagraphTest, HyphenatedBreakMarksBothHalves) {
  const Paragraph p = para(kRussian, "ru");
  Measure m;
  m.width_pt = 160;
  const auto lines = set_paragraph(p, m, fonts, hyph);
  int hyphenated = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (!lines[i].hyphenated) continue;
    ++hyphenated;
    const GlyphRun& head = lines[i].runs.back();
    const GlyphRun& tail = lines[i + 1].runs.front();
    ASSERT_EQ(head.hyphen, HyphenRole::kInserted);
    ASSERT_EQ(tail.hyphen, HyphenRole::kContinuation);
    EXPECT_EQ(head.word.begin, head.source.begin);
    EXPECT_EQ(head.word.end, tail.source.end);
    EXPECT_TRUE(head.glyphs.back().text.empty()) << "the hyphen glyph has no source text";
  }
  EXPECT_GT(hyphenated, 0) << "a 160 pt measure should need at least one hyphen";
}

TEST_F(ParagraphTest, NoLineExceedsTheMeasure) {
  for (double width : {120.0, 180.0, 300.0, 450.0}) {
    const Paragraph p = para(kRussian, "ru");
    Measure m;
    m.width_pt = width;
    for (const Line& line : set_paragraph(p, m, fonts, hyph)) EXPECT_LE(line.width_pt, width + 0.01);
  }
}

TEST_F(ParagraphTest, KazakhIsNotHyphenated) {
  const Paragraph p = para(
      "Қазақстан Республикасының Президенті Мәңгілік Ел даңғылы мемлекеттік басқару ұйымдастырушылық "
      "жауапкершілігі туралы",
      "kk");
  Measure m;
  m.width_pt = 120;
  for (const Line& line : set_paragraph(p, m, fonts, hyph)) EXPECT_FALSE(line.hyphenated);
}

TEST_F(ParagraphTest, LineFeedForcesABreakAndRightAlignShiftsRuns) {
  const Paragraph p = para("first\nsecond", "en");
  Measure m;
  m.width_pt = 300;
  m.align = Align::kRight;
  const auto lines = set_paragraph(p, m, fonts, hyph);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NEAR(lines[0].runs.front().x_pt + lines[0].width_pt, 300, 0.01);
}

TEST_F(ParagraphTest, OverlongWordGetsItsOwnLineInsteadOfLooping) {
  const Paragraph p = para("a https://www.amnesty.org/en/documents/eur57/5630/2022/en/ b", "en");
  Measure m;
  m.width_pt = 60;
  const auto lines = set_paragraph(p, m, fonts, hyph);
  EXPECT_GE(lines.size(), 3u);
  std::string joined = read_back(p, lines), expected = p.text;
  for (std::string* s : {&joined, &expected}) s->erase(std::remove(s->begin(), s->end(), ' '), s->end());
  EXPECT_EQ(joined, expected);
}

int longest_hyphen_run(const std::vector<Line>& lines) {
  int run = 0, longest = 0;
  for (const Line& l : lines) {
    run = l.hyphenated ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

TEST_F(ParagraphTest, AtMostTwoHyphenatedLinesInARow) {
  // Long words on a narrow measure: left to demerits alone, total fit hyphenates 3+ lines
  // in a row here; the cap keeps runs at two.
  const Paragraph p = para(
      "Представители правительства распространение благотворительную деятельность "
      "ограничивают незарегистрированной оппозиционной Демократической журналистскую "
      "деятельность осуществлением распространение представителями правительства "
      "благотворительной незарегистрированной организацией.",
      "ru");
  Measure unlimited;
  unlimited.width_pt = 150;
  unlimited.max_consecutive_hyphens = 0;
  unlimited.double_hyphen_demerits = 0;
  unlimited.letter_stretch_em = 0;
  EXPECT_GE(longest_hyphen_run(set_paragraph(p, unlimited, fonts, hyph)), 3) << "the crafted paragraph must need the cap";
  Measure capped = unlimited;
  capped.max_consecutive_hyphens = 2;
  const auto lines = set_paragraph(p, capped, fonts, hyph);
  EXPECT_LE(longest_hyphen_run(lines), 2);
  EXPECT_EQ(read_back(p, lines), p.text);
  for (const Line& line : lines) EXPECT_LE(line.width_pt, 150.01);
}

TEST_F(ParagraphTest, NamesNumbersAddressesAndAcronymsAreNeverHyphenated) {
  Paragraph p = para(
      "Жанболата Мамая Жанболатом Мамаем udp@udp-rk.kz https://www.amnesty.org/en/documents "
      "1234567890 ОРГАНИЗАЦИЯ ОРГАНИЗАЦИЯМИ правительства правительства правительства",
      "ru");
  p.unbreakable_words = {"Жанболат", "Мамай"};
  // Narrow, but every word fits on a line of its own (a word wider than the whole
  // measure is cut: WordWiderThanTheMeasureIsCutNotOverflowing).
  for (double width : {115.0, 130.0, 160.0}) {
    Measure m;
    m.width_pt = width;
    for (const Line& line : set_paragraph(p, m, fonts, hyph)) {
      if (!line.hyphenated) continue;
      const GlyphRun& head = line.runs.back();
      const std::string word = p.text.substr(head.word.begin, head.word.end - head.word.begin);
      EXPECT_EQ(word.rfind("правительства", 0), 0u) << "hyphenated: " << word << " at width " << width;
    }
  }
}

// A word wider than the whole measure (a label, a narrow column) is cut at the last
// character that fits, with a hyphen (none inside a URL), rather than printed past the
// frame; it still extracts whole.
TEST_F(ParagraphTest, WordWiderThanTheMeasureIsCutNotOverflowing) {
  const Paragraph p = para("Das Menschenrechtsverteidigerinnenunterstützungsprogramm und https://example.org/abcdefghijklmnopqrstuvwxyz0123456789", "de");
  for (double width : {60.0, 90.0}) {
    for (Align align : {Align::kJustify, Align::kLeft}) {
      Measure m;
      m.width_pt = width;
      m.align = align;
      const auto lines = set_paragraph(p, m, fonts, hyph);
      for (const Line& l : lines) EXPECT_LE(l.width_pt, width + 1e-6) << width;
      EXPECT_EQ(read_back(p, lines), p.text) << width;
    }
  }
}

TEST_F(ParagraphTest, BindingSpacesNeverEndALine) {
  const Paragraph p = para("в том числе 10 апреля 2023 года и в ст. 378.2 а также к делу о нём и с ним у нас", "ru");
  for (double width : {70.0, 90.0, 120.0, 160.0}) {
    Measure m;
    m.width_pt = width;
    const auto lines = set_paragraph(p, m, fonts, hyph);
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
      const GlyphRun& last = lines[i].runs.back();
      const std::string tail = p.text.substr(last.source.begin, last.source.end - last.source.begin);
      for (const char* word : {" в", " к", " о", " и", " с", " у", " а", "10", "2023", "ст."}) {
        const std::string w(word);
        EXPECT_FALSE(tail.size() >= w.size() && tail.compare(tail.size() - w.size(), w.size(), w) == 0)
            << "line " << i << " ends with '" << w << "' at width " << width;
      }
    }
  }
}

}  // namespace
