// Fonts by choice (issue 18): `--font-family NAME` or a layout style's "family" names an
// installed family (fontconfig; DejaVu from fonts-dejavu-core, which README command 1
// installs); every string is checked before output, what the family lacks prints in the
// fallback fonts with a note, an unknown family is exit 2. The default stays PT.
#include <gtest/gtest.h>

#include "e2e/sample_case.h"
#include "support/pdf_probe.h"
#include "support/run.h"

namespace {

using nlohmann::json;

const std::filesystem::path kSample = test::source_dir() / "samples/ua-31-22";

test::RunResult appeal(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {test::appeal_bin()};
  argv.insert(argv.end(), args.begin(), args.end());
  return test::run(argv);
}

std::string font_names(const std::filesystem::path& pdf) {
  std::string out;
  for (const auto& f : test::pdffonts(pdf)) {
    EXPECT_TRUE(f.embedded && f.subset && f.unicode) << f.name;
    out += (out.empty() ? "" : " ") + f.name.substr(7);  // without the subset tag
  }
  return out;
}

TEST(FontFamily, AnInstalledFamilyReplacesEveryStyleKeepingItsWeight) {
  test::TempDir dir;
  const auto r = appeal({"letters", (kSample / "case.json").string(), "--senders", (kSample / "senders.csv").string(),
                         "--target", "president", "--font-family", "DejaVu Sans", "--date", "2023-06-16", "-q", "-o",
                         dir.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const std::string lang : {"en", "ru"}) {
    const auto pdf = dir.path() / ("president-" + lang + ".pdf");
    EXPECT_EQ(font_names(pdf), "DejaVuSans-Bold DejaVuSans") << lang;  // the subject bold, the rest regular
    const auto check = appeal({"check", pdf.string()});
    EXPECT_EQ(check.exit_code, 0) << check.out;
    const std::string text = test::normalize_ws(test::pdftotext(pdf));
    const json c = test::sample_case();
    for (const auto& p : c["letters"][lang]["body"]) EXPECT_NE(text.find(test::normalize_ws(p)), std::string::npos) << p;
    EXPECT_NE(text.find("Айгерім Сәрсенова"), std::string::npos);
  }
  // The default is unchanged.
  const auto d = appeal({"letters", (kSample / "case.json").string(), "--target", "president", "--lang", "en", "--date",
                         "2023-06-16", "-q", "-o", (dir.path() / "pt").string()});
  ASSERT_EQ(d.exit_code, 0) << d.err;
  EXPECT_EQ(font_names(dir.path() / "pt/president-en.pdf"), "PTSerif-Bold PTSerif-Regular PTSans-Regular");
}

TEST(FontFamily, WhatTheFamilyLacksPrintsInTheFallbackFontsWithANote) {
  test::TempDir dir;
  const auto data = test::source_dir() / "tests/data/personal";
  const auto r = appeal({"letters", (data / "case.json").string(), "--senders", (data / "senders.csv").string(), "--target",
                         "president", "--lang", "en", "--font-family", "DejaVu Serif", "--date", "2023-06-16", "-o",
                         dir.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("note: font family DejaVu Serif lacks "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("; they print in the fallback fonts"), std::string::npos) << r.err;
  const std::string fonts = font_names(dir.path() / "president-en.pdf");
  EXPECT_NE(fonts.find("DejaVuSerif"), std::string::npos) << fonts;
  EXPECT_NE(fonts.find("NotoSerifCJKsc-Regular"), std::string::npos) << "a serif family falls back to serif: " << fonts;
  const auto notdef = test::run({(test::source_dir() / "tests/tools/pdfa-check").string(), "--notdef",
                                 (dir.path() / "president-en.pdf").string()});
  EXPECT_EQ(notdef.exit_code, 0) << notdef.out;
  EXPECT_NE(test::pdftotext(dir.path() / "president-en.pdf").find("作为一名在北京工作的记者"), std::string::npos);
}

TEST(FontFamily, ALayoutMayNameAFamilyPerStyle) {
  test::TempDir dir;
  json layout = json::parse(test::read_file(test::source_dir() / "layouts/din5008-b-a4.json"));
  layout["styles"]["subject"] = {{"family", "DejaVu Sans"}, {"bold", true}, {"size_pt", 11}, {"leading_pt", 14}};
  test::write_file(dir.path() / "layout.json", layout.dump(2));
  auto r = appeal({"letters", (kSample / "case.json").string(), "--layout", (dir.path() / "layout.json").string(), "--target",
                   "president", "--lang", "en", "--date", "2023-06-16", "-q", "-o", (dir.path() / "out").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(font_names(dir.path() / "out/president-en.pdf"), "DejaVuSans-Bold PTSerif-Regular PTSans-Regular");

  layout["styles"]["subject"]["family"] = "No Such Family Sans";
  test::write_file(dir.path() / "layout.json", layout.dump(2));
  r = appeal({"letters", (kSample / "case.json").string(), "--layout", (dir.path() / "layout.json").string(), "-o",
              (dir.path() / "bad").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("layout.json:/styles/subject/family: no installed font family \"No Such Family Sans\""),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "bad"));
  layout["styles"]["subject"]["font"] = "PTSerif-Bold.ttf";
  test::write_file(dir.path() / "layout.json", layout.dump(2));
  r = appeal({"letters", (kSample / "case.json").string(), "--layout", (dir.path() / "layout.json").string(), "-o",
              (dir.path() / "bad").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("layout.json:/styles/subject: give either \"font\" (a file in fonts/) or \"family\""),
            std::string::npos)
      << r.err;
}

TEST(FontFamily, AnUnknownFamilyIsExitTwoWithTheNearestInstalledOnes) {
  test::TempDir dir;
  const auto r = appeal({"labels", (kSample / "case.json").string(), "--senders", (kSample / "senders.csv").string(),
                         "--font-family", "DejaVu Sanz", "-o", (dir.path() / "out").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("appeal: --font-family DejaVu Sanz: no installed font family \"DejaVu Sanz\" with a TrueType or "
                       "OpenType face (fc-list lists them; nearest: DejaVu Sans"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out"));
}

}  // namespace
