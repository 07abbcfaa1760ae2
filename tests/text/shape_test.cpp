#include <gtest/gtest.h>

#include "text/fonts.h"
#include "text/itemize.h"
#include "text/shape.h"

using namespace appeal::text;

namespace {

class ShapeTest : public ::testing::Test {
 protected:
  FontCache fonts;
  FontId serif = fonts.load(test::font_file("PTSerif-Regular.ttf"));

  std::vector<Glyph> shape_all(const std::string& s, const std::string& lang = "ru") {
    return shape(fonts, {serif, 10, lang}, s, {0, static_cast<uint32_t>(s.size())});
  }
};

TEST_F(ShapeTest, CyrillicAndKazakhLettersHaveRealGlyphs) {
  const std::string text = "Мәңгілік Ел: ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І, ёлочки «Жанболат Мамай»";
  const auto glyphs = shape_all(text, "kk");
  ASSERT_FALSE(glyphs.empty());
  for (const Glyph& g : glyphs) {
    EXPECT_NE(g.gid, 0u) << "notdef for the character at byte " << g.text.begin;
  }
}

TEST_F(ShapeTest, EveryFontCoversKazakh) {
  for (const char* f : {"PTSerif-Regular.ttf", "PTSerif-Italic.ttf", "PTSerif-Bold.ttf", "PTSerif-BoldItalic.ttf",
                        "PTSans-Regular.ttf", "PTSans-Italic.ttf", "PTSans-Bold.ttf", "PTSans-BoldItalic.ttf"}) {
    const FontId id = fonts.load(test::font_file(f));
    for (char32_t c : std::u32string(U"әғқңөұүһіӘҒҚҢӨҰҮҺІ")) {
      EXPECT_TRUE(fonts.has_code_point(id, c)) << f << " lacks U+" << std::hex << static_cast<unsigned>(c);
    }
  }
}

TEST_F(ShapeTest, KerningChangesAdvances) {
  // "AV" is kerned in PT Serif's GPOS: the pair is narrower than its letters set apart.
  const double pair = advance_of(shape_all("AV", "en"));
  const double apart = advance_of(shape_all("A", "en")) + advance_of(shape_all("V", "en"));
  EXPECT_LT(pair, apart - 0.1);
}

TEST_F(ShapeTest, LigatureKeepsBothCharactersAsItsText) {
  const std::string text = "Office";
  const auto glyphs = shape_all(text, "en");
  ASSERT_EQ(glyphs.size(), 5u) << "expected the ffi or fi ligature";
  std::string rebuilt;
  bool saw_multi = false;
  for (const Glyph& g : glyphs) {
    rebuilt += text.substr(g.text.begin, g.text.end - g.text.begin);
    saw_multi |= g.text.end - g.text.begin >= 2;
  }
  EXPECT_TRUE(saw_multi);
  EXPECT_EQ(rebuilt, text);
}

TEST_F(ShapeTest, ClustersAreByteOffsetsInTheWholeText) {
  const std::string text = "Ел және";
  const uint32_t start = 5;  // "жане" starts after "Ел " (2+2+1 bytes)
  const auto glyphs = shape(fonts, {serif, 10, "kk"}, text, {start, static_cast<uint32_t>(text.size())});
  ASSERT_FALSE(glyphs.empty());
  EXPECT_EQ(glyphs.front().text.begin, start);
  EXPECT_EQ(glyphs.back().text.end, text.size());
}

TEST(Itemize, SplitsLatinAndCyrillicKeepingCommonWithTheRunBefore) {
  const std::string text = "ст. 378.2, Article 272";
  const auto runs = itemize_scripts(text, {0, static_cast<uint32_t>(text.size())});
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].script, HB_SCRIPT_CYRILLIC);
  EXPECT_EQ(text.substr(runs[1].span.begin, runs[1].span.end - runs[1].span.begin), "Article 272");
  EXPECT_EQ(runs[1].script, HB_SCRIPT_LATIN);
}

}  // namespace
