// `appeal check --profile pdfua-1`: the machine-checkable PDF/UA-1 rules (ISO 14289-1,
// Matterhorn Protocol). A PDF/UA file LibreOffice writes (a title, a figure with alternative
// text, the language) passes; each rule is then broken in a copy and found with its
// checkpoint; and the untagged letters appeal writes today fail them (issue 17 tags them).
#include <gtest/gtest.h>

#include <functional>

#include "support/run.h"

namespace {

namespace fs = std::filesystem;

// A one-page document with a title, a heading, a paragraph and a 1 x 1 PNG whose
// alternative text is "Signature of Anna Kowalska".
const char* kFodt = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3"
 office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>Letter to the Minister</dc:title><dc:language>en-GB</dc:language></office:meta>
<office:styles><style:style style:name="Standard" style:family="paragraph"><style:text-properties fo:language="en" fo:country="GB"/></style:style></office:styles>
<office:body><office:text>
<text:h text:outline-level="1">Release the singer</text:h>
<text:p text:style-name="Standard">I urge you to release the singer immediately.</text:p>
<text:p text:style-name="Standard"><draw:frame draw:name="Signature" text:anchor-type="as-char" svg:width="2cm" svg:height="1cm"><draw:image><office:binary-data>iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==</office:binary-data></draw:image><svg:title>Signature of Anna Kowalska</svg:title><svg:desc>Signature of Anna Kowalska</svg:desc></draw:frame></text:p>
</office:text></office:body></office:document>
)";

class PdfUa : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    test::write_file(dir_->path() / "ua.fodt", kFodt);
    const auto r = test::run({"soffice", "-env:UserInstallation=file://" + (dir_->path() / "profile").string(), "--headless",
                              "--convert-to", R"(pdf:writer_pdf_Export:{"PDFUACompliance":{"type":"boolean","value":"true"}})",
                              "--outdir", dir_->path().string(), (dir_->path() / "ua.fodt").string()});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    // QDF form: uncompressed, editable in place by the tests below.
    const auto q = test::run({"qpdf", "--qdf", "--object-streams=disable", (dir_->path() / "ua.pdf").string(),
                              (dir_->path() / "ua-qdf.pdf").string()});
    ASSERT_EQ(q.exit_code, 0) << q.err;
  }
  static void TearDownTestSuite() { delete dir_; }

  static test::RunResult check(const fs::path& pdf, const std::string& profile = "auto") {
    return test::run({test::appeal_bin(), "check", pdf.string(), "--profile", profile});
  }
  // The QDF copy with `edit` applied to its text.
  // (qpdf's fix-qdf then mends the stream lengths and the cross-reference table.)
  static fs::path edited(const std::string& name, const std::function<std::string(std::string)>& edit) {
    const fs::path raw = dir_->path() / (name + ".raw");
    test::write_file(raw, edit(test::read_file(dir_->path() / "ua-qdf.pdf")));
    const fs::path out = dir_->path() / (name + ".pdf");
    test::write_file(out, test::run({"fix-qdf", raw.string()}).out);
    return out;
  }
  static std::string replace(std::string s, const std::string& from, const std::string& to) {
    const size_t at = s.find(from);
    EXPECT_NE(at, std::string::npos) << "no \"" << from << "\" in the QDF file";
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
  }
  static test::TempDir* dir_;
};
test::TempDir* PdfUa::dir_ = nullptr;

TEST_F(PdfUa, LibreOfficesPdfUaPasses) {
  const auto r = check(dir_->path() / "ua.pdf");
  EXPECT_NE(r.out.find("profile pdfua-1"), std::string::npos) << r.out;  // found by its XMP
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(check(dir_->path() / "ua-qdf.pdf", "pdfua-1").exit_code, 0);
}

TEST_F(PdfUa, EachRuleBrokenIsFoundWithItsCheckpoint) {
  const struct {
    const char* name;
    std::function<std::string(std::string)> edit;
    const char* expect;
  } cases[] = {
      {"not-marked", [](std::string s) { return replace(s, "/Marked true", "/Marked false"); }, "(Matterhorn 01-002)"},
      {"no-lang", [](std::string s) { return replace(s, "/Lang (", "/Xang ("); }, "(Matterhorn 11-006)"},
      {"no-alt", [](std::string s) { return replace(s, "/Alt", "/Xlt"); }, "(Matterhorn 13-004)"},
      {"no-display-title", [](std::string s) { return replace(s, "/DisplayDocTitle true", "/DisplayDocTitle false"); },
       "(Matterhorn 07-001)"},
      {"not-pdfua", [](std::string s) { return replace(s, "<pdfuaid:part>1<", "<pdfuaid:part>2<"); }, "(Matterhorn 06-002)"},
      // LibreOffice writes paragraphs as /Standard, role-mapped to /P: map it nowhere.
      {"unmapped-type", [](std::string s) { return replace(s, "/Standard /P\n", "/Standard /Paragraph\n"); },
       "structure type /Standard is neither"},
      // A path drawn at the very start of page 1's content, outside any marked content.
      {"untagged-path", [](std::string s) {
         const size_t page = s.find("%% Contents for page 1");
         const size_t start = s.find("stream\n", page);
         if (page == std::string::npos || start == std::string::npos) return std::string();
         return s.insert(start + 7, "0 0 m 10 10 l S\n");
       }, "(Matterhorn 01-005)"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto r = check(edited(c.name, c.edit), "pdfua-1");
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.out.find(c.expect), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("not a PDF"), std::string::npos) << r.out;
  }
}

// The letters appeal writes today carry no structure: every PDF/UA rule about tagging fails,
// which is what issue 17 is to change.
TEST_F(PdfUa, UntaggedLettersFailTheTaggingRules) {
  const auto made = test::run({test::appeal_bin(), "letters", (test::source_dir() / "samples/ua-31-22/case.json").string(), "-o",
                               (dir_->path() / "letters").string(), "--lang", "en", "--target", "president", "-q",
                               "--untagged"});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  const auto r = check(dir_->path() / "letters" / "president-en.pdf", "pdfua-1");
  EXPECT_EQ(r.exit_code, 2);
  for (const char* expect : {"(Matterhorn 01-002)", "(Matterhorn 01-001)", "(Matterhorn 06-002)", "(Matterhorn 01-005)"}) {
    EXPECT_NE(r.out.find(expect), std::string::npos) << expect << "\n" << r.out;
  }
  // What they already have: the language, and a title viewers show.
  for (const char* fine : {"(Matterhorn 11-006)", "(Matterhorn 07-001)"}) {
    EXPECT_EQ(r.out.find(fine), std::string::npos) << fine << "\n" << r.out;
  }
}

}  // namespace
