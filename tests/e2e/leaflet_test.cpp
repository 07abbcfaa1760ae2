// Leaflets as a print shop and a reader see them: PDF/X-4 claims, exact page boxes, every
// word inside its panel's safe area, the story and addresses extractable, the QR code
// readable by a scanner (zbarimg on a 150 dpi render), Ghostscript silent, and the panels
// where the fold puts them.
#include <gtest/gtest.h>

#include <map>

#include "e2e/sample_case.h"
#include "support/pdf_probe.h"
#include "support/run.h"

namespace {

using nlohmann::json;
constexpr double kPtPerMm = 72.0 / 25.4;

struct Area {
  double x0, y0, x1, y1;
  bool contains(const test::Word& w) const {
    return w.x0 >= x0 - 0.5 && w.x1 <= x1 + 0.5 && w.y0 >= y0 - 0.5 && w.y1 <= y1 + 0.5;
  }
};

// The geometry a leaflet layout states, worked out independently of the renderer.
struct Geometry {
  double margin, trim_w, trim_h, bleed;
  std::vector<std::vector<Area>> panels, safe;  // per side: finished panel, text area
};

Geometry geometry(const json& l) {
  Geometry g;
  g.margin = (l["marks"]["offset_mm"].get<double>() + l["marks"]["length_mm"].get<double>()) * kPtPerMm;
  g.trim_w = l["trim_mm"][0].get<double>() * kPtPerMm;
  g.trim_h = l["trim_mm"][1].get<double>() * kPtPerMm;
  g.bleed = l["bleed_mm"].get<double>() * kPtPerMm;
  const double safe = l["safe_mm"].get<double>() * kPtPerMm, fold = l["fold_safe_mm"].get<double>() * kPtPerMm;
  for (const auto& side : l["sides"]) {
    double x = g.margin;
    std::vector<Area> panels, safes;
    const size_t n = side["panels"].size();
    for (size_t i = 0; i < n; ++i) {
      const double w = side["panels"][i]["width_mm"].get<double>() * kPtPerMm;
      panels.push_back({x, g.margin, x + w, g.margin + g.trim_h});
      safes.push_back({x + (i == 0 ? safe : fold), g.margin + safe, x + w - (i + 1 == n ? safe : fold),
                       g.margin + g.trim_h - safe});
      x += w;
    }
    g.panels.push_back(panels);
    g.safe.push_back(safes);
  }
  return g;
}

test::RunResult render(const std::filesystem::path& case_file, const std::filesystem::path& out,
                       const std::vector<std::string>& extra = {}) {
  std::vector<std::string> argv = {test::appeal_bin(), "leaflet", case_file.string(), "-o", out.string(), "-q"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return test::run(argv, {"SOURCE_DATE_EPOCH=1686873600"});
}

class Leaflets : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const auto r = render(test::source_dir() / "samples/ua-31-22/case.json", dir_.path() / "out",
                          {"--layout", GetParam(), "--group", (test::source_dir() / "samples/ua-31-22/group.json").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    pdf_ = dir_.path() / "out" / (GetParam() + "-en.pdf");
    ASSERT_TRUE(std::filesystem::exists(pdf_));
    g_ = geometry(test::layout_json(GetParam()));
  }
  test::TempDir dir_;
  std::filesystem::path pdf_;
  Geometry g_;
};

TEST_P(Leaflets, OneFileTwoPagesExactBoxesEmbeddedFontsCleanQpdfSilentGhostscript) {
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_.path() / "out"), {}), 1);
  std::string report;
  EXPECT_TRUE(test::qpdf_clean(pdf_, &report)) << report;
  for (const auto& f : test::pdffonts(pdf_)) {
    EXPECT_TRUE(f.embedded && f.subset && f.unicode) << f.name;
  }
  const auto boxes = test::pdfinfo_boxes(pdf_);
  EXPECT_EQ(boxes.pages, 2);
  const double m = g_.margin;
  EXPECT_NEAR(boxes.media.x0, 0, 0.01);
  EXPECT_NEAR(boxes.media.x1, g_.trim_w + 2 * m, 0.01);
  EXPECT_NEAR(boxes.media.y1, g_.trim_h + 2 * m, 0.01);
  EXPECT_NEAR(boxes.trim.x0, m, 0.01);
  EXPECT_NEAR(boxes.trim.y0, m, 0.01);
  EXPECT_NEAR(boxes.trim.x1, m + g_.trim_w, 0.01);
  EXPECT_NEAR(boxes.trim.y1, m + g_.trim_h, 0.01);
  EXPECT_NEAR(boxes.bleed.x0, m - g_.bleed, 0.01);
  EXPECT_NEAR(boxes.bleed.y0, m - g_.bleed, 0.01);
  EXPECT_NEAR(boxes.bleed.x1, m + g_.trim_w + g_.bleed, 0.01);
  EXPECT_NEAR(boxes.bleed.y1, m + g_.trim_h + g_.bleed, 0.01);
  const auto gs = test::run({"gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=nullpage", pdf_.string()});
  EXPECT_EQ(gs.exit_code, 0);
  EXPECT_EQ(gs.out + gs.err, "") << "Ghostscript warned";
}

TEST_P(Leaflets, ClaimsPdfX4WithFogra39OutputIntent) {
  const std::string pdf = test::read_file(pdf_);
  EXPECT_EQ(pdf.substr(0, 8), "%PDF-1.6");
  EXPECT_NE(pdf.find("pdfxid:GTS_PDFXVersion=\"PDF/X-4\""), std::string::npos);
  const auto j = test::run({"qpdf", "--json", "--json-key=qpdf", pdf_.string()}).out;
  EXPECT_NE(j.find("\"/GTS_PDFXVersion\": \"u:PDF/X-4\""), std::string::npos);
  EXPECT_NE(j.find("\"/Trapped\": \"/False\""), std::string::npos);
  EXPECT_NE(j.find("\"/OutputConditionIdentifier\": \"u:FOGRA39\""), std::string::npos);
  EXPECT_NE(j.find("\"/DestOutputProfile\""), std::string::npos);
  EXPECT_EQ(j.find("\"/ArtBox\""), std::string::npos) << "PDF/X-4: TrimBox, not both";
  EXPECT_EQ(j.find("/DeviceRGB"), std::string::npos) << "no uncalibrated RGB";
  // Text in 100 % K only (no rich black), marks in every separation.
  const auto q = dir_.path() / "q.pdf";
  test::run({"qpdf", "--qdf", "--object-streams=disable", pdf_.string(), q.string()});
  const std::string content = test::read_file(q);
  EXPECT_NE(content.find("0 0 0 1 k"), std::string::npos);
  EXPECT_NE(content.find("/CSAll CS 1 SCN"), std::string::npos);
  EXPECT_EQ(content.find(" g\n"), std::string::npos) << "a DeviceGray fill";
}

TEST_P(Leaflets, EveryWordInsideItsPanelsSafeArea) {
  const auto words = test::pdftotext_words(pdf_);
  ASSERT_GT(words.size(), 300u);
  for (const auto& w : words) {
    const auto& safes = g_.safe.at(w.page - 1);
    const bool inside = std::any_of(safes.begin(), safes.end(), [&](const Area& a) { return a.contains(w); });
    EXPECT_TRUE(inside) << "page " << w.page << " \"" << w.text << "\" at " << w.x0 << "," << w.y0 << "-" << w.x1 << ","
                        << w.y1;
  }
}

TEST_P(Leaflets, StoryAndAddressesExtractExactly) {
  const json c = test::sample_case();
  const std::string text = test::normalize_ws(test::pdftotext(pdf_));
  for (const auto& p : c["background"]["en"]) {
    EXPECT_NE(text.find(test::normalize_ws(p.get<std::string>())), std::string::npos) << p;
  }
  for (const auto& step : c["actions"]["en"]) {
    EXPECT_NE(text.find(test::normalize_ws(step.get<std::string>())), std::string::npos) << step;
  }
  for (const auto& t : c["targets"]) {
    for (const auto& line : t["address"]["lines"]["en"]) {
      EXPECT_NE(text.find(line.get<std::string>()), std::string::npos) << line;
    }
    EXPECT_NE(text.find(t["email"].get<std::string>()), std::string::npos);
  }
  EXPECT_NE(text.find(test::normalize_ws(c["summary"]["en"].get<std::string>())), std::string::npos) << "cover summary";
  EXPECT_NE(text.find("Preferred languages: Russian, English"), std::string::npos);
  EXPECT_NE(text.find("Act before 16 June 2023"), std::string::npos);
  EXPECT_NE(text.find("group@example.org"), std::string::npos);
}

TEST_P(Leaflets, QrCodeDecodesToTheActionLink) {
  const auto png = dir_.path() / "p1";
  ASSERT_EQ(test::run({"pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", pdf_.string(), png.string()}).exit_code, 0);
  const auto z = test::run({"zbarimg", "-q", "--raw", (dir_.path() / "p1-1.png").string()});
  EXPECT_EQ(z.out, test::sample_case()["links"]["action"].get<std::string>() + "\n") << z.err;
}

// Folding order: the cover is the outside's rightmost panel, so it is on top when the
// sheet is folded; the inside's panels back the outside's in mirror order (short-edge
// duplex), and nothing is rotated, so every panel reads upright once unfolded.
TEST_P(Leaflets, PanelsLandWhereTheFoldPutsThem) {
  const auto words = test::pdftotext_words(pdf_);
  const auto panel_of = [&](const std::string& text, int page) {
    for (const auto& w : words) {
      if (w.page != page || w.text != text) continue;
      const auto& panels = g_.panels.at(page - 1);
      for (size_t i = 0; i < panels.size(); ++i) {
        if (panels[i].contains(w)) return static_cast<int>(i);
      }
    }
    return -1;
  };
  const int last = static_cast<int>(g_.panels[0].size()) - 1;
  EXPECT_EQ(panel_of("URGENT", 1), last) << "cover on the outside's right panel";
  EXPECT_EQ(panel_of("Background", 2), 0) << "the story starts on the inside's left panel";
  EXPECT_EQ(panel_of("Scan", 1), last - 1) << "QR code on the back cover";
  if (last == 2) EXPECT_EQ(panel_of("What", 1), 0) << "what to do on the flap seen when the cover opens";
  for (const auto& w : words) EXPECT_GE(w.x1 - w.x0, 0) << "upright text only";
  const std::string pdf = test::read_file(pdf_);
  EXPECT_EQ(pdf.find("/Rotate"), std::string::npos);
}

TEST_P(Leaflets, SameInputSameBytes) {
  const auto again = dir_.path() / "again";
  ASSERT_EQ(render(test::source_dir() / "samples/ua-31-22/case.json", again,
                   {"--layout", GetParam(), "--group", (test::source_dir() / "samples/ua-31-22/group.json").string()})
                .exit_code,
            0);
  EXPECT_EQ(test::read_file(pdf_), test::read_file(again / (GetParam() + "-en.pdf")));
}

INSTANTIATE_TEST_SUITE_P(Layouts, Leaflets, ::testing::Values("leaflet-a4-trifold", "leaflet-a5-fold"),
                         [](const auto& info) { return test::test_name(info.param); });

// A case whose story is far too long: shrinking stops at the layout's floor and the error
// says what did not fit and how much; no file is written.
TEST(LeafletErrors, TooMuchTextFailsNamingHowMuchAndWritesNothing) {
  test::TempDir dir;
  json c = test::sample_case();
  json& bg = c["background"]["en"];
  const json one = bg;
  for (int i = 0; i < 4; ++i) {
    for (const auto& p : one) bg.push_back(p);
  }
  test::write_file(dir.path() / "case.json", c.dump());
  const auto r = render(dir.path() / "case.json", dir.path() / "out");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("case.json:/background/en: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("layout leaflet-a4-trifold cannot hold the leaflet's story and targets even with body text at "
                       "8.0 pt (80 %)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("lines (about "), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out" / "leaflet-a4-trifold-en.pdf"));
}

TEST(LeafletErrors, MissingActionLinkAndLanguageAreNamed) {
  test::TempDir dir;
  json c = test::sample_case();
  c["links"].erase("action");
  test::write_file(dir.path() / "case.json", c.dump());
  auto r = render(dir.path() / "case.json", dir.path() / "out");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("case.json:/links/action: "), std::string::npos) << r.err;
  r = render(test::source_dir() / "samples/ua-31-22/case.json", dir.path() / "out", {"--lang", "ru"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("the leaflet in \"ru\" needs the case's"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out"));
}

// A photo on the cover: a PNG is embedded ICC-tagged sRGB (PDF/X-4 wants calibrated RGB)
// and drawn inside the cover panel.
TEST(LeafletPhoto, PngPhotoIsTaggedSrgbAndSitsOnTheCover) {
  test::TempDir dir;
  json c = test::sample_case();
  std::filesystem::copy_file(test::source_dir() / "samples/ua-31-22/signatures/anna.png", dir.path() / "photo.png");
  c["person"]["photo"] = "photo.png";
  test::write_file(dir.path() / "case.json", c.dump());
  const auto r = render(dir.path() / "case.json", dir.path() / "out");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto pdf = dir.path() / "out" / "leaflet-a4-trifold-en.pdf";
  const auto list = test::run({"pdfimages", "-list", pdf.string()}).out;
  EXPECT_NE(list.find("icc"), std::string::npos) << list;
  std::string report;
  EXPECT_TRUE(test::qpdf_clean(pdf, &report)) << report;
}

}  // namespace

namespace {

// A Russian leaflet: Cyrillic set in justified, hyphenated columns extracts exactly
// (hyphenated words whole), and the labels and language names are Russian.
TEST(LeafletRussian, CyrillicStoryExtractsWholeWithRussianLabels) {
  test::TempDir dir;
  json c = test::sample_case();
  c["background"]["ru"] = c["letters"]["ru"]["body"];
  c["actions"]["ru"] = json::array({"Напишите письмо своими словами или по образцу одному или обоим адресатам.",
                                    "Сообщите нам, что вы сделали."});
  test::write_file(dir.path() / "case.json", c.dump());
  const auto r = render(dir.path() / "case.json", dir.path() / "out", {"--lang", "ru"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto pdf = dir.path() / "out" / "leaflet-a4-trifold-ru.pdf";
  std::string report;
  EXPECT_TRUE(test::qpdf_clean(pdf, &report)) << report;
  const std::string text = test::normalize_ws(test::pdftotext(pdf));
  for (const auto& p : c["background"]["ru"]) {
    EXPECT_NE(text.find(test::normalize_ws(p.get<std::string>())), std::string::npos) << p;
  }
  EXPECT_NE(text.find("Языки писем: русский, английский"), std::string::npos) << text.substr(0, 400);
  EXPECT_NE(text.find("СРОЧНАЯ АКЦИЯ"), std::string::npos);
  EXPECT_NE(text.find("Действуйте до 16 июня 2023 г."), std::string::npos);
}

}  // namespace
