// Letters in the sender's own words (issue 18): a personal paragraph per sender from the
// CSV's `personal` column, variants of the body given by turn or by the `variant` column,
// and the sender's choice among the case's languages. tests/data/personal: the sample case
// with three English variants (the personal paragraph after the second paragraph, the
// Russian one after the first) and ten senders writing in English, Greek, Chinese,
// Vietnamese, Arabic, Kazakh, Spanish and Russian, one with a line break in hers.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "e2e/sample_case.h"
#include "support/pdf_probe.h"
#include "support/run.h"

namespace {

using nlohmann::json;

const std::filesystem::path kData = test::source_dir() / "tests/data/personal";

struct Row {
  std::string name, language, personal, variant;
};

// The senders CSV as written (tests/data/personal/senders.csv is plain: no quotes inside).
std::vector<Row> rows() {
  const std::string csv = test::read_file(kData / "senders.csv");
  std::vector<std::vector<std::string>> records(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) records.back().push_back(field), field.clear();
    else if (c == '\n' && !quoted) records.back().push_back(field), field.clear(), records.emplace_back();
    else field += c;
  }
  std::vector<Row> out;
  for (size_t r = 1; r < records.size(); ++r) {
    if (records[r].size() < 6) continue;
    out.push_back({records[r][0], records[r][3], records[r][4], records[r][5]});
  }
  return out;
}

bool right_to_left(const std::string& s) { return s.find("\xD8") != std::string::npos || s.find("\xD9") != std::string::npos; }

// Words of `s` (bidi marks dropped), for right-to-left text whose extraction is in logical
// order word by word (tests/e2e/rtl_test.cpp).
std::multiset<std::string> words(std::string s) {
  for (const char* mark : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E"}) {
    for (size_t p; (p = s.find(mark)) != std::string::npos;) s.erase(p, 3);
  }
  std::multiset<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.insert(w);
  return out;
}

// Whether `text` (pdftotext) holds the personal paragraph `p`: exactly, whitespace
// normalised; a right-to-left one word by word.
bool holds(const std::string& text, const std::string& p) {
  if (!right_to_left(p)) return test::normalize_ws(text).find(test::normalize_ws(p)) != std::string::npos;
  const auto have = words(text);
  const auto want = words(p);
  return std::all_of(want.begin(), want.end(), [&](const std::string& w) { return have.count(w) > 0; });
}

test::RunResult appeal(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {test::appeal_bin()};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.insert(argv.end(), {"--date", "2023-06-16", "-q"});
  return test::run(argv);
}

// The English variants' distinguishing openings, by variant (1-based).
const std::vector<std::string> kVariantMarks = {"", "In other words:", "the leader of the unregistered Democratic Party"};

TEST(Personal, EachSendersParagraphIsOnTheirOwnLetterOnlyWithTheirVariant) {
  test::TempDir dir;
  const auto r = appeal({"letters", (kData / "case.json").string(), "--senders", (kData / "senders.csv").string(), "--split",
                         "--target", "president", "--lang", "en", "-o", dir.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Row> senders = rows();
  ASSERT_EQ(senders.size(), 10u);
  size_t files = 0;
  for (size_t i = 0; i < senders.size(); ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "president-en-%04zu.pdf", i + 1);
    const auto pdf = dir.path() / name;
    if (senders[i].language == "ru") {  // chose the Russian letter
      EXPECT_FALSE(std::filesystem::exists(pdf)) << senders[i].name;
      continue;
    }
    ASSERT_TRUE(std::filesystem::exists(pdf)) << senders[i].name;
    ++files;
    const std::string text = test::pdftotext(pdf);
    for (size_t j = 0; j < senders.size(); ++j) {
      if (senders[j].personal.empty()) continue;
      EXPECT_EQ(holds(text, senders[j].personal), i == j) << senders[i].name << "'s letter, " << senders[j].name << "'s words";
    }
    // Variants by turn (record 1 variant 1, record 2 variant 2, ...) unless the CSV says.
    const size_t variant = senders[i].variant.empty() ? i % 3 + 1 : std::stoul(senders[i].variant);
    for (size_t v = 2; v <= 3; ++v) {
      EXPECT_EQ(test::normalize_ws(text).find(kVariantMarks[v - 1]) != std::string::npos, v == variant)
          << senders[i].name << ": variant " << variant;
    }
    // After the body paragraph the case names (the second), before the third.
    if (!senders[i].personal.empty() && !right_to_left(senders[i].personal)) {
      const std::string flat = test::normalize_ws(text);
      const size_t at = flat.find(test::normalize_ws(senders[i].personal));
      EXPECT_LT(flat.find("Article 272"), at) << senders[i].name;
      EXPECT_GT(flat.find("I urge you"), at) << senders[i].name;
    }
    EXPECT_TRUE(test::qpdf_clean(pdf)) << name;
  }
  EXPECT_EQ(files, 9u);
}

TEST(Personal, AMergeKeepsEachParagraphInItsSendersPartAndStaysClean) {
  test::TempDir dir;
  const auto r = appeal({"letters", (kData / "case.json").string(), "--senders", (kData / "senders.csv").string(),
                         "--target", "president", "-o", dir.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Row> senders = rows();
  for (const std::string lang : {"en", "ru"}) {
    const auto pdf = dir.path() / ("president-" + lang + ".pdf");
    const auto check = test::run({test::appeal_bin(), "check", pdf.string()});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    const auto notdef = test::run({(test::source_dir() / "tests/tools/pdfa-check").string(), "--notdef", pdf.string()});
    EXPECT_EQ(notdef.exit_code, 0) << notdef.out;
    for (const auto& f : test::pdffonts(pdf)) EXPECT_TRUE(f.embedded && f.subset && f.unicode) << f.name;
    // Each letter is a Part of the structure: a sender's words are in the Part that begins
    // with their address, once.
    const auto st = test::run({"pdfinfo", "-struct-text", pdf.string()});
    ASSERT_EQ(st.exit_code, 0) << st.err;
    // A Part's elements a line each, an element's pieces (its marked-content sequences:
    // a span of a Vietnamese letter in a Russian letter is one) joined.
    std::vector<std::string> parts;
    std::istringstream in(st.out);
    for (std::string line; std::getline(in, line);) {
      const size_t q = line.find('"');
      if (line == "  Part") parts.emplace_back();
      else if (parts.empty()) continue;
      else if (q == std::string::npos) parts.back() += "\n";
      else parts.back() += line.substr(q + 1, line.rfind('"') - q - 1);
    }
    std::vector<const Row*> writing;
    for (const Row& s : senders) {
      if (s.language.empty() || s.language == lang || (s.language != "en" && s.language != "ru")) writing.push_back(&s);
    }
    ASSERT_EQ(parts.size(), writing.size()) << lang;
    for (size_t k = 0; k < writing.size(); ++k) {
      if (!right_to_left(writing[k]->name)) {
        EXPECT_NE(parts[k].find(writing[k]->name), std::string::npos) << lang << " letter " << k + 1;
      }
      for (const Row& s : senders) {
        if (s.personal.empty() || right_to_left(s.personal)) continue;  // poppler's structure text is visual there
        const std::string flat = test::normalize_ws(parts[k]);
        EXPECT_EQ(flat.find(test::normalize_ws(s.personal)) != std::string::npos, &s == writing[k])
            << lang << " letter " << k + 1 << ": " << s.name << "\n" << parts[k];
      }
    }
  }
}

// The personal paragraph's budget is the layout's "personal_max_lines" (10 in both letter
// layouts, about 900 characters of Latin text); the CSV reader refuses more than 1,200
// characters before anything is set.
TEST(Personal, TooLongIsBadInputAtItsFieldAndNothingIsWritten) {
  test::TempDir dir;
  std::string sentence = "Als Lehrerin in Berlin habe ich meinen Schülern beigebracht, dass die Meinungsfreiheit das Fundament "
                         "jeder Gesellschaft ist. ";
  std::string twelve_lines;
  for (int i = 0; i < 9; ++i) twelve_lines += sentence;
  test::write_file(dir.path() / "senders.csv", "name,address,country,personal\nKlaus Müller,\"Schloßstraße 5\n10117 Berlin\",DE,\"" +
                                                   twelve_lines + "\"\n");
  const auto out = dir.path() / "out";
  auto r = appeal({"letters", (kData / "case.json").string(), "--senders", (dir.path() / "senders.csv").string(), "--lang", "en",
                   "-o", out.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("senders.csv:3:19: record 1, column \"personal\": the personal paragraph takes 12 lines in layout "
                       "din5008-b-a4; at most 10"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(out) && !std::filesystem::is_empty(out));

  std::string too_many;
  for (int i = 0; i < 11; ++i) too_many += sentence;
  test::write_file(dir.path() / "senders.csv", "name,address,country,personal\nKlaus Müller,Schloßstraße 5,DE,\"" + too_many + "\"\n");
  r = appeal({"letters", (kData / "case.json").string(), "--senders", (dir.path() / "senders.csv").string(), "-o", out.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("senders.csv:2:33: record 1, column \"personal\": the personal paragraph has 1374 characters; at most 1200"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(out) && !std::filesystem::is_empty(out));
}

// Paragraphs long enough to push the letter onto a second page (two to ten lines): the
// hole for one follows the pagination rules like any paragraph (at least two lines on each
// side of a page break), and the continuation page says "page 2 of 2".
TEST(Personal, LongParagraphsFlowOntoAContinuationPageWithoutWidowsOrOrphans) {
  test::TempDir dir;
  const std::string sentence =
      "Als Lehrerin in Berlin habe ich meinen Schülern beigebracht, dass die Meinungsfreiheit das Fundament jeder "
      "Gesellschaft ist. ";
  std::string csv = "name,address,country,language,personal\n";
  std::vector<std::string> paragraphs;
  for (int n = 2; n <= 7; ++n) {
    std::string p;
    for (int i = 0; i < n; ++i) p += sentence;
    paragraphs.push_back(p.substr(0, p.size() - 1));
    csv += "Eva Schmidt " + std::to_string(n) + ",\"Hauptstraße 1\n10115 Berlin\",DE,de,\"" + paragraphs.back() + "\"\n";
  }
  test::write_file(dir.path() / "senders.csv", csv);
  // After the last paragraph, so the page ends inside the personal paragraph for some.
  json c = json::parse(test::read_file(kData / "case.json"));
  c["letters"]["en"]["personal_after"] = 3;
  test::write_file(dir.path() / "case.json", c.dump());
  const auto case_file = (dir.path() / "case.json").string();
  const auto r = appeal({"letters", case_file, "--senders", (dir.path() / "senders.csv").string(), "--lang", "en", "--target",
                         "president", "--trace", "-o", dir.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string trace = test::read_file(dir.path() / "president-en.trace");
  // Each letter's body lines by page (shared and own), by baseline: a justified line goes
  // on in the next line; a ragged one ends its paragraph. Letters are two pages each here.
  struct BodyLine {
    double baseline;
    bool justified;
    bool personal;  // the sender's own paragraph (in German: lang=de)
  };
  std::map<int, std::vector<BodyLine>> body;
  std::istringstream in(trace);
  int page = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("page ", 0) == 0) ++page;
    if (line.find("line P ") == std::string::npos || line.find("reading=4") == std::string::npos) continue;
    const size_t b = line.find("baseline=");
    body[page].push_back({std::stod(line.substr(b + 9)), line.find("justified=") != std::string::npos,
                          line.find("lang=de") != std::string::npos});
  }
  for (auto& [p, lines] : body) {
    std::sort(lines.begin(), lines.end(), [](const BodyLine& a, const BodyLine& b) { return a.baseline < b.baseline; });
  }
  size_t splits = 0, two_pages = 0;
  for (int first_page = 1; first_page < page; first_page += 2) {
    const auto& first = body[first_page];
    const auto& second = body[first_page + 1];
    if (second.empty()) continue;
    ++two_pages;
    if (!first.back().justified) continue;  // broke between paragraphs
    splits += first.back().personal && second.front().personal;
    size_t before = 1;  // the paragraph's lines on the first page, back to the gap above them
    while (before < first.size() && first[first.size() - before].baseline - first[first.size() - before - 1].baseline < 20) {
      ++before;
    }
    size_t after = 1;
    while (after < second.size() && second[after - 1].justified) ++after;
    EXPECT_GE(before, 2u) << "no orphan, letter on page " << first_page;
    EXPECT_GE(after, 2u) << "no widow, letter on page " << first_page;
  }
  EXPECT_GE(two_pages, 2u) << "the longer paragraphs take a continuation page";
  EXPECT_GE(splits, 1u) << "a personal paragraph breaks across the pages";
  EXPECT_NE(trace.find("page 2 of 2"), std::string::npos);
  const auto again = appeal({"letters", case_file, "--senders", (dir.path() / "senders.csv").string(), "--lang", "en",
                             "--target", "president", "-o", (dir.path() / "pdf").string()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const std::string text = test::normalize_ws(test::pdftotext(dir.path() / "pdf/president-en.pdf"));
  for (const std::string& p : paragraphs) EXPECT_NE(text.find(test::normalize_ws(p)), std::string::npos) << p;
}

TEST(Variants, AnUnknownVariantOrOneThatIsNotANumberIsBadInput) {
  test::TempDir dir;
  const auto out = dir.path() / "out";
  test::write_file(dir.path() / "senders.csv", "name,address,country,variant\nA B,Street 1,GB,2\nC D,Street 2,GB,4\n");
  auto r = appeal({"letters", (kData / "case.json").string(), "--senders", (dir.path() / "senders.csv").string(), "--lang", "en",
                   "-o", out.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("senders.csv:3:17: record 2, column \"variant\": variant 4 is unknown: the letter in \"en\" has 3 variants "
                       "(1 to 3)"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(out) && !std::filesystem::is_empty(out));
  // The Russian letter has one body: a sender writing Russian and English takes variant 2
  // in English; one writing Russian only has no variant 2 anywhere.
  test::write_file(dir.path() / "senders.csv", "name,address,country,variant\nA B,Street 1,GB,2\n");
  r = appeal({"letters", (kData / "case.json").string(), "--senders", (dir.path() / "senders.csv").string(), "--target",
              "president", "-o", (dir.path() / "both").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(test::normalize_ws(test::pdftotext(dir.path() / "both/president-en.pdf")).find("In other words:"), std::string::npos);
  test::write_file(dir.path() / "senders.csv", "name,address,country,language,variant\nA B,Street 1,GB,ru,2\n");
  r = appeal({"letters", (kData / "case.json").string(), "--senders", (dir.path() / "senders.csv").string(), "-o", out.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("senders.csv:2:20: record 1, column \"variant\": variant 2 is unknown: the sender's letters have one "
                       "version of their body each (variant 1)"),
            std::string::npos)
      << r.err;
  test::write_file(dir.path() / "senders.csv", "name,address,country,variant\nA B,Street 1,GB,second\n");
  r = appeal({"letters", (kData / "case.json").string(), "--senders", (dir.path() / "senders.csv").string(), "-o", out.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("senders.csv:2:17: record 1, column \"variant\": expected a variant number (1, 2, ...) or nothing, not "
                       "\"second\""),
            std::string::npos)
      << r.err;
}

TEST(Variants, PersonalAfterBeyondTheShortestVariantIsBadInputAndBodyBesideVariantsIsSaid) {
  test::TempDir dir;
  json c = json::parse(test::read_file(kData / "case.json"));
  c["letters"]["en"]["personal_after"] = 4;
  test::write_file(dir.path() / "case.json", c.dump());
  auto r = appeal({"letters", (dir.path() / "case.json").string(), "-o", (dir.path() / "out").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("case.json:/letters/en/personal_after: expected a whole number from 0 to 3 (the personal paragraph "
                       "comes after that many paragraphs of the body, in every variant)"),
            std::string::npos)
      << r.err;
  c["letters"]["en"]["personal_after"] = 0;
  c["letters"]["en"]["body"] = {"An old body nobody reads."};
  test::write_file(dir.path() / "case.json", c.dump());
  r = test::run({test::appeal_bin(), "letters", (dir.path() / "case.json").string(), "--lang", "en", "--date", "2023-06-16", "-o",
                 (dir.path() / "out").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("case.json:/letters/en/body: not used: the letters are written from /letters/en/variants"),
            std::string::npos)
      << r.err;
  // A hand-filled letter is variant 1.
  const std::string text = test::normalize_ws(test::pdftotext(dir.path() / "out" / "president-en.pdf"));
  EXPECT_EQ(text.find("An old body"), std::string::npos);
  EXPECT_NE(text.find("I am writing to you concerning Zhanbolat Mamay"), std::string::npos);
}

// A sender whose CSV `language` is a language the case has a letter in writes in that
// language only; any other sender in every language of the run; --lang still restricts.
TEST(Language, ASenderWhoChoseALanguageOfTheCaseGetsThatLetterOnly) {
  test::TempDir dir;
  test::write_file(dir.path() / "senders.csv",
                   "name,address,country,language\nAnna Kowalska,Street 1,GB,en\nОльга Иванова,ул. Ленина 5,RU,ru\n"
                   "Jean Martin,1 rue de la Paix,FR,fr\nKlaus Müller,Schloßstraße 5,DE,\n");
  const auto senders = (dir.path() / "senders.csv").string();
  const auto case_file = (test::source_dir() / "samples/ua-31-22/case.json").string();
  auto r = appeal({"letters", case_file, "--senders", senders, "--target", "president", "-o", (dir.path() / "all").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto names_in = [](const std::filesystem::path& pdf) {
    const std::string t = test::pdftotext(pdf);
    std::string out;
    for (const char* n : {"Anna Kowalska", "Ольга Иванова", "Jean Martin", "Klaus Müller"}) {
      if (t.find(n) != std::string::npos) out += std::string(out.empty() ? "" : ", ") + n;
    }
    return out;
  };
  EXPECT_EQ(names_in(dir.path() / "all/president-ru.pdf"), "Ольга Иванова, Jean Martin, Klaus Müller");
  EXPECT_EQ(names_in(dir.path() / "all/president-en.pdf"), "Anna Kowalska, Jean Martin, Klaus Müller");
  const auto info = test::run({"pdfinfo", (dir.path() / "all/president-en.pdf").string()});
  EXPECT_NE(info.out.find("(Letters: 3)"), std::string::npos) << info.out;
  // The title is in the file's language.
  const auto ru_info = test::run({"pdfinfo", (dir.path() / "all/president-ru.pdf").string()});
  EXPECT_NE(ru_info.out.find("(Письма: 3)"), std::string::npos) << ru_info.out;
  // --lang ru: the English-choosing sender gets nothing in this run.
  r = appeal({"letters", case_file, "--senders", senders, "--target", "president", "--lang", "ru", "-o",
              (dir.path() / "ru").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(names_in(dir.path() / "ru/president-ru.pdf"), "Ольга Иванова, Jean Martin, Klaus Müller");
  // Archive copies: one per letter sent.
  r = appeal({"archive", case_file, "--senders", senders, "--target", "president", "-o", (dir.path() / "ar").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::set<std::string> copies;
  for (const auto& e : std::filesystem::directory_iterator(dir.path() / "ar/archive")) copies.insert(e.path().filename().string());
  EXPECT_EQ(copies, (std::set<std::string>{"anna-kowalska-president-en.pdf", "ol-ga-ivanova-president-ru.pdf",
                                           "jean-martin-president-ru.pdf", "jean-martin-president-en.pdf",
                                           "klaus-muller-president-ru.pdf", "klaus-muller-president-en.pdf"}));
  // Every sender chose English and the run writes Russian only: no file, and a note.
  test::write_file(dir.path() / "en-only.csv", "name,address,country,language\nAnna Kowalska,Street 1,GB,en\n");
  r = test::run({test::appeal_bin(), "letters", case_file, "--senders", (dir.path() / "en-only.csv").string(), "--lang", "ru",
                 "--date", "2023-06-16", "-o", (dir.path() / "none").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("note: every sender chose another language (CSV \"language\"): no letters in \"ru\""), std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "none/president-ru.pdf"));
  EXPECT_NE(r.err.find("note: en-only.csv: 1 sender(s) chose \"en\" (column \"language\"), a letter this run does not write: "
                       "none for them (--lang en writes it)"),
            std::string::npos)
      << r.err;
}

// A tab in a personal paragraph, a name or a case's text reads as a space (no font draws
// U+0009; it was an internal error): the letter is written and extracts with a space.
TEST(Personal, ATabReadsAsASpace) {
  test::TempDir dir;
  test::write_file(dir.path() / "senders.csv",
                   "name,address,country,personal\nAnna\tKowalska,\"12 Hillside\tRoad\nLONDON\",GB,\"Texte\tavec tabulation.\"\n");
  json c = json::parse(test::read_file(kData / "case.json"));
  c["letters"]["en"]["variants"][0][0] = "I am writing\tto you.";
  test::write_file(dir.path() / "case.json", c.dump());
  const auto r = appeal({"letters", (dir.path() / "case.json").string(), "--senders", (dir.path() / "senders.csv").string(),
                         "--target", "president", "--lang", "en", "-o", dir.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = test::normalize_ws(test::pdftotext(dir.path() / "president-en.pdf"));
  for (const char* s : {"Anna Kowalska", "12 Hillside Road", "Texte avec tabulation.", "I am writing to you."}) {
    EXPECT_NE(text.find(s), std::string::npos) << s;
  }
}

}  // namespace
