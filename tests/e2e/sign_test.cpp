// `appeal sign`: a PDF this program did not write (Ghostscript's, from a PostScript page
// made here) and one of its own archive copies, signed by incremental update. pdfsig must
// validate the signature and report the whole document signed, the input's bytes must
// stay a prefix of the output, a PDF/A copy must stay PDF/A, and one flipped byte must
// break the signature.
#include <gtest/gtest.h>

#include "support/p12.h"
#include "support/pdf_probe.h"
#include "support/run.h"

namespace {

class Sign : public ::testing::Test {
 protected:
  void SetUp() override {
    test::make_p12(dir_.path() / "key.p12", "pass phrase", -1, 365);
    test::write_file(dir_.path() / "pw", "pass phrase\n");
  }
  test::RunResult sign(const std::filesystem::path& in, const std::filesystem::path& out,
                       const std::vector<std::string>& extra = {}) {
    std::vector<std::string> argv = {test::appeal_bin(), "sign", in.string(), "-o", out.string(), "--sign",
                                     (dir_.path() / "key.p12").string(), "--password-file", (dir_.path() / "pw").string()};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return test::run(argv, {"SOURCE_DATE_EPOCH=1686873600"});
  }
  // A one-page PDF written by Ghostscript's pdfwrite from PostScript made here.
  std::filesystem::path ghostscript_pdf() {
    test::write_file(dir_.path() / "page.ps",
                     "%!PS\n/Helvetica findfont 14 scalefont setfont\n72 720 moveto (Signed by hand, scanned) show\n"
                     "showpage\n");
    const auto pdf = dir_.path() / "gs.pdf";
    // /prepress: fonts embedded, as a print-ready PDF from another program would have them.
    const auto r = test::run({"gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", "-dPDFSETTINGS=/prepress",
                              "-sOutputFile=" + pdf.string(),
                              (dir_.path() / "page.ps").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return pdf;
  }
  static std::string pdfsig(const std::filesystem::path& pdf) {
    const auto r = test::run({"pdfsig", pdf.string()});
    return r.out + r.err;
  }
  test::TempDir dir_;
};

TEST_F(Sign, GhostscriptPdfIsSignedWholeAndStaysAPrefix) {
  const auto in = ghostscript_pdf();
  const auto out = dir_.path() / "signed.pdf";
  const auto r = sign(in, out, {"--reason", "Copie signée de ma lettre", "--location", "Genève"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string report = pdfsig(out);
  EXPECT_NE(report.find("Signature Validation: Signature is Valid."), std::string::npos) << report;
  EXPECT_NE(report.find("Total document signed"), std::string::npos) << report;
  EXPECT_NE(report.find("Signature Type: ETSI.CAdES.detached"), std::string::npos) << report;
  EXPECT_NE(report.find("Signer Certificate Common Name: Appeal Test Signer"), std::string::npos) << report;
  const std::string before = test::read_file(in), after = test::read_file(out);
  ASSERT_GT(after.size(), before.size());
  EXPECT_EQ(after.substr(0, before.size()), before) << "an incremental update keeps every byte of the input";
  std::string qpdf;
  EXPECT_TRUE(test::qpdf_clean(out, &qpdf)) << qpdf;
  EXPECT_NE(test::normalize_ws(test::pdftotext(out)).find("Signed by hand, scanned"), std::string::npos);
  const auto info = test::run({"qpdf", "--show-object=trailer", out.string()});
  EXPECT_NE(info.out.find("/Prev"), std::string::npos) << info.out;

  std::string bytes = after;
  bytes[before.size() / 2] ^= 0x01;  // in the input's part, inside the first signed range
  test::write_file(dir_.path() / "flipped.pdf", bytes);
  EXPECT_NE(pdfsig(dir_.path() / "flipped.pdf").find("Digest Mismatch"), std::string::npos);
}

TEST_F(Sign, ArchiveCopyStaysPdfAAndTakesASecondSignature) {
  const auto r = test::run({test::appeal_bin(), "archive", (test::source_dir() / "samples/ua-31-22/case.json").string(),
                            "--senders", (test::source_dir() / "samples/ua-31-22/senders.csv").string(), "--target",
                            "president", "--lang", "en", "-q", "-o", (dir_.path() / "arch").string()},
                           {"SOURCE_DATE_EPOCH=1686873600"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto copy = dir_.path() / "arch" / "archive" / "anna-kowalska-president-en.pdf";
  const auto once = dir_.path() / "once.pdf", twice = dir_.path() / "twice.pdf";
  ASSERT_EQ(sign(copy, once).exit_code, 0);
  ASSERT_EQ(sign(once, twice, {"--reason", "Second signature"}).exit_code, 0);
  for (const auto& f : {once, twice}) {
    const auto check = test::run({(test::source_dir() / "tests/tools/pdfa-check").string(), f.string()});
    EXPECT_EQ(check.exit_code, 0) << f << "\n" << check.out;
    std::string qpdf;
    EXPECT_TRUE(test::qpdf_clean(f, &qpdf)) << qpdf;
  }
  // The update adds the signature and four small objects, nothing re-emitted: the CMS
  // placeholder (hex) is most of it.
  const size_t added = test::read_file(once).size() - test::read_file(copy).size();
  EXPECT_LT(added, 9000u) << "bytes added by the update";
  const std::string report = pdfsig(twice);
  EXPECT_NE(report.find("Signature #2"), std::string::npos) << report;
  size_t valid = 0;
  for (size_t p = report.find("Signature is Valid."); p != std::string::npos; p = report.find("Signature is Valid.", p + 1)) {
    ++valid;
  }
  EXPECT_EQ(valid, 2u) << report;
  EXPECT_NE(report.find("Signature Field Name: Signature2"), std::string::npos) << report;
}

TEST_F(Sign, BadInputExitsTwoAndWritesNothing) {
  test::write_file(dir_.path() / "junk.pdf", "this is not a PDF\n");
  auto r = sign(dir_.path() / "junk.pdf", dir_.path() / "out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("junk.pdf: not a PDF PoDoFo can read"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "out.pdf"));
  const auto in = ghostscript_pdf();
  r = sign(in, in);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("the output must not be the input"), std::string::npos) << r.err;
  r = sign(dir_.path() / "missing.pdf", dir_.path() / "out.pdf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("missing.pdf: no such file"), std::string::npos) << r.err;
}

TEST(SignBinary, LinksPoDoFo) {
  const auto r = test::run({"ldd", test::appeal_bin()});
  EXPECT_NE(r.out.find("libpodofo"), std::string::npos) << r.out;
}

}  // namespace
