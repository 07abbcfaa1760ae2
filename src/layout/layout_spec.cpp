#include "layout/layout_spec.h"

#include <cmath>

#include <algorithm>

#include "common/json_reader.h"

namespace appeal::layout {

namespace {

Rect read_frame(const JsonNode& n, double page_w, double page_h) {
  n.allow_only({"x_mm", "y_mm", "w_mm", "h_mm"});
  Rect f;
  f.x_pt = n.at("x_mm").as_number() * kPtPerMm;
  f.y_pt = n.at("y_mm").as_number() * kPtPerMm;
  f.w_pt = n.at("w_mm").as_positive_number() * kPtPerMm;
  f.h_pt = n.at("h_mm").as_positive_number() * kPtPerMm;
  if (f.x_pt < 0 || f.y_pt < 0 || f.right_pt() > page_w + kFitTolerancePt || f.bottom_pt() > page_h + kFitTolerancePt) {
    n.fail("frame lies outside the page");
  }
  return f;
}

}  // namespace

SignatureSpec read_signature(const JsonNode& n) {
  n.allow_only({"room_lines", "rule_width_mm", "rule_pt", "caption_gap_pt", "image_gap_pt"});
  SignatureSpec s;
  s.room_lines = n.at("room_lines").as_positive_number();
  s.rule_width_pt = n.at("rule_width_mm").as_positive_number() * kPtPerMm;
  s.rule_pt = n.at("rule_pt").as_positive_number();
  s.caption_gap_pt = n.at("caption_gap_pt").as_number();
  s.image_gap_pt = n.at("image_gap_pt").as_number();
  return s;
}

WriteInSpec read_write_in(const JsonNode& n) {
  n.allow_only({"lines", "spacing_lines", "width_mm", "rule_pt", "gray"});
  WriteInSpec w;
  const double lines = n.at("lines").as_number();
  if (lines != static_cast<int>(lines) || lines < 0 || lines > 20) n.at("lines").fail("must be a whole number from 0 to 20");
  w.lines = static_cast<int>(lines);
  w.spacing_lines = n.at("spacing_lines").as_positive_number();
  if (auto width = n.find("width_mm")) w.width_pt = width->as_positive_number() * kPtPerMm;
  w.rule_pt = n.at("rule_pt").as_positive_number();
  if (auto gray = n.find("gray")) {
    w.gray = gray->as_number();
    if (w.gray < 0 || w.gray > 1) gray->fail("must be from 0 (black) to 1 (white)");
  }
  return w;
}

Rect LabelGrid::cell(int index) const {
  const int col = index % cols, row = (index / cols) % rows;
  return {left_pt + col * pitch_x_pt, top_pt + row * pitch_y_pt, cell_w_pt, cell_h_pt};
}

Rect LabelGrid::text_frame(int index) const {
  const Rect c = cell(index);
  return {c.x_pt + padding_pt, c.y_pt + padding_pt, c.w_pt - 2 * padding_pt, c.h_pt - 2 * padding_pt};
}

const Rect& LayoutSpec::frame(const std::string& name) const {
  auto it = frames.find(name);
  if (it == frames.end()) throw InputError(file, "/frames", "missing frame \"" + name + "\"");
  return it->second;
}

const SignatureSpec& LayoutSpec::signature() const {
  if (!signature_spec) throw InputError(file, "/signature", "a letter layout needs \"signature\" (room_lines, rule_width_mm, rule_pt, caption_gap_pt, image_gap_pt)");
  return *signature_spec;
}

const WriteInSpec& LayoutSpec::write_in() const {
  if (!write_in_spec) throw InputError(file, "/write_in", "a letter layout needs \"write_in\" (lines, spacing_lines, rule_pt, gray)");
  return *write_in_spec;
}

const TextStyleSpec& LayoutSpec::style(const std::string& name) const {
  auto it = styles.find(name);
  if (it == styles.end()) throw InputError(file, "/styles", "missing style \"" + name + "\"");
  return it->second;
}

std::map<std::string, TextStyleSpec> read_styles(const JsonNode& styles) {
  std::map<std::string, TextStyleSpec> out;
  for (const std::string& key : styles.keys()) {
    const JsonNode s = styles.at(key);
    s.allow_only({"font", "family", "bold", "italic", "size_pt", "leading_pt"});
    TextStyleSpec t;
    if (s.has("family") == s.has("font")) s.fail("give either \"font\" (a file in fonts/) or \"family\" (an installed family)");
    if (s.has("font")) {
      t.font = s.at("font").as_text();
    } else {
      t.family = s.at("family").as_text();
      for (const auto& [k, flag] : {std::pair<const char*, bool*>{"bold", &t.bold}, {"italic", &t.italic}}) {
        if (!s.has(k)) continue;
        if (!s.at(k).value().is_boolean()) s.at(k).fail("expected true or false");
        *flag = s.at(k).value().get<bool>();
      }
    }
    t.size_pt = s.at("size_pt").as_positive_number();
    t.leading_pt = s.at("leading_pt").as_positive_number();
    out[key] = t;
  }
  return out;
}

LayoutSpec load_layout(const std::filesystem::path& file) {
  const nlohmann::json doc = read_json_file(file);
  const JsonNode root(file, doc);
  root.allow_only({"name", "description", "page", "styles", "frames", "marks", "address_max_lines", "address_fit",
                   "return_fit", "sender_fit", "header_fit", "grid", "date_align", "signature", "write_in", "return_underline",
                   "personal_max_lines", "columns", "column_gap_mm", "table_rule_pt"});
  LayoutSpec spec;
  spec.file = file;
  spec.name = root.at("name").as_text();
  if (auto d = root.find("description")) spec.description = d->as_string();
  const JsonNode page = root.at("page");
  page.allow_only({"width_mm", "height_mm"});
  // PDF viewers take pages up to 200 inches a side (ISO 32000-1, Annex C.2).
  const auto side = [](const JsonNode& n) {
    const double mm = n.as_positive_number();
    if (mm > 5080) n.fail("a page side is at most 5080 mm (200 in), got " + n.value().dump());
    return mm * kPtPerMm;
  };
  spec.page_w_pt = side(page.at("width_mm"));
  spec.page_h_pt = side(page.at("height_mm"));

  spec.styles = read_styles(root.at("styles"));
  const JsonNode frames = root.at("frames");
  for (const std::string& key : frames.keys()) {
    spec.frames[key] = read_frame(frames.at(key), spec.page_w_pt, spec.page_h_pt);
  }
  if (auto marks = root.find("marks")) {
    for (size_t i = 0; i < marks->size(); ++i) {
      const JsonNode m = marks->at(i);
      Mark mark;
      m.allow_only({"kind", "x_mm", "y_mm", "length_mm", "width_pt"});
      mark.kind = m.at("kind").as_text();
      mark.x_pt = m.at("x_mm").as_number() * kPtPerMm;
      mark.y_pt = m.at("y_mm").as_number() * kPtPerMm;
      mark.length_pt = m.at("length_mm").as_positive_number() * kPtPerMm;
      mark.width_pt = m.at("width_pt").as_positive_number();
      spec.marks.push_back(mark);
    }
  }
  if (auto n = root.find("address_max_lines")) {
    const double v = n->as_positive_number();
    if (v != static_cast<int>(v) || v > 100) n->fail("must be a whole number from 1 to 100");
    spec.address_max_lines = static_cast<int>(v);
  }
  const auto read_fit = [](const JsonNode& n) {
    n.allow_only({"min_size_pt", "min_leading_pt", "indent_mm", "source"});
    FitSpec f;
    f.min_size_pt = n.at("min_size_pt").as_positive_number();
    f.min_leading_pt = n.at("min_leading_pt").as_positive_number();
    if (auto i = n.find("indent_mm")) f.indent_pt = i->as_positive_number() * kPtPerMm;
    n.at("source").as_text();  // every minimum says where it comes from
    return f;
  };
  if (auto n = root.find("address_fit")) spec.address_fit = read_fit(*n);
  if (auto n = root.find("return_fit")) spec.return_fit = read_fit(*n);
  if (auto n = root.find("sender_fit")) spec.sender_fit = read_fit(*n);
  if (auto n = root.find("header_fit")) spec.header_fit = read_fit(*n);
  if (auto g = root.find("grid")) {
    g->allow_only({"cols", "rows", "left_mm", "top_mm", "pitch_x_mm", "pitch_y_mm", "label_w_mm", "label_h_mm",
                   "padding_mm"});
    LabelGrid grid;
    const auto whole = [](const JsonNode& n) {
      const double v = n.as_positive_number();
      if (v != static_cast<int>(v) || v > 100) n.fail("must be a whole number from 1 to 100");
      return static_cast<int>(v);
    };
    grid.cols = whole(g->at("cols"));
    grid.rows = whole(g->at("rows"));
    grid.left_pt = g->at("left_mm").as_number() * kPtPerMm;
    grid.top_pt = g->at("top_mm").as_number() * kPtPerMm;
    grid.pitch_x_pt = g->at("pitch_x_mm").as_positive_number() * kPtPerMm;
    grid.pitch_y_pt = g->at("pitch_y_mm").as_positive_number() * kPtPerMm;
    grid.cell_w_pt = g->at("label_w_mm").as_positive_number() * kPtPerMm;
    grid.cell_h_pt = g->at("label_h_mm").as_positive_number() * kPtPerMm;
    grid.padding_pt = g->at("padding_mm").as_number() * kPtPerMm;
    const Rect last = grid.cell(grid.per_sheet() - 1);
    if (last.right_pt() > spec.page_w_pt + kFitTolerancePt || last.bottom_pt() > spec.page_h_pt + kFitTolerancePt) {
      g->fail("the label grid runs off the sheet");
    }
    if (grid.padding_pt * 2 >= std::min(grid.cell_w_pt, grid.cell_h_pt)) g->at("padding_mm").fail("leaves no room for text");
    spec.grid = grid;
  }
  if (auto s = root.find("signature")) spec.signature_spec = read_signature(*s);
  if (auto w = root.find("write_in")) spec.write_in_spec = read_write_in(*w);
  if (auto u = root.find("return_underline")) {
    u->allow_only({"below_pt", "rule_pt"});
    spec.return_underline = UnderlineSpec{u->at("below_pt").as_number(), u->at("rule_pt").as_positive_number()};
  }
  if (auto cols = root.find("columns")) {
    cols->expect_array();
    for (size_t i = 0; i < cols->size(); ++i) {
      const JsonNode c = cols->at(i);
      c.allow_only({"key", "label", "w_mm", "align"});
      ColumnSpec col{c.at("key").as_text(), c.at("label").as_text(), c.at("w_mm").as_positive_number() * kPtPerMm, false};
      if (auto a = c.find("align")) {
        const std::string v = a->as_text();
        if (v != "left" && v != "right") a->fail("must be \"left\" or \"right\"");
        col.right = v == "right";
      }
      spec.columns.push_back(col);
    }
  }
  if (auto g = root.find("column_gap_mm")) spec.column_gap_pt = g->as_number() * kPtPerMm;
  if (auto r = root.find("table_rule_pt")) spec.table_rule_pt = r->as_positive_number();
  if (auto m = root.find("personal_max_lines")) {
    const double v = m->as_number();
    if (v < 1 || v > 60 || v != std::floor(v)) m->fail("expected a whole number of lines from 1 to 60");
    spec.personal_max_lines = static_cast<size_t>(v);
  }
  if (auto a = root.find("date_align")) {
    spec.date_align = a->as_text();
    if (spec.date_align != "left" && spec.date_align != "right") a->fail("must be \"left\" or \"right\"");
  }
  return spec;
}

}  // namespace appeal::layout
