#include "appeal/report_builder.h"

#include "appeal/address_block.h"
#include "appeal/countries.h"

#include <optional>

namespace appeal {

namespace {

using layout::Block;
using layout::DisplayPage;

// The summary is the group's record, read by people of any language in the group: English,
// the language of the Urgent Action's international secretariat.
constexpr const char* kLang = "en";

class TableWriter {
 public:
  TableWriter(const layout::LayoutSpec& spec, text::Typesetter& ts, layout::Document& doc) : spec_(spec), ts_(ts), doc_(doc) {}

  void heading(const ReportSummary& r) {
    new_page();
    Block title = ragged(styled("Report: " + r.cases, kLang, spec_, "title", ts_));
    title.role = layout::Role::kTitle;
    Block dates = ragged(styled("Deadline " + r.deadlines + " \u00B7 letters dated " + r.letter_dates, kLang, spec_, "body", ts_));
    if (!layout::place_in_frame({title, dates}, spec_.frame("heading"), ts_, doc_.pages.back())) {
      throw InputError(spec_.file, "/frames/heading", "too small for the report's title and dates");
    }
  }

  // One row in `style`; a rule under it when `rule` (the heading, before the total).
  void row(const std::map<std::string, std::string>& cells, const std::string& style, bool rule_below, bool rule_above) {
    const Rect& table = spec_.frame("table");
    const double lead = spec_.style(style).leading_pt;
    if (lead > table.h_pt) throw InputError(spec_.file, "/frames/table", "too small for one row of the report");
    if (y_ + lead > table.bottom_pt()) {
      new_page();
      y_ = table.y_pt;
      if (head_) row(*head_, "head", true, false);
    }
    DisplayPage& page = doc_.pages.back();
    if (rule_above) page.rules.push_back({table.x_pt, y_, table.x_pt + table.w_pt, y_, spec_.table_rule_pt, Ink{0}});
    double x = table.x_pt;
    for (const layout::ColumnSpec& col : spec_.columns) {
      auto it = cells.find(col.key);
      std::string text = it == cells.end() ? "" : it->second;
      layout::PlacedLine line = cell(text, style, x, col);
      // A country's English name beside its code when the column is wide enough.
      if (col.key == "sender_country" && text.size() == 2 && style == "cell") {  // not a length: ISO 3166-1 alpha-2
        if (const auto name = country_name_en(text)) {
          layout::PlacedLine longer = cell(text + " " + *name, style, x, col);
          if (longer.line.width_pt <= col.w_pt - spec_.column_gap_pt) line = std::move(longer);
        }
      }
      page.lines.push_back(std::move(line));
      x += col.w_pt;
    }
    y_ += lead;
    if (rule_below) page.rules.push_back({table.x_pt, y_, table.x_pt + table.w_pt, y_, spec_.table_rule_pt, Ink{0}});
  }

  void set_head(std::map<std::string, std::string> head) {
    head_ = std::move(head);
    y_ = spec_.frame("table").y_pt;
    row(*head_, "head", true, false);
  }

  void footer(const std::string& text) {
    if (!layout::place_in_frame({ragged(styled(text, kLang, spec_, "small", ts_))}, spec_.frame("footer"), ts_,
                                doc_.pages.back())) {
      throw InputError(spec_.file, "/frames/footer", "too small for the report's footer");
    }
  }

 private:
  layout::PlacedLine cell(const std::string& text, const std::string& style, double x, const layout::ColumnSpec& col) {
    Block b = ragged(styled(text, kLang, spec_, style, ts_));
    layout::PlacedLine l = layout::place_line(b, x, layout::first_baseline(b, y_, ts_), ts_);
    if (col.right) l.x_pt = x + col.w_pt - spec_.column_gap_pt - l.line.width_pt;
    return l;
  }

  void new_page() {
    DisplayPage p;
    p.width_pt = spec_.page_w_pt;
    p.height_pt = spec_.page_h_pt;
    doc_.pages.push_back(std::move(p));
  }

  const layout::LayoutSpec& spec_;
  text::Typesetter& ts_;
  layout::Document& doc_;
  std::optional<std::map<std::string, std::string>> head_;
  double y_ = 0;
};

}  // namespace

layout::Document report_document(const ReportSummary& report, const layout::LayoutSpec& spec, text::Typesetter& ts) {
  layout::Document doc;
  doc.head.title = "Report: " + report.cases;
  doc.head.subject = "Letters, envelopes, labels and archive copies made, per target, language and sender country";
  doc.head.language = kLang;
  doc.head.created = report.created;
  TableWriter w(spec, ts, doc);
  w.heading(report);
  std::map<std::string, std::string> head;
  for (const layout::ColumnSpec& c : spec.columns) head[c.key] = c.label;
  w.set_head(head);
  for (const auto& r : report.rows) w.row(r, "cell", false, false);
  w.row(report.total, "head", false, true);
  w.footer("Counted by appeal from the files it wrote; every file carries its own counts (appeal report FOLDER).");
  return doc;
}

}  // namespace appeal
