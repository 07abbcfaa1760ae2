// BCP 47 tags (RFC 5646) as the case file and --lang take them, and RFC 4647 lookup.
#include <gtest/gtest.h>

#include "text/language_tag.h"
#include "text/utf8.h"

using namespace appeal::text;

TEST(LanguageTag, WellFormedTagsComeBackCanonical) {
  EXPECT_EQ(canonical_language_tag("es"), "es");
  EXPECT_EQ(canonical_language_tag("pt-BR"), "pt-BR");
  EXPECT_EQ(canonical_language_tag("pt-br"), "pt-BR");   // case is not significant (RFC 5646 §2.1.1)
  EXPECT_EQ(canonical_language_tag("SR-latn"), "sr-Latn");
  EXPECT_EQ(canonical_language_tag("zh-Hans"), "zh-Hans");
  EXPECT_EQ(canonical_language_tag("kk"), "kk");
  EXPECT_EQ(canonical_language_tag("kk-Cyrl-KZ"), "kk-Cyrl-KZ");
  EXPECT_EQ(canonical_language_tag("es-419"), "es-419");
  EXPECT_EQ(canonical_language_tag("de-CH-1996"), "de-CH-1996");
  EXPECT_EQ(canonical_language_tag("fil"), "fil");        // three-letter ISO 639 codes
}

TEST(LanguageTag, IllFormedOrUnknownTagsAreRefusedWithAReason) {
  for (const char* bad : {"", "en_US", "english", "e", "pt-", "-pt", "pt--BR", "x-klingon", "i-klingon", "12",
                          "en US", "ru/../../etc", "zz", "qaa", "pt-BRR-"}) {
    std::string why;
    EXPECT_FALSE(canonical_language_tag(bad, &why)) << bad;
    EXPECT_FALSE(why.empty()) << bad;
  }
  std::string why;
  canonical_language_tag("en_US", &why);
  EXPECT_NE(why.find("ill-formed language tag \"en_US\""), std::string::npos) << why;
  canonical_language_tag("zz", &why);
  EXPECT_EQ(why, "unknown language \"zz\" (not an ISO 639 code)");
}

TEST(LanguageTag, LookupFallsBackToShorterTags) {
  EXPECT_EQ(lookup_chain("pt-BR"), (std::vector<std::string>{"pt-BR", "pt"}));
  EXPECT_EQ(lookup_chain("sr-Latn-RS"), (std::vector<std::string>{"sr-Latn-RS", "sr-Latn"}));  // sr is Cyrillic
  EXPECT_EQ(lookup_chain("sr-Cyrl"), (std::vector<std::string>{"sr-Cyrl", "sr"}));
  EXPECT_EQ(lookup_chain("zh-Hant"), (std::vector<std::string>{"zh-Hant"}));  // zh is Simplified
  EXPECT_EQ(lookup_chain("zh-Hans-CN"), (std::vector<std::string>{"zh-Hans-CN", "zh-Hans", "zh"}));
  EXPECT_EQ(lookup_chain("nl-Cyrl"), (std::vector<std::string>{"nl-Cyrl"}));
  EXPECT_EQ(lookup_chain("kk-KZ"), (std::vector<std::string>{"kk-KZ", "kk"}));
  EXPECT_EQ(lookup_chain("es"), (std::vector<std::string>{"es"}));
  // RFC 4647 §3.4: a singleton left at the end goes with the subtag after it.
  EXPECT_EQ(lookup_chain("de-x-old"), (std::vector<std::string>{"de-x-old", "de"}));
  EXPECT_EQ(primary_language("pt-BR"), "pt");
}

TEST(LanguageTag, LikelySubtagsAndNamesComeFromCldr) {
  EXPECT_EQ(maximized_tag("sr"), "sr-Cyrl-RS");
  EXPECT_EQ(maximized_tag("es"), "es-Latn-ES");
  EXPECT_EQ(maximized_tag("kk"), "kk-Cyrl-KZ");
  EXPECT_EQ(language_display_name("ru", "en"), "Russian");
  EXPECT_EQ(language_display_name("ru", "es"), "ruso");
  EXPECT_EQ(language_display_name("en", "ru"), "английский");
  EXPECT_EQ(language_display_name("pt-BR", "en"), "Portuguese (Brazil)");
}

// Capitals as the language writes them (leaflet cover label, the address's country line).
TEST(LanguageTag, UpperCaseFollowsTheLanguage) {
  EXPECT_EQ(to_upper("Birleşik Krallık", "tr"), "BİRLEŞİK KRALLIK");  // dotted capital İ
  EXPECT_EQ(to_upper("Acil Eylem", "tr"), "ACİL EYLEM");
  EXPECT_EQ(to_upper("Birleşik Krallık", "en"), "BIRLEŞIK KRALLIK");
  EXPECT_EQ(to_upper("Großbritannien", "de"), "GROSSBRITANNIEN");    // SpecialCasing: ß -> SS
  EXPECT_EQ(to_upper("Казахстан", "ru"), "КАЗАХСТАН");
  EXPECT_EQ(to_upper("Шұғыл әрекет", "kk"), "ШҰҒЫЛ ӘРЕКЕТ");
  EXPECT_EQ(to_upper("Acción urgente"), "ACCIÓN URGENTE");
}
