// Envelopes and label sheets: page size, one address per letter in letter order, every
// word inside its envelope zone or label cell (pdftotext -bbox).
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "e2e/sample_case.h"
#include "support/pdf_probe.h"
#include "support/run.h"

namespace {

using nlohmann::json;
constexpr double kPtPerMm = 72.0 / 25.4;

struct Cell {
  double x0, y0, x1, y1;
  bool contains(const test::Word& w) const { return w.x0 >= x0 - 0.01 && w.x1 <= x1 + 0.01 && w.y0 >= y0 - 0.01 && w.y1 <= y1 + 0.01; }
  bool holds_center(const test::Word& w) const {
    const double cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
    return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
  }
};

Cell frame_cell(const json& f) {
  const double x = f["x_mm"].get<double>() * kPtPerMm, y = f["y_mm"].get<double>() * kPtPerMm;
  return {x, y, x + f["w_mm"].get<double>() * kPtPerMm, y + f["h_mm"].get<double>() * kPtPerMm};
}

std::string senders_csv(int n) {
  std::ostringstream csv;
  csv << "name,address,country\n";
  const char* cc[] = {"GB", "DE", "FR", "KZ", "US"};
  for (int i = 0; i < n; ++i) csv << "\"Sender " << i + 1 << "\",\"Street " << i + 1 << "\nTown\"," << cc[i % 5] << '\n';
  return csv.str();
}

struct LabelCase {
  std::string layout;
  int senders;
  std::vector<int> per_sheet;
  double width_pt, height_pt;
};

class Labels : public ::testing::TestWithParam<LabelCase> {};

TEST_P(Labels, OneLabelPerLetterEachInsideItsCell) {
  const LabelCase& lc = GetParam();
  test::TempDir dir;
  test::write_file(dir.path() / "s.csv", senders_csv(lc.senders));
  const auto r = test::run({test::appeal_bin(), "labels", (test::source_dir() / "samples/ua-31-22/case.json").string(),
                            "--senders", (dir.path() / "s.csv").string(), "--layout", lc.layout, "-o",
                            (dir.path() / "out").string(), "--lang", "en"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto pdf = dir.path() / "out" / "president-en-labels.pdf";
  std::string report;
  EXPECT_TRUE(test::qpdf_clean(pdf, &report)) << report;
  const auto boxes = test::pdfinfo_boxes(pdf);
  EXPECT_EQ(boxes.pages, static_cast<int>(lc.per_sheet.size()));
  EXPECT_NEAR(boxes.media.x1, lc.width_pt, 0.01);
  EXPECT_NEAR(boxes.media.y1, lc.height_pt, 0.01);
  for (const auto& f : test::pdffonts(pdf)) EXPECT_TRUE(f.embedded && f.subset) << f.name;

  const json g = test::layout_json(lc.layout)["grid"];
  std::vector<Cell> cells;
  for (int row = 0; row < g["rows"].get<int>(); ++row) {
    for (int col = 0; col < g["cols"].get<int>(); ++col) {
      const double x = (g["left_mm"].get<double>() + col * g["pitch_x_mm"].get<double>()) * kPtPerMm;
      const double y = (g["top_mm"].get<double>() + row * g["pitch_y_mm"].get<double>()) * kPtPerMm;
      cells.push_back({x, y, x + g["label_w_mm"].get<double>() * kPtPerMm, y + g["label_h_mm"].get<double>() * kPtPerMm});
    }
  }
  std::map<int, std::map<size_t, std::string>> filled;  // page -> cell -> text
  for (const auto& w : test::pdftotext_words(pdf)) {
    bool placed = false;
    for (size_t c = 0; c < cells.size(); ++c) {
      if (!cells[c].holds_center(w)) continue;
      EXPECT_TRUE(cells[c].contains(w)) << "'" << w.text << "' crosses the edge of label " << c << " on page " << w.page;
      filled[w.page][c] += w.text + " ";
      placed = true;
    }
    EXPECT_TRUE(placed) << "'" << w.text << "' is outside every label";
  }
  for (size_t p = 0; p < lc.per_sheet.size(); ++p) {
    const auto& cells_used = filled[static_cast<int>(p + 1)];
    EXPECT_EQ(static_cast<int>(cells_used.size()), lc.per_sheet[p]) << "sheet " << p + 1;
    // Cells fill left to right, top to bottom, with no gaps.
    size_t expect = 0;
    for (const auto& [cell, text] : cells_used) {
      EXPECT_EQ(cell, expect++);
      EXPECT_NE(text.find("Kassym-Jomart Tokayev"), std::string::npos) << text;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Sheets, Labels,
                         ::testing::Values(LabelCase{"labels-l7160", 50, {21, 21, 8}, 595.276, 841.89},
                                           LabelCase{"labels-5160", 50, {30, 20}, 612, 792}),
                         [](const auto& info) { return test::test_name(info.param.layout); });

struct EnvelopeCase {
  std::string layout;
  double width_pt, height_pt;
};

class Envelopes : public ::testing::TestWithParam<EnvelopeCase> {};

TEST_P(Envelopes, RecipientAndReturnAddressInTheirZones) {
  const EnvelopeCase& ec = GetParam();
  test::TempDir dir;
  const auto r = test::run({test::appeal_bin(), "envelopes", (test::source_dir() / "samples/ua-31-22/case.json").string(),
                            "--senders", (test::source_dir() / "samples/ua-31-22/senders.csv").string(), "--layout",
                            ec.layout, "-o", (dir.path() / "out").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto pdf = dir.path() / "out" / "president-en-envelopes.pdf";
  EXPECT_TRUE(test::qpdf_clean(pdf));
  const auto boxes = test::pdfinfo_boxes(pdf);
  EXPECT_EQ(boxes.pages, 5);  // one per sender
  EXPECT_NEAR(boxes.media.x1, ec.width_pt, 0.01);
  EXPECT_NEAR(boxes.media.y1, ec.height_pt, 0.01);
  const json frames = test::layout_json(ec.layout)["frames"];
  const Cell to = frame_cell(frames["address"]), from = frame_cell(frames["return_address"]);
  std::map<int, std::string> recipient, sender;
  for (const auto& w : test::pdftotext_words(pdf)) {
    if (to.contains(w)) recipient[w.page] += w.text + " ";
    else if (from.contains(w)) sender[w.page] += w.text + " ";
    else ADD_FAILURE() << "'" << w.text << "' on page " << w.page << " is outside both address zones";
  }
  EXPECT_NE(recipient[1].find("Kassym-Jomart Tokayev"), std::string::npos);
  EXPECT_NE(recipient[1].find("KAZAKHSTAN"), std::string::npos) << "posted in the UK";
  EXPECT_NE(recipient[3].find("KASACHSTAN"), std::string::npos) << "posted in Germany: " << recipient[3];
  EXPECT_NE(sender[1].find("Anna Kowalska"), std::string::npos);
  EXPECT_NE(sender[5].find("Айгерім Сәрсенова"), std::string::npos);
  EXPECT_EQ(recipient[5].find("KAZAKHSTAN"), std::string::npos) << "domestic mail from Almaty has no country line";
}

INSTANTIATE_TEST_SUITE_P(Sizes, Envelopes,
                         ::testing::Values(EnvelopeCase{"envelope-dl", 623.622, 311.811},
                                           EnvelopeCase{"envelope-c5", 649.134, 459.213},
                                           EnvelopeCase{"envelope-10", 684, 297}),
                         [](const auto& info) { return test::test_name(info.param.layout); });

}  // namespace
