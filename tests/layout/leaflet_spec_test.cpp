// Leaflet layouts: the shipped ones load with the geometry docs/print-geometry.md §5 gives; broken
// ones fail naming the file and the JSON pointer.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "common/input_error.h"
#include "layout/leaflet_spec.h"

namespace {

using namespace appeal;
using namespace appeal::layout;
const std::filesystem::path kLayouts = std::filesystem::path(APPEAL_SOURCE_DIR) / "layouts";
// The names a builder gives its sections (appeal::leaflet_sections has the real list).
const LeafletSections kSections{{"cover", "action", "qr", "group", "story", "targets"}, {"story", "action", "group", "targets"}};

TEST(LeafletSpec, TrifoldPanelsMirrorAndTheSheetHoldsTheMarks) {
  const LeafletSpec s = load_leaflet(kLayouts / "leaflet-a4-trifold.json", kSections);
  ASSERT_EQ(s.sides.size(), 2u);
  EXPECT_NEAR(s.sides[0].panels[0].width_pt / kPtPerMm, 97, 1e-9);
  EXPECT_NEAR(s.sides[1].panels[2].width_pt / kPtPerMm, 97, 1e-9);
  EXPECT_NEAR(s.sheet_w_pt() / kPtPerMm, 297 + 20, 1e-9);  // 5 mm offset + 5 mm marks a side
  EXPECT_NEAR(s.bleed().x_pt / kPtPerMm, 7, 1e-9);
  const Rect f = s.text_frame(0, 1);  // the back cover, between two folds
  EXPECT_NEAR((f.x_pt - s.panel(0, 1).x_pt) / kPtPerMm, 5, 1e-9);
}

std::string error_of(nlohmann::json j) {
  const auto file = std::filesystem::temp_directory_path() / "leaflet-spec-test.json";
  std::ofstream(file) << j.dump();
  try {
    load_leaflet(file, kSections);
  } catch (const appeal::InputError& e) {
    std::filesystem::remove(file);
    return e.what();
  }
  std::filesystem::remove(file);
  return "";
}

nlohmann::json trifold() {
  std::ifstream in(kLayouts / "leaflet-a4-trifold.json");
  return nlohmann::json::parse(in);
}

TEST(LeafletSpec, BrokenLayoutsNameThePointer) {
  auto j = trifold();
  j["sides"][0]["panels"][0]["width_mm"] = 90;
  EXPECT_NE(error_of(j).find("/sides/0/panels: panel widths add up to 290"), std::string::npos) << error_of(j);
  j = trifold();
  j["sides"][1]["panels"][0]["width_mm"] = 97;
  j["sides"][1]["panels"][2]["width_mm"] = 100;
  EXPECT_NE(error_of(j).find("/sides/1/panels/0: must be as wide as the outside panel it backs"), std::string::npos)
      << error_of(j);
  j = trifold();
  j["marks"]["offset_mm"] = 2;
  EXPECT_NE(error_of(j).find("/marks/offset_mm: crop marks must start outside the bleed"), std::string::npos);
  j = trifold();
  j["sides"][0]["panels"][1]["content"][0] = "poster";
  EXPECT_NE(error_of(j).find("/sides/0/panels/1/content/0: unknown section \"poster\""), std::string::npos);
  j = trifold();
  j["qr"]["max_width_share"] = 1.5;
  EXPECT_NE(error_of(j).find("/qr/max_width_share: a share of the panel's width: at most 1"), std::string::npos);
  j = trifold();
  j.erase("spacing_lines");
  EXPECT_NE(error_of(j).find("spacing_lines"), std::string::npos) << error_of(j);
  j = trifold();
  j["flow"][0] = "cover";
  EXPECT_NE(error_of(j).find("/flow/0: cannot flow \"cover\" (story, action, group, targets can)"), std::string::npos)
      << error_of(j);
  j = trifold();
  j["duplex"] = "long-edge";
  EXPECT_NE(error_of(j).find("/duplex: only \"short-edge\""), std::string::npos);
}

}  // namespace
