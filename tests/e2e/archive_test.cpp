// Archival copies: PDF/A-3b rules (tests/tools/pdfa-check, which fails on a plain letter),
// the sources attached and returned byte for byte, the signature image with its mask,
// and PAdES signatures that pdfsig validates and that break when one byte changes.
// Certificates are made here, at test time; no key lives in the repository.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>

#include <cstdio>

#include "e2e/sample_case.h"
#include "support/p12.h"
#include "support/pdf_probe.h"
#include "support/run.h"

namespace {

const std::filesystem::path kCase = test::source_dir() / "samples/ua-31-22/case.json";
const std::filesystem::path kSenders = test::source_dir() / "samples/ua-31-22/senders.csv";

test::RunResult archive(const std::filesystem::path& out, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> argv = {test::appeal_bin(), "archive", kCase.string(), "--senders", kSenders.string(),
                                   "-o", out.string(), "--target", "president", "--lang", "en"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return test::run(argv, {"SOURCE_DATE_EPOCH=1686873600"});
}

class Archive : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto r = archive(dir_.path() / "out");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::filesystem::path copy(const std::string& name) const { return dir_.path() / "out" / "archive" / name; }
  test::TempDir dir_;
};

TEST_F(Archive, OneCopyPerSenderNamedBySlugTargetAndLanguage) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir_.path() / "out" / "archive")) {
    names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"aigerim-sarsenova-president-en.pdf", "anna-kowalska-president-en.pdf",
                                             "jean-luc-lefevre-president-en.pdf", "klaus-muller-president-en.pdf",
                                             "o-brien-siobhan-president-en.pdf"}));
}

TEST_F(Archive, EveryCopyPassesThePdfaRulesAndQpdf) {
  for (const auto& e : std::filesystem::directory_iterator(dir_.path() / "out" / "archive")) {
    const auto check = test::run({(test::source_dir() / "tests/tools/pdfa-check").string(), e.path().string()});
    EXPECT_EQ(check.exit_code, 0) << e.path().filename() << ":\n" << check.out << check.err;
    std::string report;
    EXPECT_TRUE(test::qpdf_clean(e.path(), &report)) << report;
    for (const auto& f : test::pdffonts(e.path())) EXPECT_TRUE(f.embedded && f.subset) << f.name;
    const std::string pdf = test::read_file(e.path());
    // Tagged, Unicode, a natural language: level A (ISO 19005-3 §6.7).
    EXPECT_NE(pdf.find("pdfaid:part=\"3\" pdfaid:conformance=\"A\""), std::string::npos);
  }
}

TEST(PdfaCheck, FailsOnAPlainLetterAndALeaflet) {
  test::TempDir dir;
  ASSERT_EQ(test::render_letters(kCase, dir.path() / "l", {"--lang", "en", "--target", "president"}).exit_code, 0);
  const auto letter = test::run({(test::source_dir() / "tests/tools/pdfa-check").string(),
                                 (dir.path() / "l" / "president-en.pdf").string()});
  EXPECT_EQ(letter.exit_code, 1);
  EXPECT_NE(letter.out.find("6.6.2.1: catalog has no /Metadata"), std::string::npos) << letter.out;
  EXPECT_NE(letter.out.find("6.2.3: no /GTS_PDFA1 output intent"), std::string::npos) << letter.out;
  ASSERT_EQ(test::run({test::appeal_bin(), "leaflet", kCase.string(), "-o", (dir.path() / "f").string(), "-q"}).exit_code, 0);
  const auto leaflet = test::run({(test::source_dir() / "tests/tools/pdfa-check").string(),
                                  (dir.path() / "f" / "leaflet-a4-trifold-en.pdf").string()});
  EXPECT_EQ(leaflet.exit_code, 1);
  EXPECT_NE(leaflet.out.find("6.6.4: XMP pdfaid:part is not 3"), std::string::npos) << leaflet.out;
}

// A width in /W that disagrees with the embedded font program (6.2.11.5) is caught.
TEST_F(Archive, PdfaCheckCatchesAWidthThatDisagreesWithTheFontProgram) {
  const auto qdf = dir_.path() / "q.pdf";
  ASSERT_EQ(test::run({"qpdf", "--qdf", "--object-streams=disable", copy("anna-kowalska-president-en.pdf").string(),
                       qdf.string()})
                .exit_code,
            0);
  std::string pdf = test::read_file(qdf);
  const size_t w = pdf.find("/W [\n    0\n    [\n      ");
  ASSERT_NE(w, std::string::npos);
  const size_t digit = w + std::string("/W [\n    0\n    [\n      ").size();
  pdf[digit] = pdf[digit] == '9' ? '1' : static_cast<char>(pdf[digit] + 1);  // +100 units or so
  test::write_file(dir_.path() / "edited.pdf", pdf);
  const auto fixed = test::run({"fix-qdf", (dir_.path() / "edited.pdf").string()});
  test::write_file(dir_.path() / "bad-width.pdf", fixed.out);
  const auto check = test::run({(test::source_dir() / "tests/tools/pdfa-check").string(), (dir_.path() / "bad-width.pdf").string()});
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_NE(check.out.find("6.2.11.5: font "), std::string::npos) << check.out << check.err;
}

// A copy of Anna's archive PDF (uncompressed, qpdf --qdf, as `qdf`) whose first line's
// first glyph is replaced by `gid` (4 hex digits), repaired with fix-qdf as `edited`.
void edit_first_glyph(const std::filesystem::path& original, const std::filesystem::path& qdf, const std::string& gid,
                      const std::filesystem::path& edited) {
  ASSERT_EQ(test::run({"qpdf", "--qdf", "--object-streams=disable", original.string(), qdf.string()}).exit_code, 0);
  std::string pdf = test::read_file(qdf);
  const size_t tj = pdf.find("]TJ");
  ASSERT_NE(tj, std::string::npos);
  const size_t hex = pdf.rfind("[<", tj);
  ASSERT_NE(hex, std::string::npos);
  pdf.replace(hex + 2, 4, gid);
  test::write_file(edited.string() + ".raw", pdf);
  test::write_file(edited, test::run({"fix-qdf", edited.string() + ".raw"}).out);
}

// A content stream that shows glyph 0 (.notdef) is caught (ISO 19005-3, 6.2.11.8): the
// writer never makes one, so the test makes it by editing a copy.
TEST_F(Archive, PdfaCheckCatchesTheNotdefGlyph) {
  const auto qdf = dir_.path() / "q0.pdf";
  edit_first_glyph(copy("anna-kowalska-president-en.pdf"), qdf, "0000", dir_.path() / "notdef.pdf");
  const auto clean = test::run({(test::source_dir() / "tests/tools/pdfa-check").string(), qdf.string()});
  EXPECT_EQ(clean.exit_code, 0) << clean.out;
  const auto check = test::run({(test::source_dir() / "tests/tools/pdfa-check").string(), (dir_.path() / "notdef.pdf").string()});
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_NE(check.out.find("6.2.11.8: content stream"), std::string::npos) << check.out << check.err;
}

// A glyph missing from its font's subset draws nothing, like .notdef: pdfa-check --notdef
// (used on every PDF the tests write) catches one, made here by editing a copy.
TEST_F(Archive, PdfaCheckCatchesAGlyphMissingFromTheSubset) {
  const auto qdf = dir_.path() / "q1.pdf";
  edit_first_glyph(copy("anna-kowalska-president-en.pdf"), qdf, "7FFF", dir_.path() / "missing.pdf");  // no font has 32767 glyphs
  const auto tool = (test::source_dir() / "tests/tools/pdfa-check").string();
  EXPECT_EQ(test::run({tool, "--notdef", qdf.string()}).exit_code, 0);
  const auto check = test::run({tool, "--notdef", (dir_.path() / "missing.pdf").string()});
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_NE(check.out.find("shows glyph 32767, which its font's subset lacks"), std::string::npos) << check.out << check.err;
}

// Every copy has its own XMP DocumentID, the same digest as its trailer /ID (archives
// tell files apart by it); before, every sender's copy of a letter shared one.
TEST_F(Archive, EachCopyHasItsOwnDocumentIdEqualToItsTrailerId) {
  std::set<std::string> ids;
  for (const char* name : {"anna-kowalska-president-en.pdf", "klaus-muller-president-en.pdf", "o-brien-siobhan-president-en.pdf"}) {
    const std::string pdf = test::read_file(copy(name));
    const size_t d = pdf.find("xmpMM:DocumentID=\"uuid:");
    ASSERT_NE(d, std::string::npos) << name;
    std::string uuid = pdf.substr(d + 23, 36);
    uuid.erase(std::remove(uuid.begin(), uuid.end(), '-'), uuid.end());
    const size_t t = pdf.rfind("/ID[<");
    ASSERT_NE(t, std::string::npos) << name;
    std::string trailer = pdf.substr(t + 5, 32);
    for (char& c : trailer) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(uuid, trailer) << name;
    EXPECT_TRUE(ids.insert(uuid).second) << name << " shares its ID";
  }
}

TEST_F(Archive, SourcesComeBackByteIdentical) {
  const auto pdf = copy("anna-kowalska-president-en.pdf");
  const auto list = test::run({"pdfdetach", "-list", pdf.string()});
  EXPECT_NE(list.out.find("2 embedded files"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("1: case.json"), std::string::npos);
  EXPECT_NE(list.out.find("2: sender.json"), std::string::npos);
  const auto saved = dir_.path() / "case-back.json";
  ASSERT_EQ(test::run({"pdfdetach", "-save", "1", "-o", saved.string(), pdf.string()}).exit_code, 0);
  EXPECT_EQ(test::read_file(saved), test::read_file(kCase));
  const auto row = dir_.path() / "sender-back.json";
  ASSERT_EQ(test::run({"pdfdetach", "-save", "2", "-o", row.string(), pdf.string()}).exit_code, 0);
  const auto j = nlohmann::json::parse(test::read_file(row));
  EXPECT_EQ(j["name"], "Anna Kowalska");
  EXPECT_EQ(j["line"], 2);
  EXPECT_EQ(j["signature"], "signatures/anna.png");
  EXPECT_EQ(j["address"], nlohmann::json::array({"12 Hillside Road", "LONDON", "N1 2AB"}));
}

TEST_F(Archive, TheLetterTextAndTheSignatureImageAreThere) {
  const auto anna = copy("anna-kowalska-president-en.pdf");
  const std::string text = test::normalize_ws(test::pdftotext(anna));
  const auto c = test::sample_case();
  for (const auto& p : c["letters"]["en"]["body"]) {
    EXPECT_NE(text.find(test::normalize_ws(p.get<std::string>())), std::string::npos) << p;
  }
  EXPECT_NE(text.find("Anna Kowalska"), std::string::npos);
  const auto images = test::run({"pdfimages", "-list", anna.string()}).out;
  EXPECT_NE(images.find("image     360   120  rgb"), std::string::npos) << images;
  EXPECT_NE(images.find("smask     360   120  gray"), std::string::npos) << "alpha kept as a soft mask";
  const auto klaus = test::run({"pdfimages", "-list", copy("klaus-muller-president-en.pdf").string()}).out;
  EXPECT_NE(klaus.find("image     360   120  gray"), std::string::npos) << klaus;
  EXPECT_EQ(klaus.find("smask"), std::string::npos);
  const auto siobhan = test::run({"pdfimages", "-list", copy("o-brien-siobhan-president-en.pdf").string()}).out;
  EXPECT_EQ(siobhan.find("image "), std::string::npos) << "no signature PNG for this sender";
}

TEST_F(Archive, SameInputSameBytesWithoutSigningForAnyJobs) {
  ASSERT_EQ(archive(dir_.path() / "again", {"--jobs", "2"}).exit_code, 0);
  EXPECT_EQ(test::read_file(copy("anna-kowalska-president-en.pdf")),
            test::read_file(dir_.path() / "again" / "archive" / "anna-kowalska-president-en.pdf"));
}

TEST(ArchiveSigned, PdfsigValidatesAndOneFlippedByteBreaksIt) {
  test::TempDir dir;
  test::make_p12(dir.path() / "key.p12", "s3cret pass", -1, 365);
  test::write_file(dir.path() / "pw", "s3cret pass\n");
  const auto r = archive(dir.path() / "out", {"--sign", (dir.path() / "key.p12").string(), "--password-file",
                                              (dir.path() / "pw").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto pdf = dir.path() / "out" / "archive" / "anna-kowalska-president-en.pdf";
  const auto sig = test::run({"pdfsig", pdf.string()});
  EXPECT_NE(sig.out.find("Signature Validation: Signature is Valid."), std::string::npos) << sig.out << sig.err;
  EXPECT_NE(sig.out.find("Total document signed"), std::string::npos) << sig.out;
  EXPECT_NE(sig.out.find("Signature Type: ETSI.CAdES.detached"), std::string::npos) << sig.out;
  EXPECT_NE(sig.out.find("Signer Certificate Common Name: Appeal Test Signer"), std::string::npos) << sig.out;
  const auto check = test::run({(test::source_dir() / "tests/tools/pdfa-check").string(), pdf.string()});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  std::string report;
  EXPECT_TRUE(test::qpdf_clean(pdf, &report)) << report;

  std::string bytes = test::read_file(pdf);
  bytes[bytes.size() / 3] ^= 0x01;  // inside the first signed range (the page content)
  test::write_file(dir.path() / "flipped.pdf", bytes);
  const auto broken = test::run({"pdfsig", (dir.path() / "flipped.pdf").string()});
  EXPECT_EQ(broken.out.find("Signature is Valid."), std::string::npos) << broken.out;
  EXPECT_NE(broken.out.find("Signature Validation:"), std::string::npos) << broken.out;
}

TEST(ArchiveSigned, BadKeysFailClearlyAndWriteNothing) {
  test::TempDir dir;
  test::make_p12(dir.path() / "key.p12", "right", -1, 365);
  test::make_p12(dir.path() / "old.p12", "right", -400, -30);
  test::write_file(dir.path() / "junk.p12", "this is not a PKCS#12 file");
  test::write_file(dir.path() / "right", "right\n");
  test::write_file(dir.path() / "wrong", "wrong\n");
  struct Case {
    std::string key, password, message;
  } cases[] = {
      {"key.p12", "wrong", "key.p12: wrong password for the PKCS#12 file"},
      {"old.p12", "right", "old.p12: the certificate expired on "},
      {"junk.p12", "right", "junk.p12: not a PKCS#12 file"},
      {"missing.p12", "right", "missing.p12: cannot read the PKCS#12 file"},
  };
  for (const Case& c : cases) {
    const auto out = dir.path() / ("out-" + c.key);
    const auto r = archive(out, {"--sign", (dir.path() / c.key).string(), "--password-file", (dir.path() / c.password).string()});
    EXPECT_EQ(r.exit_code, 2) << c.key << ": " << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out)) << c.key;
  }
}

}  // namespace
