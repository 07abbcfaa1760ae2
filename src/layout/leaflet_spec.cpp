#include "layout/leaflet_spec.h"

#include <algorithm>

#include <cmath>

#include "common/json_reader.h"

namespace appeal::layout {

namespace {

Ink read_cmyk(const JsonNode& n) {
  if (n.size() != 4) n.fail("expected [c, m, y, k], each 0..1");
  double v[4];
  for (size_t i = 0; i < 4; ++i) {
    v[i] = n.at(i).as_number();
    if (v[i] < 0 || v[i] > 1) n.at(i).fail("a tint between 0 and 1");
  }
  return Ink::cmyk(v[0], v[1], v[2], v[3]);
}

}  // namespace

Rect LeafletSpec::bleed() const {
  const Rect t = trim();
  return {t.x_pt - bleed_pt, t.y_pt - bleed_pt, t.w_pt + 2 * bleed_pt, t.h_pt + 2 * bleed_pt};
}

Rect LeafletSpec::panel(size_t side, size_t index) const {
  double x = margin_pt();
  const auto& panels = sides.at(side).panels;
  for (size_t i = 0; i < index; ++i) x += panels.at(i).width_pt;
  return {x, margin_pt(), panels.at(index).width_pt, trim_h_pt};
}

Rect LeafletSpec::text_frame(size_t side, size_t index) const {
  const Rect p = panel(side, index);
  const size_t last = sides.at(side).panels.size() - 1;
  const double left = index == 0 ? safe_pt : fold_safe_pt;
  const double right = index == last ? safe_pt : fold_safe_pt;
  return {p.x_pt + left, p.y_pt + safe_pt, p.w_pt - left - right, p.h_pt - 2 * safe_pt};
}

const TextStyleSpec& LeafletSpec::style(const std::string& name) const {
  auto it = styles.find(name);
  if (it == styles.end()) throw InputError(file, "/styles", "leaflet layout " + this->name + " has no style \"" + name + "\"");
  return it->second;
}

LeafletSpec load_leaflet(const std::filesystem::path& file, const LeafletSections& sections) {
  const auto listed = [](const std::vector<std::string>& names, const std::string& s) {
    return std::find(names.begin(), names.end(), s) != names.end();
  };
  const auto list = [](const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  };
  const nlohmann::json doc = read_json_file(file);
  const JsonNode root(file, doc);
  root.allow_only({"name", "description", "trim_mm", "bleed_mm", "safe_mm", "fold_safe_mm", "marks", "duplex", "sides",
                   "flow", "cover_cmyk", "min_scale", "scale_step", "styles", "spacing_lines", "write_in", "qr", "photo"});
  LeafletSpec spec;
  spec.file = file;
  spec.name = root.at("name").as_text();
  if (auto d = root.find("description")) spec.description = d->as_string();
  const JsonNode trim = root.at("trim_mm");
  if (trim.size() != 2) trim.fail("expected [width, height]");
  spec.trim_w_pt = trim.at(size_t{0}).as_positive_number() * kPtPerMm;
  spec.trim_h_pt = trim.at(size_t{1}).as_positive_number() * kPtPerMm;
  spec.bleed_pt = root.at("bleed_mm").as_number() * kPtPerMm;
  spec.safe_pt = root.at("safe_mm").as_number() * kPtPerMm;
  spec.fold_safe_pt = root.at("fold_safe_mm").as_number() * kPtPerMm;
  const JsonNode marks = root.at("marks");
  marks.allow_only({"offset_mm", "length_mm", "width_pt", "fold_dash_pt"});
  spec.fold_dash_pt = marks.at("fold_dash_pt").as_positive_number();
  spec.mark_offset_pt = marks.at("offset_mm").as_number() * kPtPerMm;
  spec.mark_length_pt = marks.at("length_mm").as_positive_number() * kPtPerMm;
  spec.mark_width_pt = marks.at("width_pt").as_positive_number();
  if (spec.mark_offset_pt < spec.bleed_pt) {
    marks.at("offset_mm").fail("crop marks must start outside the bleed (offset at least bleed_mm)");
  }
  spec.duplex = root.at("duplex").as_text();
  if (spec.duplex != "short-edge") {
    root.at("duplex").fail("only \"short-edge\" is supported: the inside mirrors the outside left to right");
  }
  const JsonNode sides = root.at("sides");
  if (sides.size() != 2) sides.fail("a leaflet has two sides: outside, then inside");
  for (size_t s = 0; s < 2; ++s) {
    const JsonNode side = sides.at(s);
    side.allow_only({"name", "panels"});
    LeafletSide out;
    out.name = side.at("name").as_text();
    const JsonNode panels = side.at("panels");
    double total = 0;
    for (size_t i = 0; i < panels.size(); ++i) {
      const JsonNode p = panels.at(i);
      p.allow_only({"width_mm", "content", "read"});
      LeafletPanel panel;
      panel.width_pt = p.at("width_mm").as_positive_number() * kPtPerMm;
      // Without "read", panels are read as printed: the outside left to right, then the inside.
      const size_t before = s == 0 ? 0 : spec.sides[0].panels.size();
      panel.reading = static_cast<uint16_t>(before + i);
      if (auto read = p.find("read")) {
        const double r = read->as_positive_number();
        if (r != std::floor(r) || r > 64) read->fail("the panel's place in reading order: 1, 2, 3 ...");
        panel.reading = static_cast<uint16_t>(r - 1);
      }
      panel.content = p.at("content").as_string_array();
      for (size_t k = 0; k < panel.content.size(); ++k) {
        if (panel.content[k] != "flow" && !listed(sections.placed, panel.content[k])) {
          p.at("content").at(k).fail("unknown section \"" + panel.content[k] + "\" (" + list(sections.placed) + ", flow)");
        }
        if (panel.content[k] == "flow" && panel.content.size() != 1) p.at("content").fail("a flow panel holds only \"flow\"");
      }
      total += panel.width_pt;
      out.panels.push_back(panel);
    }
    if (std::abs(total - spec.trim_w_pt) > 0.01 * kPtPerMm) {
      panels.fail("panel widths add up to " + std::to_string(total / kPtPerMm) + " mm, not the trim width");
    }
    spec.sides.push_back(out);
  }
  // Reading order: every panel a place of its own, from 1 up, when the layout gives them.
  std::vector<int> seen(spec.sides[0].panels.size() + spec.sides[1].panels.size(), 0);
  for (size_t s = 0; s < 2; ++s) {
    for (size_t i = 0; i < spec.sides[s].panels.size(); ++i) {
      const uint16_t r = spec.sides[s].panels[i].reading;
      if (r >= seen.size() || seen[r]++) {
        sides.at(s).at("panels").at(i).fail("\"read\" must number the panels 1 to " + std::to_string(seen.size()) +
                                            ", each once");
      }
    }
  }
  // Short-edge duplex: panel i of the inside backs panel n-1-i of the outside.
  const auto& outside = spec.sides[0].panels;
  const auto& inside = spec.sides[1].panels;
  if (outside.size() != inside.size()) sides.at(1).at("panels").fail("the inside needs as many panels as the outside");
  for (size_t i = 0; i < inside.size(); ++i) {
    if (std::abs(inside[i].width_pt - outside[outside.size() - 1 - i].width_pt) > 0.01) {
      sides.at(1).at("panels").at(i).fail("must be as wide as the outside panel it backs (panel " +
                                          std::to_string(outside.size() - 1 - i) + ")");
    }
  }
  spec.flow = root.at("flow").as_string_array();
  for (size_t k = 0; k < spec.flow.size(); ++k) {
    if (!listed(sections.flowable, spec.flow[k])) {
      root.at("flow").at(k).fail("cannot flow \"" + spec.flow[k] + "\" (" + list(sections.flowable) + " can)");
    }
  }
  spec.styles = read_styles(root.at("styles"));
  spec.cover_ink = read_cmyk(root.at("cover_cmyk"));
  spec.min_scale = root.at("min_scale").as_positive_number();
  if (spec.min_scale > 1) root.at("min_scale").fail("at most 1 (1 = never shrink)");
  spec.scale_step = root.at("scale_step").as_positive_number();
  if (spec.scale_step >= 1) root.at("scale_step").fail("must be a fraction below 1, e.g. 0.05");
  const JsonNode spacing = root.at("spacing_lines");
  spacing.allow_only({"section", "heading_after", "paragraph_after", "step_after", "languages_before", "target_after"});
  spec.spacing = {spacing.at("section").as_number(),         spacing.at("heading_after").as_number(),
                  spacing.at("paragraph_after").as_number(), spacing.at("step_after").as_number(),
                  spacing.at("languages_before").as_number(), spacing.at("target_after").as_number()};
  spec.write_in = read_write_in(root.at("write_in"));
  const JsonNode qr = root.at("qr");
  qr.allow_only({"max_width_share", "max_mm"});
  spec.qr_max_width_share = qr.at("max_width_share").as_positive_number();
  if (spec.qr_max_width_share > 1) qr.at("max_width_share").fail("a share of the panel's width: at most 1");
  spec.qr_max_pt = qr.at("max_mm").as_positive_number() * kPtPerMm;
  const JsonNode photo = root.at("photo");
  photo.allow_only({"min_height_mm"});
  spec.photo_min_h_pt = photo.at("min_height_mm").as_positive_number() * kPtPerMm;
  return spec;
}

}  // namespace appeal::layout
