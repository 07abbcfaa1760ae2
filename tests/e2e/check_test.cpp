// `appeal check`: every kind of PDF this program writes is clean under the profile it
// claims; deliberately broken copies (a width edited, glyph 0 shown, a glyph outside the
// subset, the output intent gone, a forbidden key) are each found, with the ISO clause.
// The broken copies are made with qpdf's QDF form (uncompressed, editable in place).
#include <gtest/gtest.h>

#include <regex>

#include "support/p12.h"
#include "support/run.h"

namespace {

const std::filesystem::path kCase = test::source_dir() / "samples/ua-31-22/case.json";
const std::filesystem::path kSenders = test::source_dir() / "samples/ua-31-22/senders.csv";

test::RunResult check(const std::filesystem::path& pdf, const std::string& profile = "auto") {
  return test::run({test::appeal_bin(), "check", pdf.string(), "--profile", profile});
}

class Check : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    const std::vector<std::vector<std::string>> runs = {
        {"letters", kCase.string(), "--lang", "ru"},
        {"letters", kCase.string(), "--senders", kSenders.string(), "--target", "president", "--lang", "en"},
        {"envelopes", kCase.string(), "--senders", kSenders.string(), "--target", "president", "--lang", "en"},
        {"labels", kCase.string(), "--senders", kSenders.string(), "--target", "president", "--lang", "en"},
        {"archive", kCase.string(), "--senders", kSenders.string(), "--target", "president", "--lang", "en"},
        {"leaflet", kCase.string()}};
    int n = 0;
    for (auto argv : runs) {
      argv.insert(argv.begin(), test::appeal_bin());
      for (const std::string& s : {std::string("-q"), std::string("-o"), (dir_->path() / std::to_string(n++)).string()}) {
        argv.push_back(s);
      }
      const auto r = test::run(argv, {"SOURCE_DATE_EPOCH=1686873600"});
      ASSERT_EQ(r.exit_code, 0) << argv[1] << ": " << r.err;
    }
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::filesystem::path first(const std::string& under) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir_->path() / under)) {
      if (e.path().extension() == ".pdf") return e.path();
    }
    return {};
  }
  // The archive copy in QDF form with `edit` applied.
  static std::filesystem::path broken(const std::string& name, const std::function<std::string(std::string)>& edit) {
    const auto qdf = dir_->path() / ("qdf-" + name + ".pdf");
    const auto r = test::run({"qpdf", "--qdf", "--object-streams=disable", first("4").string(), qdf.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto out = dir_->path() / ("broken-" + name + ".pdf");
    test::write_file(out, edit(test::read_file(qdf)));
    return out;
  }
  static test::TempDir* dir_;
};
test::TempDir* Check::dir_ = nullptr;

TEST_F(Check, EveryKindOfOutputIsCleanUnderTheProfileItClaims) {
  size_t files = 0;
  std::set<std::string> profiles;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir_->path())) {
    if (e.path().extension() != ".pdf" || e.path().filename().string().rfind("qdf-", 0) == 0 ||
        e.path().filename().string().rfind("broken-", 0) == 0) {
      continue;
    }
    ++files;
    const auto r = check(e.path());
    EXPECT_EQ(r.exit_code, 0) << e.path() << "\n" << r.out << r.err;
    EXPECT_NE(r.out.find(": 0 violations"), std::string::npos) << r.out;
    const size_t p = r.out.find("profile ");
    if (p != std::string::npos) profiles.insert(r.out.substr(p + 8, r.out.find('\n', p) - p - 8));
  }
  EXPECT_GE(files, 9u);
  // Tagged by default: archive copies are PDF/A-3a (docs/accessibility.md).
  EXPECT_EQ(profiles, (std::set<std::string>{"plain", "pdfa-3a", "pdfx-4"}));
}

TEST_F(Check, ReportsWhatTheFileHolds) {
  const auto r = check(first("4"));
  EXPECT_NE(r.out.find("profile pdfa-3a"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("pages: 1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("PTSerif-Regular: Type0/CIDFontType2, embedded, subset, ToUnicode"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("output intent: GTS_PDFA1 \"sRGB IEC61966-2.1\", profile with 3 components"), std::string::npos);
  EXPECT_NE(r.out.find("attachment case.json:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("application/json, Source"), std::string::npos) << r.out;
  const auto leaflet = check(first("5"));
  EXPECT_NE(leaflet.out.find("TrimBox"), std::string::npos) << leaflet.out;
  EXPECT_NE(leaflet.out.find("output intent: GTS_PDFX \"FOGRA39\""), std::string::npos) << leaflet.out;
}

TEST_F(Check, EachDeliberateBreakIsFoundWithItsClause) {
  struct Break {
    std::string name, expected;
    std::function<std::string(std::string)> edit;
  };
  const std::vector<Break> breaks = {
      {"width", "ISO 19005-3 §6.2.11.5: font",
       [](std::string d) {
         std::smatch m;
         EXPECT_TRUE(std::regex_search(d, m, std::regex("/W \\[\\s*\\d+\\s*\\[\\s*(\\d+)")));
         const size_t at = static_cast<size_t>(m.position(1));
         return d.replace(at, m.length(1), std::to_string(std::stoi(m.str(1)) + 99));
       }},
      {"notdef", "ISO 19005-3 §6.2.11.8:",
       [](std::string d) {
         const size_t at = d.rfind("[<", d.find("TJ")) + 2;
         return d.replace(at, 4, "0000");
       }},
      {"outside-subset", "shows a glyph its font's subset lacks",
       [](std::string d) {
         const size_t at = d.rfind("[<", d.find("TJ")) + 2;
         return d.replace(at, 4, "FFF0");
       }},
      {"intent", "ISO 19005-3 §6.2.3: no /GTS_PDFA1 output intent",
       [](std::string d) { return d.replace(d.find("/OutputIntents"), 14, "/OutputIntentz"); }},
      {"javascript", "ISO 19005-3 §6.1, §6.6: object",
       [](std::string d) { return d.replace(d.find("/Lang"), 5, "/JS  "); }},
  };
  for (const Break& b : breaks) {
    const auto r = check(broken(b.name, b.edit));
    EXPECT_EQ(r.exit_code, 2) << b.name << "\n" << r.out << r.err;
    EXPECT_NE(r.out.find(b.expected), std::string::npos) << b.name << "\n" << r.out;
  }
}

TEST_F(Check, AProfileCanBeAskedForAndANonPdfIsBadInput) {
  // A plain letter is not PDF/A: asked for, the missing parts are named.
  const auto r = check(first("0"), "pdfa-3b");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("ISO 19005-3 §6.6.2.1: the catalog has no /Metadata"), std::string::npos) << r.out;
  test::write_file(dir_->path() / "junk.pdf", "not a PDF\n");
  const auto junk = check(dir_->path() / "junk.pdf");
  EXPECT_EQ(junk.exit_code, 2);
  EXPECT_NE(junk.err.find("junk.pdf: not a PDF PoDoFo can read"), std::string::npos) << junk.err;
  const auto usage = check(first("0"), "pdfa-1a");
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_NE(usage.err.find("--profile pdfa-1a"), std::string::npos) << usage.err;
}

}  // namespace
