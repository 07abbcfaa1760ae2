#include <gtest/gtest.h>

#include "text/fonts.h"
#include "text/hyphenator.h"
#include "text/line_breaks.h"

using namespace appeal::text;

namespace {

// The text with "|" at every allowed break (mandatory end of text left out).
std::string mark_breaks(const std::string& s, const std::string& lang) {
  const auto b = line_break_opportunities(s, lang);
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if (b[i] == BreakAfter::kAllowed) out += '|';
  }
  return out;
}

std::string mark_hyphens(const Hyphenator& h, const std::string& word) {
  std::string out = word;
  const auto points = h.points(word);
  for (auto it = points.rbegin(); it != points.rend(); ++it) out.insert(*it, "-");
  return out;
}

TEST(LineBreaks, SpacesAndHyphensButNotInsideNumbers) {
  EXPECT_EQ(mark_breaks("Мы требуем свободы.", "ru"), "Мы |требуем |свободы.");
  EXPECT_EQ(mark_breaks("Kassym-Jomart Tokayev", "en"), "Kassym-|Jomart |Tokayev");
  // UAX #14 LB25: no break between a hyphen and a digit, nor inside 378.2.
  EXPECT_EQ(mark_breaks("2100-2108 16th", "en"), "2100-2108 |16th");
  EXPECT_EQ(mark_breaks("(ст. 378.2)", "ru"), "(ст. |378.2)");
  // No break before closing punctuation or after an opening guillemet.
  EXPECT_EQ(mark_breaks("«Мәңгілік Ел»!", "kk"), "«Мәңгілік |Ел»!");
}

TEST(LineBreaks, NoBreakAtNoBreakSpace) {
  EXPECT_EQ(mark_breaks("10\u00A0апреля", "ru"), "10\u00A0апреля");
}

TEST(Hyphenation, RussianPatternsFromHyphenRu) {
  const Hyphenator ru(test::hyphen_file("hyph_ru_RU.dic"), {2, 2});
  EXPECT_EQ(mark_hyphens(ru, "свободы"), "сво-боды");
  EXPECT_EQ(mark_hyphens(ru, "ограничения"), "огра-ни-че-ния");
  EXPECT_EQ(mark_hyphens(ru, "представителя"), "пред-ста-ви-те-ля");
  EXPECT_EQ(mark_hyphens(ru, "Жанболат"), "Жан-бо-лат");  // case-insensitive, bytes map back
  EXPECT_EQ(mark_hyphens(ru, "он"), "он");                // shorter than the minima
}

TEST(Hyphenation, EnglishPatternsWithTeXMinima) {
  const Hyphenator en(test::hyphen_file("hyph_en_US.dic"), {2, 3});
  EXPECT_EQ(mark_hyphens(en, "representative"), "rep-re-sen-ta-tive");
  EXPECT_EQ(mark_hyphens(en, "Government"), "Gov-ern-ment");
  EXPECT_EQ(mark_hyphens(en, "unconditionally"), "un-con-di-tion-ally");
}

TEST(Hyphenation, MissingDictionaryNamesTheFile) {
  try {
    Hyphenator bad("/nonexistent/hyph_xx.dic", {2, 2});
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/hyph_xx.dic"), std::string::npos);
  }
}

}  // namespace
