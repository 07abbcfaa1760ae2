// What the leaflet builder draws, checked on its display list: nothing but the cover's
// colour field crosses a panel's safe area, the field really bleeds, marks stay in the
// margin outside the bleed, and text shrinks before it overflows.
#include <gtest/gtest.h>

#include "appeal/case_reader.h"
#include "appeal/leaflet_builder.h"
#include "appeal/paths.h"

namespace {

using namespace appeal;

bool inside(const Rect& outer, double x0, double y0, double x1, double y1) {
  const double e = 0.01;
  return x0 >= outer.x_pt - e && y0 >= outer.y_pt - e && x1 <= outer.right_pt() + e && y1 <= outer.bottom_pt() + e;
}

class LeafletBuilder : public ::testing::TestWithParam<std::string> {
 protected:
  text::Typesetter ts{font_dir(), hyphen_catalog()};
  Case c = read_case(std::filesystem::path(APPEAL_SOURCE_DIR) / "samples/ua-31-22/case.json");
  layout::LeafletSpec spec = layout::load_leaflet(std::filesystem::path(APPEAL_SOURCE_DIR) / "layouts" / (GetParam() + ".json"), leaflet_sections());

  std::vector<Rect> safe_areas(size_t side) const {
    std::vector<Rect> out;
    for (size_t i = 0; i < spec.sides[side].panels.size(); ++i) {
      const Rect f = spec.text_frame(side, i);
      out.push_back({f.x_pt, f.y_pt, f.w_pt, f.h_pt});
    }
    return out;
  }
};

TEST_P(LeafletBuilder, OnlyTheCoverFieldLeavesTheSafeAreasAndItBleeds) {
  const Leaflet l = build_leaflet(c, "en", spec, ts, std::nullopt);
  ASSERT_EQ(l.doc.pages.size(), 2u);
  const Rect bleed = spec.bleed(), trim = spec.trim();
  int fields = 0;
  for (size_t side = 0; side < 2; ++side) {
    const auto& page = l.doc.pages[side];
    const auto safes = safe_areas(side);
    const auto in_some = [&](double x0, double y0, double x1, double y1) {
      for (const Rect& s : safes) {
        if (inside(s, x0, y0, x1, y1)) return true;
      }
      return false;
    };
    for (const auto& b : page.boxes) {
      if (b.ink.kind == Ink::Kind::kCmyk && b.ink.y == 1) {  // the cover's field
        ++fields;
        EXPECT_NEAR(b.rect.y_pt, bleed.y_pt, 0.01) << "bleeds off the top";
        EXPECT_NEAR(b.rect.bottom_pt(), bleed.bottom_pt(), 0.01) << "and off the bottom";
        continue;
      }
      EXPECT_TRUE(in_some(b.rect.x_pt, b.rect.y_pt, b.rect.right_pt(), b.rect.bottom_pt())) << "a box outside the safe areas";
    }
    for (const auto& r : page.rules) {
      if (r.ink.kind == Ink::Kind::kRegistration) {
        // Marks: outside the bleed box, inside the sheet.
        const bool outside_bleed = !inside(bleed, std::min(r.x1_pt, r.x2_pt), std::min(r.y1_pt, r.y2_pt),
                                           std::max(r.x1_pt, r.x2_pt), std::max(r.y1_pt, r.y2_pt));
        EXPECT_TRUE(outside_bleed) << "mark at " << r.x1_pt << "," << r.y1_pt;
        EXPECT_TRUE(inside({0, 0, page.width_pt, page.height_pt}, r.x1_pt, r.y1_pt, r.x2_pt, r.y2_pt));
        continue;
      }
      EXPECT_TRUE(in_some(std::min(r.x1_pt, r.x2_pt), std::min(r.y1_pt, r.y2_pt), std::max(r.x1_pt, r.x2_pt),
                          std::max(r.y1_pt, r.y2_pt)))
          << "a rule outside the safe areas";
    }
    for (const auto& line : page.lines) {
      EXPECT_TRUE(in_some(line.x_pt, line.baseline_pt - 1, line.x_pt + line.line.width_pt, line.baseline_pt));
    }
    EXPECT_TRUE(page.trim && std::abs(page.trim->x_pt - trim.x_pt) < 0.01);
  }
  EXPECT_EQ(fields, 1);
}

TEST_P(LeafletBuilder, WithoutAGroupThereIsABoxToWriteIn) {
  const Leaflet l = build_leaflet(c, "en", spec, ts, std::nullopt);
  size_t ruled = 0;
  for (const auto& r : l.doc.pages[0].rules) ruled += r.ink.kind == Ink::Kind::kCmyk;
  EXPECT_EQ(ruled, 4u);
}

INSTANTIATE_TEST_SUITE_P(Layouts, LeafletBuilder, ::testing::Values("leaflet-a4-trifold", "leaflet-a5-fold"));

}  // namespace
