#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "pdf/document.h"
#include "support/pdf_probe.h"
#include "support/run.h"
#include "text/fonts.h"
#include "text/shape.h"

namespace {

using namespace appeal;

// Glyphs for `s` as the PDF writer takes them, each with its cluster's text.
pdf::TextRun run_of(text::FontCache& fonts, text::FontId font, pdf::FontRef ref, const std::string& s, double x,
                    double y) {
  pdf::TextRun r;
  r.font = ref;
  r.size_pt = 12;
  r.x_pt = x;
  r.y_pt = y;
  for (const text::Glyph& g : text::shape(fonts, {font, 12, "ru"}, s, {0, static_cast<uint32_t>(s.size())})) {
    r.glyphs.push_back({g.gid, g.advance_pt, g.dx_pt, g.dy_pt, s.substr(g.text.begin, g.text.end - g.text.begin)});
  }
  return r;
}

void write_sample(const std::filesystem::path& file, const std::string& extra_line) {
  text::FontCache fonts;
  const auto path = test::font_file("PTSerif-Regular.ttf");
  const text::FontId font = fonts.load(path);
  pdf::DocumentInfo info;
  info.title = "Тест: Мәңгілік Ел";
  info.language = "ru";
  info.created = 1686873600;
  pdf::Document doc(file, info);
  const pdf::FontRef ref = doc.add_font({path});
  pdf::Page page;
  page.boxes.media = {0, 0, 595.276, 841.89};
  page.boxes.trim = page.boxes.media;
  page.items.push_back(run_of(fonts, font, ref, "Мы требуем", 72, 700));
  // A hyphenated word: first half stands for the whole word, second half for nothing.
  pdf::TextRun head = run_of(fonts, font, ref, "сво-", 145, 700);
  head.glyphs.back().text.clear();
  head.actual_text = "свободы";
  page.items.push_back(head);
  pdf::TextRun tail = run_of(fonts, font, ref, "боды и мира.", 72, 685);
  tail.actual_text = "";
  tail.glyphs.erase(tail.glyphs.begin() + 4, tail.glyphs.end());
  page.items.push_back(tail);
  page.items.push_back(run_of(fonts, font, ref, "и мира. " + extra_line, 110, 685));
  page.items.push_back(Rule{72, 600, 300, 600, 0.5, {0}});
  doc.add_page(page);
  doc.finish();
}

TEST(PdfDocument, HyphenatedWordExtractsWholeAndFontsAreSubsetCid) {
  test::TempDir dir;
  const auto file = dir.path() / "a.pdf";
  write_sample(file, "Office");
  std::string report;
  EXPECT_TRUE(test::qpdf_clean(file, &report)) << report;
  const auto fonts = test::pdffonts(file);
  ASSERT_EQ(fonts.size(), 1u);
  EXPECT_EQ(fonts[0].type, "CID TrueType");
  EXPECT_TRUE(fonts[0].embedded && fonts[0].subset && fonts[0].unicode);
  EXPECT_EQ(fonts[0].name.substr(6), "+PTSerif-Regular");
  const std::string text = test::normalize_ws(test::pdftotext(file));
  EXPECT_EQ(text, "Мы требуем свободы и мира. Office");
  const auto boxes = test::pdfinfo_boxes(file);
  EXPECT_NEAR(boxes.trim.x1, 595.28, 0.01);
  EXPECT_EQ(boxes.pages, 1);
}

TEST(PdfDocument, SameInputSameBytesAndIdFollowsContent) {
  test::TempDir dir;
  write_sample(dir.path() / "a.pdf", "Office");
  write_sample(dir.path() / "b.pdf", "Office");
  write_sample(dir.path() / "c.pdf", "Officer");
  const std::string a = test::read_file(dir.path() / "a.pdf");
  EXPECT_EQ(a, test::read_file(dir.path() / "b.pdf"));
  const auto id_of = [](const std::string& pdf) { return pdf.substr(pdf.rfind("/ID")); };
  EXPECT_NE(id_of(a), id_of(test::read_file(dir.path() / "c.pdf")));
  const test::RunResult info = test::run({"pdfinfo", "-isodates", (dir.path() / "a.pdf").string()});
  EXPECT_NE(info.out.find("CreationDate:    2023-06-16T00:00:00Z"), std::string::npos) << info.out;
}

// Page dictionaries go into object streams and the xref is a stream: qpdf must find every
// object through it, including across several object streams and page-tree leaves.
TEST(PdfDocument, ObjectStreamsAndXrefStreamHoldEveryPage) {
  test::TempDir dir;
  const auto file = dir.path() / "many.pdf";
  {
    text::FontCache fonts;
    const auto path = test::font_file("PTSerif-Regular.ttf");
    const text::FontId font = fonts.load(path);
    pdf::Document doc(file, pdf::DocumentInfo{});
    const pdf::FontRef ref = doc.add_font({path});
    for (int n = 1; n <= 450; ++n) {
      pdf::Page page;
      page.boxes.media = {0, 0, 595.276, 841.89};
      if (n % 2) page.items.push_back(run_of(fonts, font, ref, "Страница " + std::to_string(n), 72, 700));
      doc.add_page(page);
    }
    doc.finish();
  }
  std::string report;
  EXPECT_TRUE(test::qpdf_clean(file, &report)) << report;
  EXPECT_EQ(test::pdfinfo_boxes(file).pages, 450);
  EXPECT_EQ(test::normalize_ws(test::pdftotext(file, 449, 450)), "Страница 449");
  const std::string pdf = test::read_file(file);
  EXPECT_EQ(pdf.find("\nxref\n"), std::string::npos) << "classic xref table written";
  EXPECT_NE(pdf.find("/Type/XRef"), std::string::npos);
  const test::RunResult xref = test::run({"qpdf", "--show-xref", file.string()});
  size_t compressed = 0;
  for (size_t p = xref.out.find("compressed"); p != std::string::npos; p = xref.out.find("compressed", p + 1)) ++compressed;
  EXPECT_GE(compressed, 450u) << "page dictionaries should be in object streams";
}

}  // namespace

namespace {

// A PDF/X-4 page: CMYK text, a registration-colour mark, trim and bleed boxes.
TEST(PdfDocument, PdfX4HasOutputIntentXmpAndCmykColours) {
  test::TempDir dir;
  const auto file = dir.path() / "x4.pdf";
  {
    text::FontCache fonts;
    const auto path = test::font_file("PTSerif-Regular.ttf");
    const text::FontId font = fonts.load(path);
    pdf::DocumentInfo info;
    info.title = "Листовка";
    info.created = 1686873600;
    info.pdfx4 = true;
    info.output_intent = pdf::OutputIntent{"GTS_PDFX", "FOGRA39", "http://www.color.org", "Coated FOGRA39",
                                           test::source_dir() / "data/icc/FOGRA39L-coated.icc", 4};
    pdf::Document doc(file, info);
    const pdf::FontRef ref = doc.add_font({path});
    pdf::Page page;
    page.boxes.media = {0, 0, 300, 200};
    page.boxes.trim = Rect{20, 20, 260, 160};
    page.boxes.bleed = Rect{11.5, 11.5, 277, 177};
    pdf::TextRun run = run_of(fonts, font, ref, "Чёрный текст", 40, 100);
    run.ink = Ink::cmyk(0, 0, 0, 1);
    page.items.push_back(run);
    page.items.push_back(FilledRect{{20, 150, 260, 30}, Ink::cmyk(0, 0, 1, 0)});
    page.items.push_back(Rule{0, 20, 8, 20, 0.25, Ink::registration()});
    doc.add_page(page);
    doc.finish();
  }
  std::string report;
  EXPECT_TRUE(test::qpdf_clean(file, &report)) << report;
  const std::string pdf = test::read_file(file);
  EXPECT_EQ(pdf.substr(0, 8), "%PDF-1.6");
  EXPECT_NE(pdf.find("pdfxid:GTS_PDFXVersion=\"PDF/X-4\""), std::string::npos) << "XMP claim";
  EXPECT_NE(pdf.find("pdf:Trapped=\"False\""), std::string::npos);
  const test::RunResult json = test::run({"qpdf", "--json", "--json-key=qpdf", file.string()});
  const std::string& j = json.out;
  EXPECT_NE(j.find("\"/GTS_PDFXVersion\": \"u:PDF/X-4\""), std::string::npos) << "Info key";
  EXPECT_NE(j.find("\"/Trapped\": \"/False\""), std::string::npos);
  EXPECT_NE(j.find("\"/S\": \"/GTS_PDFX\""), std::string::npos);
  EXPECT_NE(j.find("\"/OutputConditionIdentifier\": \"u:FOGRA39\""), std::string::npos);
  EXPECT_NE(j.find("\"/DestOutputProfile\""), std::string::npos);
  EXPECT_NE(j.find("\"/Separation\""), std::string::npos) << "registration colour space";
  // The page content paints text in 100 % K and the mark in every separation.
  const test::RunResult qdf = test::run({"qpdf", "--qdf", "--object-streams=disable", file.string(), (dir.path() / "q.pdf").string()});
  const std::string q = test::read_file(dir.path() / "q.pdf");
  EXPECT_NE(q.find("0 0 0 1 k"), std::string::npos);
  EXPECT_NE(q.find("/CSAll CS 1 SCN"), std::string::npos);
  EXPECT_EQ(test::normalize_ws(test::pdftotext(file)), "Чёрный текст");
  const auto boxes = test::pdfinfo_boxes(file);
  EXPECT_NEAR(boxes.trim.x0, 20, 0.01);
  EXPECT_NEAR(boxes.bleed.x0, 11.5, 0.01);
}

}  // namespace

namespace {

// Tagged pages drawing forms first, then text of their own: `forms` of the six, each a
// paragraph of its own (an element per page), then a paragraph of the page's own.
void write_openings(const std::filesystem::path& file, const std::vector<std::vector<size_t>>& pages) {
  text::FontCache fonts;
  const auto path = test::font_file("PTSerif-Regular.ttf");
  const text::FontId font = fonts.load(path);
  pdf::DocumentInfo info;
  info.title = "Openings";
  info.language = "en";
  info.created = 1686873600;
  info.tagged = true;
  pdf::Document doc(file, info);
  const pdf::FontRef ref = doc.add_font({path});
  std::vector<pdf::FormRef> forms;
  for (int f = 0; f < 6; ++f) {
    pdf::Page content;
    content.boxes.media = {0, 0, 595.276, 841.89};
    content.items.push_back(run_of(fonts, font, ref, "Form" + std::to_string(f), 72, 700 - 20 * f));
    forms.push_back(doc.add_form(content));
  }
  int n = 0;
  for (const auto& drawn : pages) {
    ++n;
    const pdf::ElementRef part = doc.open_element({"Part", "", "", "", ""});
    pdf::Page page;
    page.boxes.media = {0, 0, 595.276, 841.89};
    uint32_t sequence = 0;
    for (size_t f : drawn) {
      const pdf::ElementRef p = doc.open_element({"P", "", "", "", ""}, part);
      page.items.push_back(pdf::FormItem{forms[f]});
      page.marks.push_back({pdf::Mark::Kind::kContent, p, "", ++sequence});
    }
    const pdf::ElementRef own = doc.open_element({"P", "", "", "", ""}, part);
    page.items.push_back(run_of(fonts, font, ref, "Own" + std::to_string(n), 72, 300));
    page.marks.push_back({pdf::Mark::Kind::kContent, own, "", ++sequence});
    doc.add_page(page);
    doc.close_element(part);
  }
  doc.finish();
}

}  // namespace

// Pages opening with the forms of an earlier page share one content stream for them
// (content_prefix.h), the longest opening seen before; their MCIDs stay each page's own,
// so the structure reads every page's paragraphs in order with their own text.
TEST(PdfDocument, PagesOpeningAlikeShareTheirOpeningAndReadTheirOwnText) {
  test::TempDir dir;
  const auto file = dir.path() / "open.pdf";
  write_openings(file, {{0, 1, 2}, {0, 1, 2}, {0, 1, 3}, {0, 1, 2}, {0, 1, 3}, {4}, {5, 4}});
  std::string report;
  ASSERT_TRUE(test::qpdf_clean(file, &report)) << report;
  const test::RunResult st = test::run({"pdfinfo", "-struct-text", file.string()});
  ASSERT_EQ(st.exit_code, 0) << st.err;
  // Each paragraph with its text: "[Form0]" for a P holding "Form0".
  std::string said;
  std::istringstream lines(st.out);
  for (std::string line; std::getline(lines, line);) {
    const size_t q = line.find('"');
    if (line.find("P (block)") != std::string::npos) said += said.empty() ? "[" : "] [";
    else if (q != std::string::npos) said += line.substr(q + 1, line.rfind('"') - q - 1);
  }
  said += "]";
  EXPECT_EQ(said,
            "[Form0] [Form1] [Form2] [Own1] [Form0] [Form1] [Form2] [Own2] [Form0] [Form1] [Form3] [Own3] "
            "[Form0] [Form1] [Form2] [Own4] [Form0] [Form1] [Form3] [Own5] [Form4] [Own6] [Form5] [Form4] [Own7]");
  const test::RunResult qdf = test::run({"qpdf", "--qdf", "--object-streams=disable", file.string(), "-"});
  std::vector<std::string> contents;
  const std::regex entry(R"(/Contents (\d+) 0 R|/Contents \[\s*(\d+) 0 R\s+\d+ 0 R\s*\])");
  for (auto it = std::sregex_iterator(qdf.out.begin(), qdf.out.end(), entry); it != std::sregex_iterator(); ++it) {
    contents.push_back((*it)[1].matched ? "own" : "shared " + (*it)[2].str());
  }
  ASSERT_EQ(contents.size(), 7u);
  EXPECT_EQ(contents[0], "own");  // met once: all its own
  EXPECT_EQ(contents[1].rfind("shared ", 0), 0u);
  EXPECT_NE(contents[2], contents[1]) << "forms 0, 1 alone: another opening";
  EXPECT_EQ(contents[3], contents[1]) << "forms 0, 1, 2 again";
  EXPECT_EQ(contents[4].rfind("shared ", 0), 0u);
  EXPECT_NE(contents[4], contents[2]) << "forms 0, 1, 3 met on page 3: now an opening of their own";
  EXPECT_EQ(contents[5], "own") << "one form: nothing to share";
  EXPECT_EQ(contents[6], "own") << "forms 5, 4: an opening never met";
}
