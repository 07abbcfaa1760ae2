// The same case (tests/data/multilingual/case.json, written for these tests) rendered in
// eleven languages: letters and tri-fold leaflets. Each document must be a clean PDF with
// embedded subset fonts, give its text back exactly, print its dates and fixed words in
// its own language (never an English word in another language's document), set its
// justified text evenly (typo-metrics) and never hyphenate a name.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support/pdf_probe.h"
#include "e2e/sample_case.h"
#include "support/run.h"
#include "text/utf8.h"

#include <unicode/uchar.h>

namespace {

using json = nlohmann::json;

const std::filesystem::path& case_file() {
  static const std::filesystem::path p = test::source_dir() / "tests/data/multilingual/case.json";
  return p;
}

const json& the_case() {
  static const json c = json::parse(test::read_file(case_file()));
  return c;
}

// Written down by hand from each language's usage (CLDR agrees; ru, kk and en use the
// project's own patterns in data/i18n): the letters' date, 2023-06-16, and the leaflets'
// deadline, 2024-06-17.
struct Dates {
  std::string letter, deadline;
};
const std::map<std::string, Dates>& dates() {
  static const std::map<std::string, Dates> d = {
      {"en", {"16 June 2023", "17 June 2024"}},
      {"ru", {"16 июня 2023 г.", "17 июня 2024 г."}},
      {"kk", {"2023 жылғы 16 маусым", "2024 жылғы 17 маусым"}},
      {"es", {"16 de junio de 2023", "17 de junio de 2024"}},
      {"fr", {"16 juin 2023", "17 juin 2024"}},
      {"de", {"16. Juni 2023", "17. Juni 2024"}},
      {"pl", {"16 czerwca 2023", "17 czerwca 2024"}},
      {"tr", {"16 Haziran 2023", "17 Haziran 2024"}},
      {"uk", {"16 червня 2023 р.", "17 червня 2024 р."}},
      {"pt", {"16 de junho de 2023", "17 de junho de 2024"}},
      {"it", {"16 giugno 2023", "17 giugno 2024"}},
  };
  return d;
}

// The English documents' fixed words (data/i18n/en.json, text before any placeholder)
// that a document in `lang` must not print: all but those its own translation shares
// ("Signature" is French too, "E-mail" Italian, Polish and Portuguese).
std::vector<std::string> english_words_not_in(const std::string& lang) {
  const auto i18n = test::source_dir() / "data/i18n";
  const json en = json::parse(test::read_file(i18n / "en.json"));
  const json own = json::parse(test::read_file(i18n / (lang + ".json")));
  std::vector<std::string> out;
  for (const auto& [key, value] : en.items()) {
    if (key == "$comment" || key == "date_format" || key == "colon") continue;
    std::string w = value.get<std::string>();
    w = w.substr(0, w.find('{'));
    while (!w.empty() && w.back() == ' ') w.pop_back();
    if (w.size() < 4 || own.at(key).get<std::string>().find(w) != std::string::npos) continue;
    out.push_back(w);
  }
  return out;
}

// The text of a document without the running headers of continuation pages
// ("Nadira Saidova · page 2 of 2"), which pdftotext puts inside the paragraph that
// runs over the page break.
std::string body_text(const std::filesystem::path& pdf) {
  std::string out, line;
  std::istringstream in(test::pdftotext(pdf));
  while (std::getline(in, line)) {
    if (line.find("\u00B7") == std::string::npos) out += line + "\n";
  }
  return test::normalize_ws(out);
}

// Every string a PDF marks with /ActualText: the words the engine broke across lines.
std::vector<std::string> broken_words(const std::filesystem::path& pdf, const std::filesystem::path& tmp) {
  const auto qdf = tmp / (pdf.stem().string() + ".qdf.pdf");
  const auto r = test::run({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), qdf.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string content = test::read_file(qdf);
  std::vector<std::string> out;
  static const std::regex re("/ActualText<[Ff][Ee][Ff][Ff]([0-9A-Fa-f]*)>");
  for (auto it = std::sregex_iterator(content.begin(), content.end(), re); it != std::sregex_iterator(); ++it) {
    const std::string hex = (*it)[1];
    std::u16string u;
    for (size_t i = 0; i + 4 <= hex.size(); i += 4) u += static_cast<char16_t>(std::stoi(hex.substr(i, 4), nullptr, 16));
    std::string utf8;
    for (size_t i = 0; i < u.size(); ++i) {
      char32_t c = u[i];
      if (c >= 0xD800 && c < 0xDC00 && i + 1 < u.size()) c = 0x10000 + ((c - 0xD800) << 10) + (u[++i] - 0xDC00);
      if (c < 0x80) utf8 += static_cast<char>(c);
      else if (c < 0x800) utf8 += static_cast<char>(0xC0 | (c >> 6)), utf8 += static_cast<char>(0x80 | (c & 0x3F));
      else if (c < 0x10000)
        utf8 += static_cast<char>(0xE0 | (c >> 12)), utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
            utf8 += static_cast<char>(0x80 | (c & 0x3F));
      else
        utf8 += static_cast<char>(0xF0 | (c >> 18)), utf8 += static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
            utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F)), utf8 += static_cast<char>(0x80 | (c & 0x3F));
    }
    if (!utf8.empty()) out.push_back(utf8);
  }
  return out;
}

// Whether the word's first letter is a capital (Unicode's Lu/Lt, through ICU).
bool starts_with_capital(const std::string& w) {
  for (char32_t c : appeal::text::to_u32(w)) {
    if (u_isalpha(static_cast<UChar32>(c))) return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
  }
  return false;
}

json typo_metrics(const std::filesystem::path& pdf) {
  const auto r = test::run({(test::source_dir() / "tests/tools/typo-metrics").string(), "--json", pdf.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

class Languages : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() { dir_ = new test::TempDir(); }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  // Each test renders only its own language (CTest runs every test in a process of its own).
  static test::RunResult render_letter(const std::string& lang) {
    return test::run({test::appeal_bin(), "letters", case_file().string(), "--lang", lang, "--target", "ambassador-de",
                      "-o", (dir_->path() / "letters").string(), "--date", "2023-06-16", "-q"});
  }
  static test::RunResult render_leaflet(const std::string& lang) {
    return test::run({test::appeal_bin(), "leaflet", case_file().string(), "--lang", lang, "-o",
                      (dir_->path() / "leaflets").string()});
  }
  static std::filesystem::path letter(const std::string& lang) { return dir_->path() / "letters" / ("ambassador-de-" + lang + ".pdf"); }
  static std::filesystem::path leaflet(const std::string& lang) {
    return dir_->path() / "leaflets" / ("leaflet-a4-trifold-" + lang + ".pdf");
  }

  // Every check that holds for both kinds of document.
  static void check_document(const std::filesystem::path& pdf, const std::string& lang) {
    std::string report;
    EXPECT_TRUE(test::qpdf_clean(pdf, &report)) << report;
    for (const auto& f : test::pdffonts(pdf)) EXPECT_TRUE(f.embedded && f.subset && f.unicode) << pdf << " " << f.name;
    const std::string text = test::normalize_ws(test::pdftotext(pdf));
    if (lang != "en") {
      const auto words = english_words_not_in(lang);
      EXPECT_GE(words.size(), 8u);
      for (const std::string& w : words) EXPECT_EQ(text.find(w), std::string::npos) << pdf << ": \"" << w << "\"";
    }
    const json m = typo_metrics(pdf);
    ASSERT_GE(m["justified_lines"].get<int>(), 5) << pdf;  // the measure applies: text is justified
    EXPECT_LE(m["worst_ratio"].get<double>(), 1.6) << pdf;
    EXPECT_LE(m["longest_hyphen_run"].get<int>(), 2) << pdf;
    EXPECT_EQ(m["overfull_lines"].get<int>(), 0) << pdf;
    EXPECT_EQ(m["widows"].get<int>(), 0) << pdf;
    EXPECT_EQ(m["orphans"].get<int>(), 0) << pdf;
    // Names and "Amnesty International" never break; only German, which capitalises its
    // nouns, may hyphenate a capitalised word, and then not a name.
    const std::vector<std::string> names = {"Nadira", "Saidova", "Надира", "Саидова", "Надіра", "Саїдова",
                                            "Amnesty", "International", "Bakhtiyor", "Rasulov", "Dilnoza", "Rahimova"};
    for (const std::string& w : broken_words(pdf, dir_->path())) {
      for (const std::string& n : names) EXPECT_EQ(w.find(n), std::string::npos) << pdf << ": name broken: " << w;
      if (lang != "de") EXPECT_FALSE(starts_with_capital(w)) << pdf << ": capitalised word broken: " << w;
    }
  }

  static test::TempDir* dir_;
};

test::TempDir* Languages::dir_ = nullptr;

TEST_P(Languages, LetterIsCleanExactAndInItsLanguage) {
  const std::string lang = GetParam();
  const auto r = render_letter(lang);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto pdf = letter(lang);
  ASSERT_TRUE(std::filesystem::exists(pdf));
  check_document(pdf, lang);
  const std::string text = body_text(pdf);
  const json& letter = the_case()["letters"][lang];
  for (const auto& p : letter["body"]) {
    EXPECT_NE(text.find(test::normalize_ws(p.get<std::string>())), std::string::npos) << lang << ": " << p;
  }
  EXPECT_NE(text.find(test::normalize_ws(letter["closing"].get<std::string>())), std::string::npos);
  EXPECT_NE(text.find(test::normalize_ws(dates().at(lang).letter)), std::string::npos) << lang << "\n" << text.substr(0, 400);
}

TEST_P(Languages, LeafletIsCleanExactAndInItsLanguage) {
  const std::string lang = GetParam();
  const auto r = render_leaflet(lang);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto pdf = leaflet(lang);
  ASSERT_TRUE(std::filesystem::exists(pdf));
  check_document(pdf, lang);
  const std::string text = body_text(pdf);
  for (const char* section : {"background", "actions"}) {
    for (const auto& p : the_case()[section][lang]) {
      EXPECT_NE(text.find(test::normalize_ws(p.get<std::string>())), std::string::npos) << lang << ": " << p;
    }
  }
  EXPECT_NE(text.find(test::normalize_ws(dates().at(lang).deadline)), std::string::npos) << lang;
}

std::vector<std::string> languages() {
  std::vector<std::string> out;
  for (const auto& [lang, d] : dates()) out.push_back(lang);
  return out;
}

INSTANTIATE_TEST_SUITE_P(All, Languages, ::testing::ValuesIn(languages()),
                         [](const auto& info) { return info.param; });


// The Spanish sample (samples/ua-es-mx): every kind of document renders, cleanly, in Spanish.
TEST(SpanishSample, EveryDocumentRendersInSpanish) {
  test::TempDir dir;
  const auto sample = test::source_dir() / "samples/ua-es-mx";
  const std::string case_json = (sample / "case.json").string(), senders = (sample / "senders.csv").string();
  const std::vector<std::vector<std::string>> runs = {
      {"letters", case_json, "-o", (dir.path() / "letters").string(), "--date", "2024-04-02"},
      {"letters", case_json, "--senders", senders, "-o", (dir.path() / "merged").string(), "-q"},
      {"envelopes", case_json, "--senders", senders, "-o", (dir.path() / "env").string(), "-q"},
      {"labels", case_json, "--senders", senders, "-o", (dir.path() / "labels").string(), "-q"},
      {"archive", case_json, "--senders", senders, "-o", (dir.path() / "sent").string(), "-q"},
      {"leaflet", case_json, "--group", (sample / "group.json").string(), "-o", (dir.path() / "leaflets").string()}};
  for (auto argv : runs) {
    argv.insert(argv.begin(), test::appeal_bin());
    const auto r = test::run(argv);
    ASSERT_EQ(r.exit_code, 0) << argv[1] << ": " << r.err;
  }
  size_t pdfs = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path())) {
    if (e.path().extension() != ".pdf") continue;
    ++pdfs;
    EXPECT_TRUE(test::qpdf_clean(e.path())) << e.path();
    for (const auto& f : test::pdffonts(e.path())) EXPECT_TRUE(f.embedded && f.subset && f.unicode) << e.path();
  }
  EXPECT_GE(pdfs, 2u + 2 + 2 + 2 + 10 + 1);
  const json c = json::parse(test::read_file(sample / "case.json"));
  const std::string text = body_text(dir.path() / "letters/fiscal-oaxaca-es.pdf");
  for (const auto& p : c["letters"]["es"]["body"]) EXPECT_NE(text.find(test::normalize_ws(p.get<std::string>())), std::string::npos) << p;
  EXPECT_NE(text.find("2 de abril de 2024"), std::string::npos);
  EXPECT_NE(text.find("Remitente"), std::string::npos);
  EXPECT_NE(text.find("Firma"), std::string::npos);
  const std::string leaflet = test::normalize_ws(test::pdftotext(dir.path() / "leaflets/leaflet-a4-trifold-es.pdf"));
  EXPECT_NE(leaflet.find("ACCIÓN URGENTE"), std::string::npos);
  EXPECT_NE(leaflet.find("Idiomas preferidos: español"), std::string::npos);
}


// The sample's documents (UA 31.22): no name and no capitalised word is broken across
// lines, not even at a name's own hyphen ("Kassym-Jomart"), in letters and leaflets.
TEST(SampleCase, NoCapitalisedWordIsBroken) {
  test::TempDir dir;
  const auto case_json = (test::source_dir() / "samples/ua-31-22/case.json").string();
  std::vector<std::vector<std::string>> runs = {{"letters", case_json, "-o", (dir.path() / "din").string()},
                                                {"letters", case_json, "--layout", "us-letter-10", "-o", (dir.path() / "us").string()}};
  for (const char* layout : {"leaflet-a4-trifold", "leaflet-a5-fold"}) {
    runs.push_back({"leaflet", case_json, "--layout", layout, "-o", (dir.path() / "leaflets").string()});
  }
  for (auto argv : runs) {
    argv.insert(argv.begin(), test::appeal_bin());
    const auto r = test::run(argv);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  size_t pdfs = 0, broken = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path())) {
    if (e.path().extension() != ".pdf" || e.path().string().find(".qdf.") != std::string::npos) continue;
    ++pdfs;
    for (const std::string& w : broken_words(e.path(), dir.path())) {
      ++broken;
      EXPECT_FALSE(starts_with_capital(w)) << e.path() << ": " << w;
    }
  }
  EXPECT_EQ(pdfs, 10u);  // 2 targets x 2 languages x 2 layouts, 2 leaflets
  EXPECT_GT(broken, 10u);  // the check sees the hyphenated words (lower case) of every file
}


// A language with no hyphenation patterns and no shipped translation (Swahili): the case
// gives its fixed words under /strings/sw; the letter is justified without hyphenation and
// never loose (a paragraph that cannot be set evenly goes ragged-right).
TEST(LanguageWithoutPatterns, SwahiliLetterIsEvenAndUnhyphenated) {
  test::TempDir dir;
  json c = the_case();
  const auto data = test::source_dir() / "tests/data/no-patterns";
  c["languages"] = {"sw"};
  c["letters"] = {{"sw", json::parse(test::read_file(data / "letter-sw.json"))}};
  for (auto& t : c["targets"]) t["salutation"]["sw"] = c["letters"]["sw"]["salutation"];
  c["letters"]["sw"].erase("salutation");
  c["strings"] = {{"sw", json::parse(test::read_file(data / "strings-sw.json"))}};
  const auto file = dir.path() / "case.json";
  test::write_file(file, c.dump(2));
  const auto r = test::run({test::appeal_bin(), "letters", file.string(), "--target", "ambassador-de", "--date",
                            "2024-05-06", "-o", (dir.path() / "out").string(), "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto pdf = dir.path() / "out/ambassador-de-sw.pdf";
  EXPECT_TRUE(test::qpdf_clean(pdf));
  const std::string text = body_text(pdf);
  for (const auto& p : c["letters"]["sw"]["body"]) EXPECT_NE(text.find(test::normalize_ws(p.get<std::string>())), std::string::npos) << p;
  EXPECT_NE(text.find("Mtumaji"), std::string::npos);  // the case's own fixed words
  EXPECT_NE(text.find("Sahihi"), std::string::npos);
  EXPECT_NE(text.find("6 Mei 2024"), std::string::npos) << text.substr(0, 300);  // ICU's Swahili date
  const json m = typo_metrics(pdf);
  EXPECT_LE(m["worst_ratio"].get<double>(), 1.6);
  EXPECT_EQ(m["hyphenated_lines"].get<int>(), 0);  // no patterns: no hyphenation
  EXPECT_EQ(m["widows"].get<int>() + m["orphans"].get<int>(), 0);
}


// `--lang` may choose a letter the case has in a language the officials did not list.
TEST(LangOption, WritesALetterInANonPreferredLanguage) {
  test::TempDir dir;
  json c = test::sample_case();
  c["letters"]["kk"] = the_case()["letters"]["kk"];
  for (auto& t : c["targets"]) t["salutation"]["kk"] = "Құрметті мырза!";
  const auto file = dir.path() / "case.json";
  test::write_file(file, c.dump(2));
  const auto r = test::run({test::appeal_bin(), "letters", file.string(), "--lang", "kk", "--target", "president", "-o",
                            (dir.path() / "out").string(), "--date", "2023-06-16", "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = body_text(dir.path() / "out/president-kk.pdf");
  EXPECT_NE(text.find("Құрметті мырза!"), std::string::npos);
  EXPECT_NE(text.find("2023 жылғы 16 маусым"), std::string::npos);
  EXPECT_NE(text.find(test::normalize_ws(c["letters"]["kk"]["body"][0].get<std::string>())), std::string::npos);
}


// A sender's country line is in their post's language (data/postal.json): Uzbek
// "QOZOGʻISTON" has U+02BB, which PT Serif lacks and the Noto fallback draws. A language
// the sender chose that no installed font can draw is bad input: here Chinese, with a
// fallback list (APPEAL_FONT_FALLBACK) that has no CJK fonts.
TEST(CountryLine, IsDrawnInThePostsLanguageOrRefused) {
  test::TempDir dir;
  const auto case_json = (test::source_dir() / "samples/ua-31-22/case.json").string();
  const auto csv = dir.path() / "senders.csv";
  test::write_file(csv, "name,address,country\nDilnoza Karimova,\"Amir Temur ko'chasi 1\nToshkent\",UZ\n");
  const auto r = test::run({test::appeal_bin(), "letters", case_json, "--senders", csv.string(), "--lang", "en", "--target",
                            "president", "-o", (dir.path() / "out").string(), "-q", "--date", "2023-06-16"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = test::pdftotext(dir.path() / "out/president-en.pdf");
  EXPECT_NE(text.find("QOZOG\u02BBISTON"), std::string::npos) << text;
  bool noto = false;
  for (const auto& f : test::pdffonts(dir.path() / "out/president-en.pdf")) {
    EXPECT_TRUE(f.embedded && f.subset && f.unicode) << f.name;
    noto = noto || f.name.find("+Noto") != std::string::npos;
  }
  EXPECT_TRUE(noto);  // the ʻ comes from the fallback font
  test::write_file(csv, "name,address,country,language\nDilnoza Karimova,\"Amir Temur ko'chasi 1\nToshkent\",UZ,zh\n");
  const auto no_cjk = dir.path() / "fallback.json";
  test::write_file(no_cjk, R"({"dirs": ["/usr/share/fonts/truetype/noto"], "styles": {}, "fallbacks": [
    {"scripts": ["Latn", "Zyyy"], "serif": "NotoSerif-Regular.ttf", "sans": "NotoSans-Regular.ttf"}]})");
  const auto bad = test::run({test::appeal_bin(), "letters", case_json, "--senders", csv.string(), "--lang", "en", "-o",
                              (dir.path() / "out2").string(), "-q"},
                             {"APPEAL_FONT_FALLBACK=" + no_cjk.string()});
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_NE(bad.err.find("senders.csv:2:1: sender's language \"zh\""), std::string::npos) << bad.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out2/president-en.pdf"));
}

}  // namespace
