#include "appeal/leaflet_builder.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "appeal/countries.h"
#include "appeal/dates.h"
#include "appeal/strings.h"
#include "text/language_tag.h"
#include "appeal/postal_address.h"
#include "common/input_error.h"
#include "layout/qr_code.h"
#include "text/utf8.h"

namespace appeal {

namespace {

using layout::Block;
using layout::DisplayPage;
using layout::LeafletSpec;
using layout::SetBlock;
using text::Typesetter;


// Content that did not fit: which, where in the case, how much.
struct Overflow {
  std::string what, pointer;
  size_t lines = 0;
  double pt = 0;
};

class Builder {
 public:
  Builder(const Case& c, const std::string& lang, const LeafletSpec& spec, Typesetter& ts,
          const std::optional<Group>& group, double scale)
      : c_(c), lang_(lang), li_(strings_for(c, lang)), names_(name_words(c)), spec_(spec), ts_(ts), group_(group), scale_(scale) {}

  std::vector<DisplayPage> build() {
    std::vector<DisplayPage> pages;
    for (size_t side = 0; side < spec_.sides.size(); ++side) {
      DisplayPage page;
      page.width_pt = spec_.sheet_w_pt();
      page.height_pt = spec_.sheet_h_pt();
      page.trim = spec_.trim();
      page.bleed = spec_.bleed();
      std::vector<Rect> columns;
      for (size_t i = 0; i < spec_.sides[side].panels.size(); ++i) {
        const auto& content = spec_.sides[side].panels[i].content;
        if (content == std::vector<std::string>{"flow"}) {
          columns.push_back(spec_.text_frame(side, i));
        } else {
          stack_panel(page, side, i);
        }
      }
      if (!columns.empty()) flow(page, columns);
      add_marks(page, side);
      set_reading(page, side);
      for (auto& l : page.lines) l.ink = spec_.text_ink;
      pages.push_back(std::move(page));
    }
    return pages;
  }

  const std::optional<Overflow>& overflow() const { return overflow_; }

 private:
  // A block in one of the layout's styles, scaled; ragged unless `justify`.
  Block block(const std::string& text, const std::string& style, bool justify = false) const {
    const layout::TextStyleSpec& s = spec_.style(style);
    Block b = layout::make_block(text, lang_, ts_.font(s.font), s.size_pt * scale_, s.leading_pt * scale_);
    b.unbreakable_words = names_;
    if (!justify) {
      b.measure.align = text::Align::kLeft;
      b.measure.hyphenate = false;
    }
    return b;
  }

  double gap() const { return spec_.style("body").leading_pt * scale_ * spec_.spacing.section; }

  Block heading(const std::string& text) const {
    Block b = block(text, "heading");
    b.role = layout::Role::kHeading;
    b.space_after_pt = spec_.style("body").leading_pt * scale_ * spec_.spacing.heading_after;
    b.keep_with_next = true;
    return b;
  }

  const std::vector<std::string>& texts(const std::map<std::string, std::vector<std::string>>& m,
                                        const std::string& key) const {
    const std::string* tag = find_lang(m, lang_);
    auto it = tag ? m.find(*tag) : m.end();
    if (it == m.end() || it->second.empty()) {
      throw InputError(c_.source_file, "/" + key + "/" + lang_,
                       "the leaflet in \"" + lang_ + "\" needs the case's " + key + " in that language");
    }
    return it->second;
  }

  std::vector<Block> section(const std::string& name) const {
    std::vector<Block> out;
    const double lead = spec_.style("body").leading_pt * scale_;
    if (name == "story") {
      out.push_back(heading(li_["background"]));
      for (const std::string& p : texts(c_.background, "background")) {
        Block b = block(p, "body", true);
        b.space_after_pt = lead * spec_.spacing.paragraph_after;
        out.push_back(std::move(b));
      }
    } else if (name == "action") {
      out.push_back(heading(li_["what_you_can_do"]));
      const auto& steps = texts(c_.actions, "actions");
      for (size_t i = 0; i < steps.size(); ++i) {
        Block b = block(std::to_string(i + 1) + ".\u00A0" + steps[i], "body");
        b.role = layout::Role::kListItem;
        b.space_after_pt = lead * spec_.spacing.step_after;
        out.push_back(std::move(b));
      }
      std::string langs;
      for (const std::string& l : c_.languages) langs += (langs.empty() ? "" : ", ") + text::language_display_name(l, lang_);
      Block pref = block(li_["preferred_languages"] + li_.colon + " " + langs, "strong");
      pref.space_before_pt = lead * spec_.spacing.languages_before;
      out.push_back(std::move(pref));
      const std::string when = li_.fill("act_before", {{"date", format_date(c_.deadline, lang_, li_.date_format)}});
      out.push_back(block(when, "strong"));
    } else if (name == "targets") {
      out.push_back(heading(li_["write_to"]));
      for (const Target& t : c_.targets) {
        // The title, then the postal address as the case gives it (it starts with the
        // name), the country in the leaflet's language as the last line.
        Block title = block(pick(t.title, lang_), "strong");
        title.keep_with_next = true;
        out.push_back(std::move(title));
        // The leaflet's readers post from where its language is read, and the origin's
        // language is one the UPU accepts for the destination country (postal_address.h):
        // so the country line is in the leaflet's language (iso-codes), English where
        // iso-codes has no translation.
        RecipientBlock r = format_recipient(t.address, lang_, std::nullopt);
        if (r.country_line) r.lines.back() = text::to_upper(country_name(t.address.country, lang_), lang_);
        std::string text;
        for (const std::string& line : r.lines) text += (text.empty() ? "" : "\n") + line;
        if (!t.email.empty()) text += "\n" + li_["email"] + li_.colon + " " + t.email;
        Block b = block(text, "body");
        b.role = layout::Role::kAddress;
        b.keep_together = true;
        b.space_after_pt = lead * spec_.spacing.target_after;
        out.push_back(std::move(b));
      }
    } else if (name == "group") {
      out.push_back(heading(li_["local_group"]));
      if (group_) {
        std::string text = group_->name;
        for (const std::string& l : group_->lines) text += "\n" + l;
        for (const std::string* v : {&group_->email, &group_->phone, &group_->web}) {
          if (!v->empty()) text += "\n" + *v;
        }
        Block b = block(text, "body");
        b.role = layout::Role::kAddress;
        out.push_back(std::move(b));
      } else {
        Block b = block(li_["group_placeholder"], "small");
        // Ruled lines to write on, or room for a stamp (the flow clips them to the column).
        const layout::WriteInSpec& w = spec_.write_in;
        for (int i = 1; i <= w.lines; ++i) {
          const double y = lead * w.spacing_lines * i;
          const double width = w.width_pt > 0 ? w.width_pt : std::numeric_limits<double>::infinity();
          b.rules_after.push_back({0, y, width, y, w.rule_pt, {}});
        }
        out.push_back(std::move(b));
      }
    }
    return out;
  }

  // Sets `blocks` at the top of `room`; returns the height used, or records an overflow.
  double place(DisplayPage& page, std::vector<Block> blocks, const Rect& room, const std::string& what,
               const std::string& pointer) {
    for (Block& b : blocks) {
      for (Rule& r : b.rules_after) r.x2_pt = std::min(r.x2_pt, room.w_pt), r.ink = spec_.text_ink;
    }
    std::vector<SetBlock> set;
    for (const Block& b : blocks) set.push_back(layout::set_block(b, room.w_pt, ts_));
    double h = layout::stacked_height(set);
    for (const Block& b : blocks) {
      if (!b.rules_after.empty()) h = std::max(h, h + b.rules_after.back().y1_pt - b.leading_pt);
    }
    if (h > room.h_pt + layout::kFitTolerancePt || !layout::place_in_frame(set, room, page)) {
      note_overflow({what, pointer, 0, h - room.h_pt});
      return room.h_pt;
    }
    return h;
  }

  void note_overflow(const Overflow& o) {
    if (!overflow_) overflow_ = o;
  }

  void stack_panel(DisplayPage& page, size_t side, size_t index) {
    const Rect f = spec_.text_frame(side, index);
    double y = f.y_pt;
    for (const std::string& name : spec_.sides[side].panels[index].content) {
      if (name == "cover") {
        cover(page, side, index);
        continue;
      }
      if (y > f.y_pt) y += gap();
      const Rect room{f.x_pt, y, f.w_pt, f.bottom_pt() - y};
      if (name == "qr") {
        y += qr(page, room);
      } else {
        y += place(page, section(name), room, name, pointer_of(name));
      }
    }
  }

  std::string pointer_of(const std::string& section) const {
    if (section == "story") return "/background/" + lang_;
    if (section == "action") return "/actions/" + lang_;
    if (section == "targets") return "/targets";
    if (section == "group") return "/group";
    return "/";
  }

  double qr(DisplayPage& page, const Rect& room) {
    auto it = c_.links.find("action");
    if (it == c_.links.end()) {
      throw InputError(c_.source_file, "/links/action", "the leaflet's QR code needs the action's link (a URL)");
    }
    const std::string& url = it->second;
    const double size = std::min(room.w_pt * spec_.qr_max_width_share, spec_.qr_max_pt);
    if (size > room.h_pt) {
      note_overflow({"qr", "/links/action", 0, size - room.h_pt});
      return room.h_pt;
    }
    layout::QrCode code;
    try {
      code = layout::qr_code(url, room.x_pt, room.y_pt, size, Ink::cmyk(0, 0, 0, 1), Ink::cmyk(0, 0, 0, 0));
    } catch (const std::invalid_argument& e) {
      throw InputError(c_.source_file, "/links/action", e.what());
    }
    // The code is a figure: what it holds, said for a reader who cannot scan it.
    page.figures.push_back({std::move(code.boxes), li_.fill("qr_code", {{"url", url}})});
    // The quiet zone is part of `size`, so the caption starts close under the code.
    const Rect caption{room.x_pt, room.y_pt + size, room.w_pt, room.h_pt - size};
    Block scan = block(li_["scan_to_act"], "strong");
    scan.role = layout::Role::kCaption;
    Block link = block(url, "small");
    link.role = layout::Role::kLink;
    return size + place(page, {scan, link}, caption, "qr", "/links/action");
  }

  void cover(DisplayPage& page, size_t side, size_t index) {
    const Rect p = spec_.panel(side, index);
    const size_t last = spec_.sides[side].panels.size() - 1;
    // The colour field runs into the bleed on every trimmed edge, not over a fold.
    Rect field = p;
    field.y_pt -= spec_.bleed_pt;
    field.h_pt += 2 * spec_.bleed_pt;  // not a length: the top and bottom edges
    if (index == 0) field.x_pt -= spec_.bleed_pt, field.w_pt += spec_.bleed_pt;
    if (index == last) field.w_pt += spec_.bleed_pt;
    page.boxes.push_back({field, spec_.cover_ink});

    const Rect f = spec_.text_frame(side, index);
    std::vector<Block> top;
    Block label = block(text::to_upper(li_["urgent_action"], lang_), "cover_label");
    label.space_after_pt = gap();
    top.push_back(std::move(label));
    Block title = block(pick(c_.title, lang_), "cover_title");
    title.role = layout::Role::kTitle;
    title.space_after_pt = gap();
    top.push_back(std::move(title));
    Block name = block(pick(c_.person.name, lang_), "cover_name");
    // The summary only in the leaflet's own language: an English paragraph would be
    // wrong on a Russian cover.
    const std::string* summary_tag = find_lang(c_.summary, lang_);
    const auto summary = summary_tag ? c_.summary.find(*summary_tag) : c_.summary.end();
    if (summary != c_.summary.end()) {
      name.space_after_pt = gap();
      top.push_back(std::move(name));
      top.push_back(block(summary->second, "cover_text"));
    } else {
      top.push_back(std::move(name));
    }
    double y = f.y_pt + place(page, std::move(top), f, "cover", "/title");

    std::vector<Block> bottom;
    const std::string when = li_.fill("act_before", {{"date", format_date(c_.deadline, lang_, li_.date_format)}});
    bottom.push_back(block(c_.id, "cover_small"));
    bottom.push_back(block(when, "cover_small"));
    std::vector<SetBlock> set;
    for (const Block& b : bottom) set.push_back(layout::set_block(b, f.w_pt, ts_));
    const double bottom_h = layout::stacked_height(set);
    layout::place_in_frame(set, f, page, true);

    if (!c_.person.photo.empty() && c_.person.photo_w > 0) {
      y += gap();
      const double room = f.bottom_pt() - bottom_h - gap() - y;
      const double aspect = static_cast<double>(c_.person.photo_w) / c_.person.photo_h;
      double w = f.w_pt, h = w / aspect;
      if (h > room) h = room, w = h * aspect;
      if (h < spec_.photo_min_h_pt) {
        note_overflow({"photo", "/person/photo", 0, spec_.photo_min_h_pt - h});
        return;
      }
      const std::string* alt_tag = find_lang(c_.person.photo_alt, lang_);
      const std::string alt = alt_tag ? c_.person.photo_alt.at(*alt_tag) : pick(c_.person.name, lang_);
      page.images.push_back({c_.person.photo.string(), {f.x_pt, y, w, h}, layout::Role::kFigure, alt});
    }
  }

  void flow(DisplayPage& page, std::vector<Rect> columns) {
    // Columns of one width (the narrowest panel's), so a paragraph keeps its line breaks
    // when it runs on into the next panel.
    double w = columns.front().w_pt;
    for (const Rect& c : columns) w = std::min(w, c.w_pt);
    for (Rect& c : columns) c.w_pt = w;
    std::vector<Block> blocks;
    std::string first;
    for (const std::string& name : spec_.flow) {
      std::vector<Block> s = section(name);
      if (!blocks.empty() && !s.empty()) s.front().space_before_pt = gap();
      if (first.empty()) first = name;
      for (Block& b : s) {
        for (Rule& r : b.rules_after) r.x2_pt = std::min(r.x2_pt, w), r.ink = spec_.text_ink;
        blocks.push_back(std::move(b));
      }
    }
    layout::ColumnFlow out = layout::flow_columns(blocks, columns, page.width_pt, page.height_pt, ts_);
    for (auto& l : out.page.lines) page.lines.push_back(std::move(l));
    for (auto& r : out.page.rules) page.rules.push_back(r);
    if (out.overflow_lines > 0) {
      std::string what;
      for (size_t i = 0; i < spec_.flow.size(); ++i) {
        what += (i == 0 ? "" : i + 1 == spec_.flow.size() ? " and " : ", ") + spec_.flow[i];
      }
      note_overflow({what, pointer_of(first), out.overflow_lines, out.overflow_pt});
    }
  }

  // Everything on a panel takes the panel's place in reading order (layout "read"): a
  // screen reader reads the cover first, not the panel printed leftmost.
  void set_reading(DisplayPage& page, size_t side) const {
    const auto& panels = spec_.sides[side].panels;
    const auto at = [&](double x) {
      for (size_t i = 0; i + 1 < panels.size(); ++i) {
        if (x < spec_.panel(side, i).right_pt()) return panels[i].reading;
      }
      return panels.back().reading;
    };
    // Everything starts inside its panel's safe area, so its left edge tells the panel.
    for (auto& l : page.lines) l.reading = at(l.x_pt);
    for (auto& i : page.images) i.reading = at(i.rect.x_pt);
    for (auto& f : page.figures) {
      if (!f.boxes.empty()) f.reading = at(f.boxes.front().rect.x_pt);
    }
  }

  // Crop marks at the trim corners and fold marks at the panel edges, in the margin
  // outside the bleed, in registration colour: they must print on every plate.
  void add_marks(DisplayPage& page, size_t side) const {
    const Rect t = spec_.trim();
    const double o = spec_.mark_offset_pt, len = spec_.mark_length_pt, wd = spec_.mark_width_pt;
    const Ink reg = Ink::registration();
    for (double x : {t.x_pt, t.right_pt()}) {
      const double out = x == t.x_pt ? -1 : 1;
      for (double y : {t.y_pt, t.bottom_pt()}) {
        const double down = y == t.y_pt ? -1 : 1;
        page.rules.push_back({x + out * o, y, x + out * (o + len), y, wd, reg});    // horizontal
        page.rules.push_back({x, y + down * o, x, y + down * (o + len), wd, reg});  // vertical
      }
    }
    for (size_t i = 1; i < spec_.sides[side].panels.size(); ++i) {
      const double x = spec_.panel(side, i).x_pt;
      Rule top{x, t.y_pt - o - len, x, t.y_pt - o, wd, reg};
      Rule bottom{x, t.bottom_pt() + o, x, t.bottom_pt() + o + len, wd, reg};
      top.dash_pt = bottom.dash_pt = spec_.fold_dash_pt;  // dashed: a fold, not a cut
      page.rules.push_back(top);
      page.rules.push_back(bottom);
    }
  }

  const Case& c_;
  std::string lang_;
  const Strings li_;
  const std::vector<std::string> names_;
  const LeafletSpec& spec_;
  Typesetter& ts_;
  const std::optional<Group>& group_;
  double scale_;
  std::optional<Overflow> overflow_;
};

}  // namespace

layout::LeafletSections leaflet_sections() {
  return {{"cover", "action", "qr", "group", "story", "targets"}, {"story", "action", "group", "targets"}};
}

Leaflet build_leaflet(const Case& c, const std::string& lang, const LeafletSpec& spec, Typesetter& ts,
                      const std::optional<Group>& group, std::time_t created) {
  layout::DocumentHead head;
  head.title = c.id + ": " + pick(c.title, lang);
  head.subject = pick(c.person.name, lang);
  head.language = lang;
  head.created = created;
  head.purpose = layout::Purpose::kPrintShop;
  // 100 %, 95 %, ... down to the layout's floor, which is always tried.
  std::vector<double> scales;
  for (int step = 0; 1 - spec.scale_step * step > spec.min_scale + layout::kScaleTolerance; ++step) {
    scales.push_back(1 - spec.scale_step * step);
  }
  scales.push_back(spec.min_scale);
  std::optional<Overflow> last;
  for (double scale : scales) {
    Builder b(c, lang, spec, ts, group, scale);
    std::vector<DisplayPage> pages = b.build();
    if (!b.overflow()) return {{std::move(head), std::move(pages)}, scale};
    last = b.overflow();
  }
  const double body = spec.style("body").size_pt * spec.min_scale;
  std::string how = last->lines ? std::to_string(last->lines) + " lines (about " : "about ";
  char mm[32];  // not a length: a buffer
  std::snprintf(mm, sizeof mm, "%.0f mm", last->pt / kPtPerMm);
  how += mm;
  if (last->lines) how += ")";
  char pt[16];  // not a length: a buffer
  std::snprintf(pt, sizeof pt, "%.1f", body);
  throw InputError(c.source_file, last->pointer,
                   "layout " + spec.name + " cannot hold the leaflet's " + last->what + " even with body text at " +
                       pt + " pt (" + std::to_string(static_cast<int>(std::lround(spec.min_scale * 100))) +  // not a length: per cent
                       " %): " + how + " left over");
}

}  // namespace appeal
