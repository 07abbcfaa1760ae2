// Hyphenation as data: dictionaries found on disk for any language tag, per-language
// minima and rules (data/hyphenation.json), the project's own Kazakh and Turkish patterns
// against word lists written from the spelling rules, and the repeated hyphen.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <memory>

#include "text/fonts.h"
#include "text/hyphen_catalog.h"
#include "text/knuth_plass.h"
#include "text/paragraph.h"
#include "text/utf8.h"

using namespace appeal::text;

namespace {

const HyphenCatalog& catalog() {
  static const HyphenCatalog c = test::hyphen_catalog();
  return c;
}

// "li-ber-tad": the word with a hyphen at every point the language's patterns and
// minima allow.
std::string hyphenate(const std::string& lang, const std::string& word) {
  static std::map<std::string, std::unique_ptr<Hyphenator>> loaded;
  auto& slot = loaded[lang];
  if (!slot) {
    const auto dict = catalog().dictionary(lang);
    if (!dict) return "(no patterns)";
    slot = std::make_unique<Hyphenator>(*dict, catalog().rules(lang));
  }
  const Hyphenator& h = *slot;
  std::string out;
  size_t last = 0;
  for (size_t p : h.points(word)) out += word.substr(last, p - last) + "-", last = p;
  return out + word.substr(last);
}

}  // namespace

TEST(HyphenCatalog, FindsDictionariesForAnyTag) {
  const auto name = [](const std::string& tag) {
    const auto d = catalog().dictionary(tag);
    return d ? d->filename().string() : std::string("-");
  };
  EXPECT_EQ(name("pt-BR"), "hyph_pt_BR.dic");
  EXPECT_EQ(name("pt"), "hyph_pt.dic");            // Debian's link to pt_PT
  EXPECT_EQ(name("es"), "hyph_es_ES.dic");         // no hyph_es: CLDR's likely es-Latn-ES
  EXPECT_EQ(name("es-MX"), "hyph_es_MX.dic");
  EXPECT_EQ(name("es-419"), "hyph_es_AR.dic");     // same language and script, first by tag
  EXPECT_EQ(name("sr"), "hyph_sr_RS.dic");         // Cyrillic, as sr's likely script
  EXPECT_EQ(name("sr-Latn"), "hyph_sr-Latn_RS.dic");
  EXPECT_EQ(name("en"), "hyph_en.dic");
  EXPECT_EQ(name("en-GB"), "hyph_en_GB.dic");
  EXPECT_EQ(name("kk"), "hyph_kk_KZ.dic");         // the project's own (data/hyphen)
  EXPECT_EQ(name("tr"), "hyph_tr_TR.dic");
  EXPECT_EQ(name("uk"), "hyph_uk_UA.dic");         // the project's own shadows Debian's hyph_uk.dic
  EXPECT_EQ(name("zh"), "-");
  EXPECT_EQ(name("ar"), "-");
  // Every language the issue names has patterns on a machine set up by README command 1.
  for (const char* l : {"es", "fr", "de", "it", "pt", "pl", "cs", "sk", "hu", "ro", "nl", "sv", "da", "nb", "uk",
                        "be", "bg", "sr", "hr", "sl", "lt", "lv", "ca", "gl", "el", "is", "id", "af", "kk", "tr"}) {
    EXPECT_TRUE(catalog().dictionary(l)) << l;
  }
}

TEST(HyphenCatalog, MinimaAndRulesPerLanguage) {
  EXPECT_EQ(catalog().rules("en").left, 2);
  EXPECT_EQ(catalog().rules("en").right, 3);  // TeX's \righthyphenmin for English
  EXPECT_EQ(catalog().rules("en-US").right, 3);
  EXPECT_EQ(catalog().rules("ru").right, 2);
  EXPECT_EQ(catalog().rules("el").left, 1);
  EXPECT_TRUE(catalog().rules("pl").repeat_hyphen);
  EXPECT_TRUE(catalog().rules("pt-BR").repeat_hyphen);
  EXPECT_TRUE(catalog().rules("hr").repeat_hyphen);
  EXPECT_FALSE(catalog().rules("en").repeat_hyphen);
  EXPECT_TRUE(catalog().rules("de").hyphenate_capitalized);
  EXPECT_FALSE(catalog().rules("fr").hyphenate_capitalized);
  EXPECT_EQ(catalog().rules("xx-unknown").left, 2);  // the default
}

// Five words in each of ten languages, as their patterns (Debian's hyphen-* packages;
// kk and tr the project's) and TeX minima break them; every break checked by hand
// against the language's spelling rules.
TEST(Hyphenation, FiveWordsInTenLanguages) {
  const std::map<std::string, std::vector<std::string>> expected = {
      {"es", {"li-ber-tad", "de-ten-ción", "de-fen-so-ra", "co-mu-ni-ca-ción", "pe-rio-dis-ta"}},
      {"fr", {"li-bé-ra-tion", "avo-cate", "ma-ni-fes-ta-tion", "gou-ver-ne-ment", "in-dé-pen-dante"}},
      {"de", {"Frei-las-sung", "Men-schen-rech-te", "Ver-tei-di-ge-rin", "Re-gie-rung", "un-ver-züg-lich"}},
      {"it", {"li-be-ra-zio-ne", "av-vo-ca-ta", "ma-ni-fe-sta-zio-ne", "go-ver-no", "im-me-dia-ta-men-te"}},
      {"pt", {"li-ber-ta-ção", "ad-vo-gada", "ma-ni-fes-ta-ção", "go-verno", "ime-di-a-ta-mente"}},
      {"pl", {"uwol-nie-nie", "ad-wo-kat-ka", "de-mon-stra-cja", "nie-zwłocz-nie", "spra-wie-dli-wość"}},
      {"ru", {"осво-божде-ние", "ад-во-кат", "де-монстра-ция", "немед-лен-но", "спра-вед-ливость"}},
      {"en", {"lib-er-a-tion", "ad-vo-cate", "demon-stra-tion", "gov-ern-ment", "im-me-di-ately"}},
      {"kk", {"бос-тан-дық", "ад-во-кат", "қа-зақс-тан", "азап-тау", "құ-қық"}},
      {"tr", {"ser-best", "avu-kat", "gö-zal-tı-na", "hü-kü-met", "öz-gür-lük"}},
  };
  for (const auto& [lang, words] : expected) {
    for (const std::string& w : words) {
      std::string plain;
      for (char c : w) {
        if (c != '-') plain += c;
      }
      EXPECT_EQ(hyphenate(lang, plain), w) << lang;
    }
  }
}

// tests/data/hyphenation/<lang>-words.txt: real words with every syllable boundary the
// spelling rules allow marked "-", written from the rules (docs/hyphenation-syllabic.md),
// not from the generator. The patterns must find exactly the boundaries the minima leave.
class SyllabicWordList : public ::testing::TestWithParam<std::string> {};

TEST_P(SyllabicWordList, PatternsBreakEveryWordAsTheRulesSay) {
  const std::string lang = GetParam();
  std::ifstream in(std::filesystem::path(APPEAL_SOURCE_DIR) / "tests/data/hyphenation" / (lang + "-words.txt"));
  ASSERT_TRUE(in);
  const HyphenRules rules = catalog().rules(lang);
  size_t words = 0, exact = 0, breaks = 0, missed = 0, wrong = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    ++words;
    // The expected breaks after the minima: letters before >= left, after >= right.
    const std::u32string marked = to_u32(line);
    std::u32string plain;
    std::vector<size_t> at;  // letter counts before each marked break
    for (char32_t c : marked) {
      if (c == U'-') at.push_back(plain.size());
      else plain += c;
    }
    std::string want;
    size_t k = 0;
    for (size_t i = 0; i < plain.size(); ++i) {
      if (k < at.size() && at[k] == i) {
        if (i >= static_cast<size_t>(rules.left) && plain.size() - i >= static_cast<size_t>(rules.right)) want += "-", ++breaks;
        ++k;
      }
      append_utf8(want, plain[i]);
    }
    const std::string got = hyphenate(lang, to_utf8(plain));
    if (got == want) {
      ++exact;
      continue;
    }
    size_t gh = 0, wh = 0;
    for (char c : got) gh += c == '-';
    for (char c : want) wh += c == '-';
    (gh > wh ? wrong : missed) += 1;
    ADD_FAILURE() << lang << ": " << line << " -> " << got << " (want " << want << ")";
  }
  RecordProperty("words", static_cast<int>(words));
  RecordProperty("exact", static_cast<int>(exact));
  std::printf("%s word list: %zu words, %zu exact, %zu breaks expected, %zu words missing breaks, %zu with extra\n",
              lang.c_str(), words, exact, breaks, missed, wrong);
  EXPECT_GE(words, lang == "kk" ? 200u : lang == "uk" ? 150u : 50u);
}

INSTANTIATE_TEST_SUITE_P(Generated, SyllabicWordList, ::testing::Values("kk", "tr", "uk"));

// TeX's post-break material (tex.web §840): width a break adds to the next line.
TEST(KnuthPlass, PostBreakWidthCountsOnTheNextLine) {
  using kp::Item;
  const auto items = [](double post) {
    return std::vector<Item>{Item::box(50), Item::penalty_item(0, 0, true, post), Item::box(45),
                             Item::penalty_item(0, kp::kInfPenalty, false), Item::glue(0, 1e6, 0),
                             Item::penalty_item(0, kp::kForceBreak, false)};
  };
  kp::Params p;
  p.line_width = 50;
  p.tolerance = 10000;
  EXPECT_TRUE(kp::optimum_breaks(items(0), p));
  EXPECT_TRUE(kp::optimum_breaks(items(5), p));    // 45 + 5 still fits
  EXPECT_FALSE(kp::optimum_breaks(items(10), p));  // 45 + 10 does not, and nothing shrinks
}

// Polish, Portuguese, Croatian (data/hyphenation.json "repeat_hyphen"): a line that ends at
// a compound's own hyphen starts the next line with a hyphen too; the repeated hyphen is
// drawn but not text, and the compound extracts whole from the first line.
TEST(Hyphenation, RepeatedHyphenStartsTheNextLine) {
  FontCache fonts;
  const FontId serif = fonts.load(test::font_file("PTSerif-Regular.ttf"));
  const Hyphenator pl(*catalog().dictionary("pl"), catalog().rules("pl"));
  const Hyphenator ru(*catalog().dictionary("ru"), catalog().rules("ru"));
  ASSERT_TRUE(pl.rules().repeat_hyphen);
  const HyphenatorSet set{{"pl", &pl}, {"ru", &ru}};
  const auto setting = [&](const std::string& text, const std::string& lang, double width, Align align) {
    Paragraph p;
    p.text = text;
    p.language = lang;
    p.styles.push_back({{0, static_cast<uint32_t>(text.size())}, serif, 11});
    Measure m;
    m.width_pt = width;
    m.align = align;
    m.hyphenate = false;  // only the compound's own hyphen may break
    return set_paragraph(p, m, fonts, set);
  };
  const std::string text = "Flaga biało-czerwona powiewa nad budynkiem sądu.";
  const double head = setting("Flaga biało-", "pl", 1000, Align::kLeft).at(0).width_pt;
  for (Align align : {Align::kLeft, Align::kJustify}) {
    const auto lines = setting(text, "pl", head + 4, align);
    ASSERT_GE(lines.size(), 2u);
    const GlyphRun& end = lines[0].runs.back();
    EXPECT_EQ(end.hyphen, HyphenRole::kExplicit);
    EXPECT_EQ(text.substr(end.word.begin, end.word.end - end.word.begin), "biało-czerwona");
    const GlyphRun& start = lines[1].runs.front();
    EXPECT_EQ(start.hyphen, HyphenRole::kContinuation);
    ASSERT_GE(start.glyphs.size(), 2u);
    EXPECT_TRUE(start.glyphs[0].text.empty());  // the repeated hyphen: drawn, not text
    EXPECT_EQ(text.substr(start.glyphs[1].text.begin, start.glyphs[1].text.end - start.glyphs[1].text.begin), "c");
    EXPECT_LE(lines[1].width_pt, head + 4 + 1e-6);
  }
  // Russian does not repeat the hyphen: the next line starts with the letter.
  const std::string ru_text = "Флаг бело-голубой висит над зданием суда.";
  const double ru_head = setting("Флаг бело-", "ru", 1000, Align::kLeft).at(0).width_pt;
  const auto lines = setting(ru_text, "ru", ru_head + 4, Align::kLeft);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_FALSE(lines[1].runs.front().glyphs.front().text.empty());
}
