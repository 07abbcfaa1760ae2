// The pieces of `appeal import` one at a time, in many languages and scripts: dates,
// language names, the language of a passage, telephone numbers, foreign letters in an
// address, title case, ids, page furniture and words broken at line ends.
#include <gtest/gtest.h>

#include "extract/document_text.h"
#include "extract/reader_parts.h"
#include "importer/fields.h"
#include "importer/targets.h"
#include "text/bidi.h"

namespace {

using namespace appeal;
using namespace appeal::importer;

std::string iso(const std::optional<Date>& d) {
  if (!d) return "none";
  char b[16];
  std::snprintf(b, sizeof b, "%04d-%02d-%02d", d->year, d->month, d->day);
  return b;
}

TEST(ImportDates, EveryUsualFormInItsLanguage) {
  EXPECT_EQ(iso(find_date("PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: 16 June 2023", {"en"})), "2023-06-16");
  EXPECT_EQ(iso(find_date("Please take action before June 16, 2023.", {"en"})), "2023-06-16");
  EXPECT_EQ(iso(find_date("no más tarde del 20 de marzo de 2025", {"es"})), "2025-03-20");
  EXPECT_EQ(iso(find_date("Agissez avant le 15 mai 2026", {"fr"})), "2026-05-15");
  EXPECT_EQ(iso(find_date("до 6 января 2026 г.", {"ru"})), "2026-01-06");
  EXPECT_EQ(iso(find_date("bis zum 3. März 2025", {"de"})), "2025-03-03");
  EXPECT_EQ(iso(find_date("Deadline: 2025-04-28", {"en"})), "2025-04-28");
  EXPECT_EQ(iso(find_date("até 16/06/2023", {"pt"})), "2023-06-16");
  // Ordinals as people write them.
  EXPECT_EQ(iso(find_date("UNTIL: 21st April 2026", {"en"})), "2026-04-21");
  EXPECT_EQ(iso(find_date("before June 2nd, 2026", {"en"})), "2026-06-02");
  EXPECT_EQ(iso(find_date("avant le 1er mars 2025", {"fr"})), "2025-03-01");
  EXPECT_EQ(iso(find_date("antes del 1º de mayo de 2025", {"es"})), "2025-05-01");
  // Not dates: numbers that are not, a day without a year.
  EXPECT_EQ(iso(find_date("2 children and 45 days", {"en"})), "none");
  EXPECT_EQ(iso(find_date("On 10 April, he was sentenced", {"en"})), "none");
}

TEST(ImportLanguages, NamesInEnglishAndInTheirOwnLanguage) {
  std::vector<std::string> unknown;
  EXPECT_EQ(language_tags("Russian; English", {"en"}, unknown), (std::vector<std::string>{"ru", "en"}));
  EXPECT_EQ(language_tags("Spanish or English", {"en"}, unknown), (std::vector<std::string>{"es", "en"}));
  EXPECT_EQ(language_tags("Arabic, French and English", {"en"}, unknown), (std::vector<std::string>{"ar", "fr", "en"}));
  EXPECT_EQ(language_tags("español", {"es"}, unknown), (std::vector<std::string>{"es"}));
  EXPECT_EQ(language_tags("árabe, francés", {"es"}, unknown), (std::vector<std::string>{"ar", "fr"}));
  EXPECT_EQ(language_tags("Kazakh, Russian", {"en"}, unknown), (std::vector<std::string>{"kk", "ru"}));
  EXPECT_EQ(language_tags("français", {"fr"}, unknown), (std::vector<std::string>{"fr"}));
  EXPECT_TRUE(unknown.empty());
  EXPECT_EQ(language_tags("Klingonese", {"en"}, unknown), std::vector<std::string>{});
  EXPECT_EQ(unknown, std::vector<std::string>{"klingonese"});
}

TEST(ImportLanguages, WhichLanguageAPassageIsIn) {
  const std::vector<std::string> latin = {"en", "es", "fr", "pt"};
  EXPECT_EQ(guess_language("I urge you to release him immediately and to drop all the charges.", latin), "en");
  EXPECT_EQ(guess_language("Le insto a que ponga en libertad de inmediato a Emilio y que retire los cargos.", latin), "es");
  EXPECT_EQ(guess_language("Je vous demande de le libérer et de lui garantir la protection à laquelle il a droit.", latin), "fr");
  EXPECT_EQ(guess_language("Peço que o liberte imediatamente e que retire as acusações.", latin), "pt");
  EXPECT_EQ(guess_language("Призываю Вас немедленно освободить его.", {"ru", "en"}), "ru");
  EXPECT_EQ(guess_language("أحثكم على الإفراج عنه فورًا", {"ar", "en"}), "ar");
  EXPECT_EQ(guess_language("Ἐλευθερία", {"en", "ru"}), "");  // Greek: no candidate writes it
}

TEST(ImportPhones, NationalNumbersGetTheirCountryCode) {
  EXPECT_EQ(normalise_phone("(202) 232 5488", "US").value, "+1 202 232 5488");
  EXPECT_EQ(normalise_phone("01 49 27 49 27", "FR").value, "+33 1 49 27 49 27");
  EXPECT_EQ(normalise_phone("+20 2 2391 1441", "EG").value, "+20 2 23911441");
  EXPECT_TRUE(normalise_phone("+20 2 2391 1441", "EG").problem.empty());
  EXPECT_EQ(phone_region("+52 614 429 3300"), "MX");
  EXPECT_EQ(phone_region("(202) 232 5488"), "");  // national: no country of its own
}

TEST(ImportPhones, TrunkPrefixWrittenAsCountryCodeIsCorrectedAndSaid) {
  const Phone p = normalise_phone("+8 7172 74-56-31", "KZ");
  EXPECT_EQ(p.value, "+7 7172 74 56 31");
  EXPECT_NE(p.problem.find("domestic trunk prefix 8"), std::string::npos) << p.problem;
  const Phone ru = normalise_phone("+8 495 987 58 41", "RU");
  EXPECT_EQ(ru.value, "+7 495 987 58 41");
  const Phone bad = normalise_phone("+999 12", "DE");
  EXPECT_EQ(bad.value, "+999 12");
  EXPECT_FALSE(bad.problem.empty());
}

TEST(ImportAddresses, LettersNoLanguageOfTheCountryWrites) {
  EXPECT_EQ(foreign_letters("Casarão da Justiça, Rua 17 de Setembro", "KZ"), "ã, ç");
  EXPECT_EQ(foreign_letters("Government House, Mangilik Yel St, 6", "KZ"), "");  // ASCII: transliterated
  EXPECT_EQ(foreign_letters("Дом Правительства, ул. Мәңгілік Ел, 6", "KZ"), "");  // Kazakh letters
  EXPECT_EQ(foreign_letters("Calle Vicente Guerrero 616, Col. Centro", "MX"), "");
  EXPECT_EQ(foreign_letters("Straße des 17. Juni 135", "ES"), "ß");
  EXPECT_EQ(foreign_letters("Ministère de l’Intérieur", "FR"), "");
  EXPECT_EQ(foreign_letters("ul. Złota 44", "RU"), "ł");
}

TEST(ImportTitles, CapitalsBecomeSentenceCaseWithTheDocumentsSpelling) {
  const std::string doc = "On 10 April, Zhanbolat Mamay was given a suspended sentence. The poet Karim Adel Mansour was held.";
  EXPECT_EQ(sentence_case("SUSPENDED SENTENCE FOR ACTIVIST", doc, "en"), "Suspended sentence for activist");
  EXPECT_EQ(sentence_case("RELEASE ZHANBOLAT MAMAY", doc, "en"), "Release Zhanbolat Mamay");
  EXPECT_EQ(sentence_case("Already in sentence case", doc, "en"), "Already in sentence case");
  EXPECT_EQ(sentence_case("СВОБОДУ ЖАНБОЛАТУ", "Мы требуем свободы. Жанболату грозит срок.", "ru"), "Свободу жанболату");
  EXPECT_EQ(sentence_case("LIBERTAD PARA ÉL", "", "es"), "Libertad para él");
  EXPECT_EQ(sentence_case("free the bloggers of zhanaozen", "Bloggers from Zhanaozen were held.", "en"),
            "Free the bloggers of Zhanaozen");
}

TEST(ImportIds, FileSafeInAnyScript) {
  EXPECT_EQ(slug("Attorney General"), "attorney-general");
  EXPECT_EQ(slug("Генеральный прокурор"), "generalnyj-prokuror");
  EXPECT_EQ(slug("Ministre de l’Intérieur"), "ministre-de-linterieur");
  EXPECT_EQ(slug("وزير الداخلية").empty(), false);
}

TEST(ImportContacts, LabelsInManyLanguages) {
  std::string kind, value;
  ASSERT_TRUE(contact_line("E-mail: udp@udp-rk.kz", kind, value));
  EXPECT_EQ(kind, "email");
  EXPECT_EQ(value, "udp@udp-rk.kz");
  ASSERT_TRUE(contact_line("Fax +8 7172 74-56-31", kind, value));
  EXPECT_EQ(kind, "fax");
  EXPECT_EQ(value, "+8 7172 74-56-31");
  ASSERT_TRUE(contact_line("Tél. : 01 49 27 49 27", kind, value));
  EXPECT_EQ(kind, "phone");
  EXPECT_EQ(value, "01 49 27 49 27");
  ASSERT_TRUE(contact_line("Correo electrónico: despacho@mp.gob.ve", kind, value));
  EXPECT_EQ(kind, "email");
  ASSERT_TRUE(contact_line("Факс: +7 495 987 58 41", kind, value));
  EXPECT_EQ(kind, "fax");
  ASSERT_TRUE(contact_line("(202) 232 5488", kind, value));
  EXPECT_EQ(kind, "phone");
  ASSERT_TRUE(contact_line("Twitter: @AlsisiOfficial", kind, value));
  EXPECT_EQ(kind, "social");
  EXPECT_FALSE(contact_line("Faxed letters are read first", kind, value));
  EXPECT_FALSE(contact_line("Government House Mangilik Yel St, 6", kind, value));
}

TEST(ImportTargets, SplitAfterContactLinesAndAtGaps) {
  auto L = [](const std::string& t, bool gap = false) { return Line{t, gap, gap, {}}; };
  const std::vector<TargetDraft> d = split_targets(
      {L("President of Kazakhstan"), L("Kassym-Jomart Tokayev"), L("Government House"), L("Republic of Kazakhstan"),
       L("E-mail: udp@udp-rk.kz"), L("Fax +8 7172 74-56-31"), L("Ambassador of Kazakhstan to the United States"),
       L("Yerzhan Ashikbayev"), L("2100 16th Street, NW"), L("Minister of Justice", true), L("Ivan Petrov"), L("Moscow")},
      false);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].lines.size(), 4u);
  EXPECT_EQ(d[0].email, "udp@udp-rk.kz");
  EXPECT_EQ(d[0].fax, "+8 7172 74-56-31");
  EXPECT_EQ(d[1].lines[0], "Ambassador of Kazakhstan to the United States");
  EXPECT_EQ(d[2].lines[0], "Minister of Justice");
}

TEST(ImportTargets, HonorificsNameOfficeOrganisationAddressCountry) {
  TargetDraft d;
  d.lines = {"Prosecutor General of the Republic of Kazakhstan", "H.E. Mr Berik Asylov", "Prosecutor General's Office",
             "Mangilik Yel Avenue, 14", "Astana 010000", "Kazakhstan"};
  d.phone = "8 (7172) 71-25-00";
  std::vector<Finding> f;
  const nlohmann::ordered_json t = build_target(d, {"en", {"en"}}, "/targets/0", f);
  EXPECT_EQ(t["name"]["en"], "Berik Asylov");
  EXPECT_EQ(t["address"]["honorific"]["en"], "H.E. Mr");
  EXPECT_EQ(t["title"]["en"], "Prosecutor General of the Republic of Kazakhstan");
  EXPECT_EQ(t["address"]["organisation"]["en"], "Prosecutor General's Office");
  EXPECT_EQ(t["address"]["lines"]["en"], nlohmann::ordered_json({"Mangilik Yel Avenue, 14", "Astana 010000"}));
  EXPECT_EQ(t["address"]["country"], "KZ");
  EXPECT_EQ(t["phone"], "+7 7172 71 25 00");  // the national trunk prefix 8 dialled at home
  EXPECT_TRUE(f.empty());
  // Names in other scripts, the country in the letter's language: Russian.
  TargetDraft r;
  r.lines = {"Генеральный прокурор Российской Федерации", "Игорь Викторович Краснов", "ул. Большая Дмитровка, 15а",
             "125993 Москва", "Россия"};
  const nlohmann::ordered_json rt = build_target(r, {"ru", {"ru"}}, "/targets/0", f);
  EXPECT_EQ(rt["name"]["ru"], "Игорь Викторович Краснов");
  EXPECT_EQ(rt["title"]["ru"], "Генеральный прокурор Российской Федерации");
  EXPECT_EQ(rt["address"]["country"], "RU");
  EXPECT_EQ(rt["address"]["lines"]["ru"].size(), 2u);
  // "USA" and "U.K." as a post reads them.
  TargetDraft us;
  us.lines = {"Ambassador of Kazakhstan", "Yerzhan Ashikbayev", "2100-2108 16th Street, NW", "Washington DC 20009", "USA"};
  us.phone = "(202) 232 5488";
  const nlohmann::ordered_json ut = build_target(us, {"en", {"en"}}, "/targets/1", f);
  EXPECT_EQ(ut["address"]["country"], "US");
  EXPECT_EQ(ut["phone"], "+1 202 232 5488");
  // Nothing tells the country: "ZZ" and a finding.
  TargetDraft z;
  z.lines = {"Minister of Justice", "Ana Pérez", "Calle Mayor 1"};
  std::vector<Finding> zf;
  EXPECT_EQ(build_target(z, {"en", {"en"}}, "/targets/0", zf)["address"]["country"], "ZZ");
  ASSERT_EQ(zf.size(), 1u);
  EXPECT_EQ(zf[0].pointer, "/targets/0/address/country");
}

// ---------------------------------------------------------------------------------------
// extract/: the clean-up every format shares.

extract::DocumentText doc_of(std::vector<std::vector<std::string>> paragraphs, std::vector<int> pages = {}) {
  extract::DocumentText d;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    extract::Paragraph p;
    p.lines = paragraphs[i];
    p.page = pages.empty() ? 1 : pages[i];
    d.paragraphs.push_back(p);
  }
  return d;
}

TEST(ImportExtract, PageNumbersInTheUsualForms) {
  for (const char* yes : {"3", "- 3 -", "Page 3", "Page 3 of 5", "3/5", "3 of 5", "Página 2 de 2", "Seite 3 von 5", "стр. 4", "(7)"}) {
    EXPECT_TRUE(extract::is_page_number(yes)) << yes;
  }
  for (const char* no : {"2100-2108 16th Street", "UA 31/22", "Page three", "Article 378.2", "010000 ASTANA"}) {
    EXPECT_FALSE(extract::is_page_number(no)) << no;
  }
}

TEST(ImportExtract, HyphensJoinedOrKeptByTheDocumentsOwnEvidence) {
  extract::DocumentText d = doc_of({{"He was sentenced to a six-", "year suspended sentence for organ-", "izing a six-year protest."},
                                     {"She is well-", "known; a well-known lawyer. He did not al-", "low it."},
                                     {"Lawyers who de-", "fend them are defending rights. Emilio Jo-", "sé and José."},
                                     {"2100-", "2108 16th Street; pací\xC2\xAD", "fica"}});
  extract::join_broken_words(d);
  ASSERT_EQ(d.paragraphs[0].lines.size(), 1u);
  EXPECT_EQ(d.paragraphs[0].lines[0], "He was sentenced to a six-year suspended sentence for organizing a six-year protest.");
  EXPECT_EQ(d.paragraphs[1].lines[0], "She is well-known; a well-known lawyer. He did not allow it.");
  EXPECT_EQ(d.paragraphs[2].lines[0], "Lawyers who defend them are defending rights. Emilio José and José.");
  EXPECT_EQ(d.paragraphs[3].lines[0], "2100-2108 16th Street; pacífica");
  // Capitals after the hyphen: a name or an acronym goes on ("Kassym-" + "Jomart").
  extract::DocumentText n = doc_of({{"Kassym-", "Jomart Tokayev"}});
  extract::join_broken_words(n);
  EXPECT_EQ(n.paragraphs[0].lines.size(), 2u);
}

TEST(ImportExtract, RunningHeadsAndFeetDroppedButKept) {
  extract::DocumentText d = doc_of({{"Amnesty International · UA 45/25"}, {"First page text."}, {"More text."}, {"Página 1 de 2"},
                                    {"Amnesty International · UA 45/25"}, {"Second page text."}, {"Página 2 de 2"}},
                                   {1, 1, 1, 1, 2, 2, 2});
  extract::drop_page_furniture(d);
  ASSERT_EQ(d.paragraphs.size(), 3u);
  EXPECT_EQ(d.paragraphs[0].lines[0], "First page text.");
  EXPECT_EQ(d.paragraphs[2].lines[0], "Second page text.");
  EXPECT_EQ(d.furniture.size(), 3u);  // the footer once, each page number
  // One page only: text that merely sits at the edges stays.
  extract::DocumentText one = doc_of({{"URGENT ACTION"}, {"Text."}, {"Yours sincerely,"}});
  extract::drop_page_furniture(one);
  EXPECT_EQ(one.paragraphs.size(), 3u);
}

TEST(ImportExtract, RightToLeftTextFromAPdfBackInReadingOrder) {
  // Glyphs left to right on the page, as poppler lists them.
  EXPECT_EQ(text::logical_from_visual("یا‌هژا یاقآ بانج"), "جناب آقای اژه‌ای");
  EXPECT_EQ(text::logical_from_visual("Dear Head / یا‌هژا یاقآ بانج"), "Dear Head / جناب آقای اژه‌ای");
  EXPECT_EQ(text::logical_from_visual("،سيئرلا ةدايس"), "سيادة الرئيس،");
  // Digits keep their order inside Arabic: "2 سبتمبر 2024" on the page is "2024 ربمتبس 2".
  EXPECT_EQ(text::logical_from_visual("2024 ربمتبس 2 ذنم"), "منذ 2 سبتمبر 2024");
  EXPECT_EQ(text::logical_from_visual("No right-to-left here"), "No right-to-left here");
}

TEST(ImportExtract, WhitespaceAndNormalisation) {
  EXPECT_EQ(extract::clean_line("\t Casa\xC2\xA0" "de  la\xE2\x80\x89Paz \r"), "Casa de la Paz");
  EXPECT_EQ(extract::clean_line("Jose\xCC\x81"), "José");  // NFD to NFC
}

}  // namespace
