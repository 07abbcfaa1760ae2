// Text as people's files hold it: NFD from macOS spreadsheets and editors is drawn and
// extracted as NFC; a sender's name or address the fonts cannot draw is bad input at its
// line:column, before any output (never an empty box on an envelope).
#include <gtest/gtest.h>

#include <set>

#include "e2e/sample_case.h"
#include "support/pdf_probe.h"
#include "support/run.h"

namespace {

using nlohmann::json;


TEST(UnicodeInput, NfdInTheCaseAndTheCsvComesOutNfc) {
  test::TempDir dir;
  json c = test::sample_case();
  // "Siobhán" and "café" typed with combining accents (U+0301), as macOS writes them.
  c["letters"]["en"]["body"][0] = "A visit to the cafe\u0301 in Almaty was cut short.";
  const auto case_file = dir.path() / "case.json";
  test::write_file(case_file, c.dump(2));
  const auto csv = dir.path() / "senders.csv";
  test::write_file(csv, "name,address,country\nSiobha\u0301n Nuana\u0301in,\"1 Main Street\nEnnis\",IE\n");
  const auto r = test::run({test::appeal_bin(), "letters", case_file.string(), "--senders", csv.string(), "--lang", "en",
                            "--target", "president", "-o", (dir.path() / "out").string(), "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = test::pdftotext(dir.path() / "out/president-en.pdf");
  EXPECT_NE(text.find("caf\u00E9"), std::string::npos);
  EXPECT_NE(text.find("Siobh\u00E1n Nuan\u00E1in"), std::string::npos);
  EXPECT_EQ(text.find("\u0301"), std::string::npos);  // no combining mark left over
  for (const auto& f : test::pdffonts(dir.path() / "out/president-en.pdf")) EXPECT_TRUE(f.embedded && f.subset);
}

struct Undrawable {
  std::string label, csv, where;
};

class UndrawableSender : public ::testing::TestWithParam<Undrawable> {};

TEST_P(UndrawableSender, IsBadInputAtItsLineAndColumn) {
  const Undrawable& u = GetParam();
  test::TempDir dir;
  const auto csv = dir.path() / "senders.csv";
  test::write_file(csv, u.csv);
  for (const char* cmd : {"letters", "envelopes", "labels", "archive"}) {
    const auto out = dir.path() / cmd;
    const auto r = test::run({test::appeal_bin(), cmd, (test::source_dir() / "samples/ua-31-22/case.json").string(),
                              "--senders", csv.string(), "-o", out.string(), "-q"});
    EXPECT_EQ(r.exit_code, 2) << cmd << ": " << r.err;
    EXPECT_NE(r.err.find(u.where), std::string::npos) << cmd << ": " << r.err;
    EXPECT_NE(r.err.find("cannot be drawn"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out) && !std::filesystem::is_empty(out)) << cmd << " left files behind";
  }
}

INSTANTIATE_TEST_SUITE_P(
    Scripts, UndrawableSender,
    ::testing::Values(
        // Private use: no installed font draws it.
        Undrawable{"PrivateUse", "name,address,country\nAnna Smith,\"1 Main St\nEnnis\",IE\n\uE000 Li,\"1 Main St\nEnnis\",IE\n",
                   "senders.csv:4:1: record 2, column \"name\": U+E000"},  // the first record's address takes lines 2-3
        Undrawable{"EmojiInAddress", "name,address,country\nAnna Smith,\"1 Main St 🙂\nEnnis\",IE\n",
                   "senders.csv:2:23: record 1, column \"address\": U+1F642"},
        Undrawable{"PrivateUseOnSecondAddressLine", "name,address,country\nAnna Smith,\"1 Main St\n\uF8FF\",IE\n",
                   "senders.csv:3:1: record 1, column \"address\": U+F8FF"}),
    [](const auto& info) { return info.param.label; });


TEST(UnicodeInput, AGroupFileTheFontsCannotDrawIsBadInput) {
  test::TempDir dir;
  const auto group = dir.path() / "group.json";
  test::write_file(group, "{\"name\": \"Amnesty \uE000\", \"lines\": [\"1 Main St\"]}");  // private use
  const auto out = dir.path() / "out";
  const auto r = test::run({test::appeal_bin(), "leaflet", (test::source_dir() / "samples/ua-31-22/case.json").string(),
                            "--group", group.string(), "-o", out.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("group.json:/name: U+E000"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out) && !std::filesystem::is_empty(out));
}


// Names in scripts the bundled PT fonts lack are drawn with the Noto fallback fonts
// (data/font-fallback.json), cluster by cluster, embedded and subset, and extract exactly.
TEST(UnicodeInput, SendersInManyScriptsAreDrawnWithFallbackFonts) {
  test::TempDir dir;
  const std::vector<std::pair<std::string, std::string>> senders = {
      {"Nguyễn Thị Minh Khai", "12 Đường Lê Lợi\nQuận 1, Thành phố Hồ Chí Minh"},  // Vietnamese: PT lacks ễ
      {"Γιώργος Παπαδόπουλος", "Οδός Ερμού 10\n105 63 Αθήνα"},                      // Greek
      {"Արամ Պետրոսյան", "Աբովյան 5\nԵրևան 0001"},                                  // Armenian
      {"გიორგი ბერიძე", "რუსთაველის 12\nთბილისი 0108"},                              // Georgian
      {"राहुल शर्मा", "12 महात्मा गांधी मार्ग\nनई दिल्ली 110001"},                          // Devanagari
      {"สมชาย ใจดี", "99 ถนนสุขุมวิท\nกรุงเทพฯ 10110"},                                  // Thai
      {"Dilnoza Karimova", "Amir Temur koʻchasi 1\nToshkent"},                       // Uzbek ʻ
      {"Şebnem Yıldız", "İstiklal Cad. 5\n34433 İstanbul"},                          // Turkish (PT)
      {"Ólafur Þórðarson", "Laugavegur 1\n101 Reykjavík"},                           // Icelandic (PT)
      {"Ștefan Țărănescu", "Strada Lipscani 1\n030031 București"},                   // Romanian (PT)
  };
  const char* countries[] = {"VN", "GR", "AM", "GE", "IN", "TH", "UZ", "TR", "IS", "RO"};
  std::string csv = "name,address,country\n";
  for (size_t i = 0; i < senders.size(); ++i) {
    csv += senders[i].first + ",\"" + senders[i].second + "\"," + countries[i] + "\n";
  }
  test::write_file(dir.path() / "senders.csv", csv);
  const auto case_json = (test::source_dir() / "samples/ua-31-22/case.json").string();
  for (const char* cmd : {"letters", "envelopes", "labels", "archive"}) {
    const auto r = test::run({test::appeal_bin(), cmd, case_json, "--senders", (dir.path() / "senders.csv").string(), "--lang",
                              "en", "--target", "president", "-o", (dir.path() / cmd).string(), "-q"});
    ASSERT_EQ(r.exit_code, 0) << cmd << ": " << r.err;
  }
  std::set<std::string> fallback_fonts;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path())) {
    if (e.path().extension() != ".pdf") continue;
    EXPECT_TRUE(test::qpdf_clean(e.path())) << e.path();
    for (const auto& f : test::pdffonts(e.path())) {
      EXPECT_TRUE(f.embedded && f.subset && f.unicode) << e.path() << " " << f.name;
      if (f.name.find("+Noto") != std::string::npos) fallback_fonts.insert(f.name.substr(f.name.find('+') + 1));
    }
    if (e.path().string().find("/archive/") != std::string::npos) {
      const auto check = test::run({(test::source_dir() / "tests/tools/pdfa-check").string(), e.path().string()});
      EXPECT_EQ(check.exit_code, 0) << e.path() << "\n" << check.out;  // incl. 6.2.11.8: no .notdef
    }
  }
  EXPECT_GE(fallback_fonts.size(), 5u);  // Noto Sans/Serif, Armenian, Georgian, Devanagari, Thai
  const std::string letters = test::pdftotext(dir.path() / "letters/president-en.pdf");
  for (const auto& [name, address] : senders) {
    EXPECT_NE(letters.find(name), std::string::npos) << name;
    EXPECT_NE(letters.find(address.substr(0, address.find('\n'))), std::string::npos) << address;
  }
}

}  // namespace

namespace {

// The no-break space is text, not a layout artefact: its glyph maps to U+00A0 in ToUnicode,
// and Ghostscript's text extraction returns it. (poppler's pdftotext turns every Unicode
// white space into an ASCII space between words, whatever the PDF says, so it cannot tell.)
TEST(UnicodeInput, NoBreakSpaceExtractsAsU00A0) {
  test::TempDir dir;
  auto c = nlohmann::json::parse(test::read_file(test::source_dir() / "samples/ua-31-22/case.json"));
  c["letters"]["en"]["body"][0] = "Article\u00A0378.2 of 10\u00A0April.";
  test::write_file(dir.path() / "case.json", c.dump());
  const auto r = test::run({test::appeal_bin(), "letters", (dir.path() / "case.json").string(), "--target", "president",
                            "--lang", "en", "-o", (dir.path() / "out").string(), "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto gs = test::run({"gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=txtwrite", "-sOutputFile=-",
                             (dir.path() / "out/president-en.pdf").string()});
  ASSERT_EQ(gs.exit_code, 0) << gs.err;
  EXPECT_NE(gs.out.find("Article\u00A0378.2 of 10\u00A0April."), std::string::npos) << gs.out;
}

}  // namespace

namespace {

// A word wider than the measure (a 500-letter word, a long word full of soft hyphens) is
// broken at the measure and never runs off the page; it still extracts whole.
TEST(UnicodeInput, AWordWiderThanTheMeasureStaysOnThePage) {
  test::TempDir dir;
  auto c = nlohmann::json::parse(test::read_file(test::source_dir() / "samples/ua-31-22/case.json"));
  const std::string word(500, 'a');
  std::string soft;
  for (int i = 0; i < 60; ++i) soft += (i ? "\u00AD" : "") + std::string("abcdefghij");
  c["letters"]["en"]["body"][0] = "Start " + word + " end.";
  c["letters"]["en"]["body"][1] = "Word " + soft + " end.";
  test::write_file(dir.path() / "case.json", c.dump());
  const auto r = test::run({test::appeal_bin(), "letters", (dir.path() / "case.json").string(), "--target", "president",
                            "--lang", "en", "-o", (dir.path() / "out").string(), "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto pdf = dir.path() / "out/president-en.pdf";
  const double right = (25 + 165) * 72 / 25.4;  // the DIN 5008 body frame's right edge
  for (const auto& w : test::pdftotext_words(pdf)) EXPECT_LE(w.x1, right + 0.5) << w.text.substr(0, 20);
  const std::string text = test::pdftotext(pdf);
  EXPECT_NE(text.find(word), std::string::npos);
  EXPECT_NE(text.find(soft), std::string::npos);  // the input's own soft hyphens, and nothing more
}

}  // namespace
