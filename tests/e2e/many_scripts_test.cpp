// Thirty senders in 25 scripts and languages (tests/data/many-scripts/senders.csv: Latin
// with Vietnamese, Turkish, Icelandic, Polish, Czech, Romanian, Hungarian, German and
// French letters; Greek; Cyrillic for Russian, Ukrainian, Kazakh and Serbian; Armenian;
// Georgian; Arabic; Hebrew; Devanagari; Thai; Chinese; Japanese; Korean; Tamil; Bengali;
// Khmer; Ethiopic; some fields in NFD), merged into letters, envelopes, labels and archive
// copies on every layout (issue 12). Every file: qpdf clean, fonts embedded and subset
// with ToUnicode, no glyph 0 in any content stream; names and address lines extract as
// the NFC text; same bytes with --jobs 2.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <nlohmann/json.hpp>

#include "support/pdf_probe.h"
#include "support/run.h"

namespace {

std::string nfc(const std::string& s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
  std::string out;
  n->normalize(icu::UnicodeString::fromUTF8(s), err).toUTF8String(out);
  return out;
}

// pdftotext marks right-to-left stretches with U+202B ... U+202C; they are not text.
std::string without_bidi_marks(std::string s) {
  for (const char* mark : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E"}) {
    for (size_t p; (p = s.find(mark)) != std::string::npos;) s.erase(p, 3);
  }
  return s;
}

bool has_rtl(const std::string& s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0xD6 && b <= 0xDF) return true;  // U+0590-U+07FF: Hebrew, Arabic, Syriac, Thaana
  }
  return false;
}

struct Sender {
  std::string name;
  std::vector<std::string> address;
};

// The CSV's own records, read without the appeal code: name, "line\nline", country.
std::vector<Sender> senders_of(const std::string& csv) {
  std::vector<Sender> out;
  size_t p = csv.find('\n') + 1;
  while (p < csv.size()) {
    Sender s;
    std::vector<std::string> fields;
    std::string f;
    bool quoted = false;
    for (; p < csv.size(); ++p) {
      const char c = csv[p];
      if (quoted) {
        if (c == '"' && p + 1 < csv.size() && csv[p + 1] == '"') f += '"', ++p;
        else if (c == '"') quoted = false;
        else f += c;
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.push_back(f), f.clear();
      } else if (c == '\n') {
        ++p;
        break;
      } else {
        f += c;
      }
    }
    fields.push_back(f);
    s.name = nfc(fields.at(0));
    std::istringstream lines(nfc(fields.at(1)));
    for (std::string l; std::getline(lines, l);) s.address.push_back(l);
    out.push_back(s);
  }
  return out;
}

class ManyScripts : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    const auto csv = test::source_dir() / "tests/data/many-scripts/senders.csv";
    const auto case_json = (test::source_dir() / "samples/ua-31-22/case.json").string();
    const std::vector<std::pair<std::string, std::string>> runs = {
        {"letters", "din5008-b-a4"}, {"letters", "us-letter-10"},  {"envelopes", "envelope-dl"},
        {"envelopes", "envelope-c5"}, {"envelopes", "envelope-10"}, {"labels", "labels-l7160"},
        {"labels", "labels-5160"},   {"archive", "din5008-b-a4"}};
    for (const auto& [cmd, layout] : runs) {
      const auto r = test::run({test::appeal_bin(), cmd, case_json, "--senders", csv.string(), "--target", "president",
                                "--lang", "en", "--layout", layout, "-o", (dir_->path() / (cmd + "-" + layout)).string(), "-q"},
                               {"SOURCE_DATE_EPOCH=1686873600"});
      ASSERT_EQ(r.exit_code, 0) << cmd << " " << layout << ": " << r.err;
    }
    // One file per sender: font subsets and the body form shared between the files
    // (pdf/run_cache.h), each subset holding the glyphs the senders commonly use.
    const auto r = test::run({test::appeal_bin(), "letters", case_json, "--senders", csv.string(), "--split", "--target",
                              "president", "--lang", "en", "-o", (dir_->path() / "split").string(), "-q"},
                             {"SOURCE_DATE_EPOCH=1686873600"});
    ASSERT_EQ(r.exit_code, 0) << "split: " << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static test::TempDir* dir_;
};
test::TempDir* ManyScripts::dir_ = nullptr;

TEST_F(ManyScripts, TheTestDataHasThirtySendersInFifteenScriptsOrMore) {
  const auto senders = senders_of(test::read_file(test::source_dir() / "tests/data/many-scripts/senders.csv"));
  EXPECT_GE(senders.size(), 30u);
  const std::string raw = test::read_file(test::source_dir() / "tests/data/many-scripts/senders.csv");
  EXPECT_NE(nfc(raw), raw) << "some fields are in NFD";
}

TEST_F(ManyScripts, EveryFileIsCleanEmbeddedAndWithoutGlyphZero) {
  size_t files = 0;
  std::set<std::string> fallback;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir_->path())) {
    if (e.path().extension() != ".pdf") continue;
    ++files;
    EXPECT_TRUE(test::qpdf_clean(e.path())) << e.path();
    for (const auto& f : test::pdffonts(e.path())) {
      EXPECT_TRUE(f.embedded && f.subset && f.unicode) << e.path() << " " << f.name;
      if (f.name.find("+Noto") != std::string::npos) fallback.insert(f.name.substr(f.name.find('+') + 1));
    }
    const bool archive = e.path().string().find("/archive/") != std::string::npos;
    std::vector<std::string> check = {(test::source_dir() / "tests/tools/pdfa-check").string()};
    if (!archive) check.push_back("--notdef");  // letters etc. are not PDF/A: glyph 0 only
    check.push_back(e.path().string());
    const auto r = test::run(check);
    EXPECT_EQ(r.exit_code, 0) << e.path() << "\n" << r.out;
  }
  EXPECT_EQ(files, 7u + 30u + 30u);
  // Arabic, Hebrew, CJK (Chinese, Japanese, Korean faces), Indic, Thai, Khmer, Ethiopic...
  EXPECT_GE(fallback.size(), 15u);
}

TEST_F(ManyScripts, NamesAndAddressLinesExtractAsTheirNfcText) {
  const auto senders = senders_of(test::read_file(test::source_dir() / "tests/data/many-scripts/senders.csv"));
  for (const char* letters : {"letters-din5008-b-a4/president-en.pdf", "letters-us-letter-10/president-en.pdf"}) {
    const std::string text = without_bidi_marks(test::pdftotext(dir_->path() / letters));
    for (const Sender& s : senders) {
      // Sender block, return-address line (DIN 5008 only) and under the signature rule.
      const size_t want = std::string(letters).find("din5008") != std::string::npos ? 3 : 2;
      size_t count = 0;
      for (size_t p = text.find(s.name); p != std::string::npos; p = text.find(s.name, p + 1)) ++count;
      EXPECT_GE(count, want) << letters << ": " << s.name;
      for (const std::string& line : s.address) {
        if (!has_rtl(line)) {
          EXPECT_NE(text.find(line), std::string::npos) << letters << ": " << line;
          continue;
        }
        // A right-to-left line with digits: poppler orders the words of a mixed line by
        // the page's majority direction, so each word must come back whole and in logical
        // order, while the order of the number and the words is the reader's choice.
        std::istringstream words(line);
        for (std::string w; words >> w;) EXPECT_NE(text.find(w), std::string::npos) << letters << ": " << w;
      }
    }
  }
}

// Every word of every sender's name and address leaves ink where pdftotext says it is:
// a glyph a renderer cannot find (a CFF charset it does not read, a glyph missing from the
// subset) would pass every text check and print nothing.
// Each split file holds exactly its own sender: shared subsets add glyphs, never text.
TEST_F(ManyScripts, SplitFilesExtractTheirOwnSenderOnly) {
  const auto senders = senders_of(test::read_file(test::source_dir() / "tests/data/many-scripts/senders.csv"));
  for (size_t i = 0; i < senders.size(); ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "split/president-en-%04zu.pdf", i + 1);
    const std::string text = without_bidi_marks(test::pdftotext(dir_->path() / name));
    EXPECT_NE(text.find(senders[i].name), std::string::npos) << name << ": " << senders[i].name;
    for (size_t j = 0; j < senders.size(); ++j) {
      if (j != i && senders[j].name.size() > 8 && senders[i].name.find(senders[j].name) == std::string::npos) {
        EXPECT_EQ(text.find(senders[j].name), std::string::npos) << name << " holds " << senders[j].name;
      }
    }
  }
}

TEST_F(ManyScripts, EveryNameAndAddressWordIsVisibleOnThePage) {
  const auto pdf = dir_->path() / "letters-din5008-b-a4/president-en.pdf";
  const auto words = test::pdftotext_words(pdf);
  constexpr double kSenderTop = 12 * 72 / 25.4, kSenderBottom = 42 * 72 / 25.4, kSenderLeft = 125 * 72 / 25.4;
  size_t checked = 0;
  for (int page = 1; page <= 60; page += 2) {  // each sender's letter starts on an odd page
    const auto png = dir_->path() / ("page-" + std::to_string(page));
    const auto r = test::run({"pdftoppm", "-r", "72", "-gray", "-f", std::to_string(page), "-l", std::to_string(page),
                              "-singlefile", pdf.string(), png.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // pdftoppm -gray writes a binary PGM (P5): "P5\n<w> <h>\n255\n" then one byte a pixel.
    const std::string img = test::read_file(png.string() + ".pgm");
    std::istringstream head(img);
    std::string magic;
    int w = 0, h = 0, maxval = 0;
    head >> magic >> w >> h >> maxval;
    ASSERT_EQ(magic, "P5");
    const size_t data = static_cast<size_t>(head.tellg()) + 1;
    ASSERT_EQ(img.size(), data + static_cast<size_t>(w) * h);
    for (const auto& word : words) {
      if (word.page != page || word.y0 < kSenderTop || word.y1 > kSenderBottom || word.x0 < kSenderLeft) continue;
      size_t ink = 0;
      for (int y = static_cast<int>(word.y0); y < static_cast<int>(word.y1) && y < h; ++y) {
        for (int x = static_cast<int>(word.x0); x < static_cast<int>(word.x1) && x < w; ++x) {
          ink += static_cast<unsigned char>(img[data + static_cast<size_t>(y) * w + x]) < 128;
        }
      }
      EXPECT_GT(ink, 0u) << "page " << page << ": \"" << word.text << "\" prints nothing";
      ++checked;
    }
  }
  EXPECT_GT(checked, 100u);
}

// Each sender's letter shows the recipient in the window, every word inside it: the
// country line is in the sender's post's language and script (Chinese, Hebrew, Thai...).
TEST_F(ManyScripts, EveryRecipientIsInsideTheWindow) {
  const auto layout = nlohmann::json::parse(test::read_file(test::source_dir() / "layouts/din5008-b-a4.json"));
  const auto& f = layout["frames"]["window"];
  constexpr double k = 72 / 25.4;
  const double x0 = f["x_mm"].get<double>() * k, y0 = f["y_mm"].get<double>() * k;
  const double x1 = x0 + f["w_mm"].get<double>() * k, y1 = y0 + f["h_mm"].get<double>() * k;
  std::map<int, int> in_window;  // page -> words
  for (const auto& w : test::pdftotext_words(dir_->path() / "letters-din5008-b-a4/president-en.pdf")) {
    const double cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
    if (cx < x0 || cx > x1 || cy < y0 || cy > y1) continue;
    ++in_window[w.page];
    EXPECT_GE(w.x0, x0 - 0.01) << w.page << " " << w.text;
    EXPECT_LE(w.x1, x1 + 0.01) << w.page << " " << w.text;
    EXPECT_GE(w.y0, y0 - 0.01) << w.page << " " << w.text;
    EXPECT_LE(w.y1, y1 + 0.01) << w.page << " " << w.text;
  }
  for (int page = 1; page <= 60; page += 2) EXPECT_GE(in_window[page], 10) << "page " << page;
}

TEST_F(ManyScripts, SameBytesWithTwoJobs) {
  const auto csv = test::source_dir() / "tests/data/many-scripts/senders.csv";
  const auto out = dir_->path() / "jobs2";
  const auto r = test::run({test::appeal_bin(), "letters", (test::source_dir() / "samples/ua-31-22/case.json").string(),
                            "--senders", csv.string(), "--target", "president", "--lang", "en", "--jobs", "2", "-o",
                            out.string(), "-q"},
                           {"SOURCE_DATE_EPOCH=1686873600"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(test::read_file(out / "president-en.pdf") ==
              test::read_file(dir_->path() / "letters-din5008-b-a4/president-en.pdf"));
}

// Files of a split run share font subsets made by whichever worker comes first, holding
// the glyphs of the characters at least 20 senders use: with the 30 senders repeated 20
// times every script's letters are shared (CJK included). The bytes must not depend on
// which file came first, and each file must still be clean and hold its own sender.
TEST_F(ManyScripts, SplitFilesShareSubsetsAndHaveTheSameBytesWithTwoJobs) {
  const std::string csv = test::read_file(test::source_dir() / "tests/data/many-scripts/senders.csv");
  const size_t header_end = csv.find('\n') + 1;
  std::string big = csv.substr(0, header_end);
  for (int i = 0; i < 20; ++i) big += csv.substr(header_end);
  test::TempDir dir;
  test::write_file(dir.path() / "senders.csv", big);
  std::map<std::string, std::filesystem::path> outs;
  for (const char* jobs : {"1", "2"}) {
    const auto out = dir.path() / (std::string("jobs") + jobs);
    const auto r = test::run({test::appeal_bin(), "letters", (test::source_dir() / "samples/ua-31-22/case.json").string(),
                              "--senders", (dir.path() / "senders.csv").string(), "--split", "--target", "president",
                              "--lang", "en", "--jobs", jobs, "-o", out.string(), "-q"},
                             {"SOURCE_DATE_EPOCH=1686873600"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    outs[jobs] = out;
  }
  size_t same = 0, files = 0;
  for (const auto& e : std::filesystem::directory_iterator(outs["1"])) {
    ++files;
    same += test::read_file(e.path()) == test::read_file(outs["2"] / e.path().filename());
  }
  EXPECT_EQ(files, 600u);
  EXPECT_EQ(same, 600u);
  const auto senders = senders_of(csv);
  for (size_t i = 0; i < senders.size(); ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "president-en-%04zu.pdf", i + 1);
    const auto pdf = outs["1"] / name;
    EXPECT_TRUE(test::qpdf_clean(pdf)) << name;
    const auto r = test::run({(test::source_dir() / "tests/tools/pdfa-check").string(), "--notdef", pdf.string()});
    EXPECT_EQ(r.exit_code, 0) << name << "\n" << r.out;
    EXPECT_NE(without_bidi_marks(test::pdftotext(pdf)).find(senders[i].name), std::string::npos) << name;
  }
}

}  // namespace
