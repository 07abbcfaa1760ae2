#include <gtest/gtest.h>

#include "appeal/case_reader.h"
#include "appeal/countries.h"
#include "appeal/postal_address.h"
#include "support/run.h"

using namespace appeal;

namespace {

const Case& sample() {
  static const Case c = read_case(test::source_dir() / "samples/ua-31-22/case.json");
  return c;
}
const Address& astana() { return sample().targets.at(0).address; }
const Address& washington() { return sample().targets.at(1).address; }

TEST(PostalAddress, UkToKazakhstanUsesLatinLinesAndEnglishCountry) {
  // A Russian letter posted in London: the Royal Mail reads Latin, so the window gets the
  // case's Latin address, and the country line last, in capitals.
  const auto r = format_recipient(astana(), "ru", Origin{"GB", ""});
  EXPECT_EQ(r.lines_language, "en");
  ASSERT_FALSE(r.lines.empty());
  EXPECT_EQ(r.lines.front(), "Kassym-Jomart Tokayev");
  EXPECT_EQ(r.lines.back(), "KAZAKHSTAN");
  EXPECT_TRUE(r.country_line);
}

TEST(PostalAddress, UkToUnitedStates) {
  const auto r = format_recipient(washington(), "en", Origin{"GB", ""});
  EXPECT_EQ(r.lines.back(), "UNITED STATES");
  EXPECT_EQ(r.lines.at(r.lines.size() - 2), "Washington DC 20009");
}

TEST(PostalAddress, GermanyToGermanyIsDomesticWithoutCountryLine) {
  Address berlin;
  berlin.country = "DE";
  berlin.lines["en"] = {"Amnesty International", "Sektion der Bundesrepublik Deutschland e. V.", "Sophienstraße 20",
                        "10178 Berlin"};
  const auto r = format_recipient(berlin, "en", Origin{"DE", ""});
  EXPECT_FALSE(r.country_line);
  EXPECT_EQ(r.lines.back(), "10178 Berlin");
}

TEST(PostalAddress, FranceToKazakhstanCountryInFrench) {
  const auto r = format_recipient(astana(), "ru", Origin{"FR", ""});
  EXPECT_EQ(r.lines.back(), "KAZAKHSTAN");  // the French name is spelt as the English one
  EXPECT_EQ(r.lines_language, "en");
}

TEST(PostalAddress, GermanyToKazakhstanCountryInGerman) {
  EXPECT_EQ(format_recipient(astana(), "en", Origin{"DE", ""}).lines.back(), "KASACHSTAN");
  // The sender's own language wins over the origin country's.
  EXPECT_EQ(format_recipient(astana(), "en", Origin{"DE", "fr"}).lines.back(), "KAZAKHSTAN");
  EXPECT_EQ(format_recipient(washington(), "en", Origin{"FR", ""}).lines.back(), "ÉTATS-UNIS");
}

TEST(PostalAddress, KazakhstanDomesticKeepsCyrillic) {
  const auto r = format_recipient(astana(), "ru", Origin{"KZ", ""});
  EXPECT_FALSE(r.country_line);
  EXPECT_EQ(r.lines_language, "ru");
  EXPECT_EQ(r.lines.back(), "010000 Астана");
}

TEST(PostalAddress, RussiaToKazakhstanCyrillicIsReadByTheOriginPost) {
  const auto r = format_recipient(astana(), "ru", Origin{"RU", ""});
  EXPECT_EQ(r.lines_language, "ru");
  EXPECT_EQ(r.lines.back(), "КАЗАХСТАН");
}

TEST(PostalAddress, ReturnAddressAddsTheSendersCountryAbroadOnly) {
  EXPECT_EQ(format_return_address("Anna", {"12 Hillside Road", "LONDON", "N1 2AB"}, "GB", "KZ").back(), "UNITED KINGDOM");
  EXPECT_EQ(format_return_address("Anna", {"12 Hillside Road", "LONDON", "N1 2AB"}, "GB", "GB").back(), "N1 2AB");
}

// Address parts (issue 12): honorific, name, title and organisation join the lines in the
// order the destination's post wants for its own script (data/postal.json).
TEST(PostalAddressParts, GermanyPutsTheHonorificOnItsOwnLine) {
  Address a;
  a.country = "DE";
  a.lines["de"] = {"Mohrenstraße 37", "10117 Berlin"};
  a.honorific["de"] = "Herrn";
  a.name["de"] = "Dr. Max Mustermann";
  a.title["de"] = "Bundesminister der Justiz";
  a.organisation["de"] = "Bundesministerium der Justiz";
  const auto r = format_recipient(a, "de", Origin{"DE", ""});
  const std::vector<std::string> want = {"Herrn", "Dr. Max Mustermann", "Bundesminister der Justiz",
                                         "Bundesministerium der Justiz", "Mohrenstraße 37", "10117 Berlin"};
  EXPECT_EQ(r.lines, want);
  EXPECT_EQ(r.sources.front(), "/address/honorific/de");
  EXPECT_EQ(r.sources.back(), "/address/lines/de/1");
}

TEST(PostalAddressParts, JapanInJapaneseGoesFromLocalityToTheRecipient) {
  Address a;
  a.country = "JP";
  a.lines["ja"] = {"〒100-8977", "東京都千代田区霞が関1-1-1"};
  a.lines["en"] = {"1-1-1 Kasumigaseki, Chiyoda-ku", "Tokyo 100-8977"};
  a.honorific["ja"] = "様";
  a.name["ja"] = "山田太郎";
  a.organisation["ja"] = "法務省";
  a.honorific["en"] = "Mr";
  a.name["en"] = "Taro Yamada";
  a.organisation["en"] = "Ministry of Justice";
  const auto ja = format_recipient(a, "ja", Origin{"JP", ""});
  const std::vector<std::string> want_ja = {"〒100-8977", "東京都千代田区霞が関1-1-1", "法務省", "山田太郎 様"};
  EXPECT_EQ(ja.lines, want_ja);
  // From abroad the Latin lines go name first, the country last.
  const auto en = format_recipient(a, "en", Origin{"GB", ""});
  const std::vector<std::string> want_en = {"Mr Taro Yamada", "Ministry of Justice", "1-1-1 Kasumigaseki, Chiyoda-ku",
                                            "Tokyo 100-8977", "JAPAN"};
  EXPECT_EQ(en.lines, want_en);
}

TEST(PostalAddressParts, CountryLineAsWrittenWinsForItsLanguage) {
  Address a = astana();
  a.country_line["en"] = "KAZAKHSTAN / ҚАЗАҚСТАН";
  const auto r = format_recipient(a, "en", Origin{"GB", ""});
  EXPECT_EQ(r.lines.back(), "KAZAKHSTAN / ҚАЗАҚСТАН");
  EXPECT_EQ(r.sources.back(), "/address/country_line/en");
  const auto fr = format_recipient(a, "en", Origin{"FR", ""});  // French post: no French line given
  EXPECT_EQ(fr.lines.back(), "KAZAKHSTAN");
}

TEST(PostalAddressParts, TodaysCasesWithoutPartsAreUnchanged) {
  const auto r = format_recipient(astana(), "en", Origin{"GB", ""});
  EXPECT_EQ(r.lines.size(), astana().lines.at("en").size() + 1);
  EXPECT_EQ(r.sources.front(), "/address/lines/en/0");
}

}  // namespace

// Where iso-codes has no translation (Türkiye, renamed in 2022), CLDR's name through ICU.
TEST(PostalAddress, CountryNameFromCldrWhereIsoCodesHasNone) {
  EXPECT_EQ(country_name("TR", "es"), "Turquía");
  EXPECT_EQ(country_name("TR", "fr"), "Turquie");
  EXPECT_EQ(country_name("KZ", "de"), "Kasachstan");  // iso-codes' own
  EXPECT_EQ(country_name("DE", "pt-BR"), "Alemanha");
  EXPECT_EQ(country_name("CH", "sr-Latn"), "Švajcarska");
}
