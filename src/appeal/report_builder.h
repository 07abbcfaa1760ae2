// The one-page summary of a run (`--report summary.pdf`, app/report.h) as pages: the case,
// its dates, then a table, one row per target, language and sender country, set with the
// same typesetting as the letters; a table longer than a page goes on, its heading again.
#pragma once
#include <ctime>
#include <map>
#include <string>
#include <vector>

#include "layout/document.h"
#include "layout/layout_spec.h"
#include "text/typesetter.h"

namespace appeal {

struct ReportSummary {
  std::string cases, deadlines, letter_dates;  // each a list, " " between
  std::vector<std::map<std::string, std::string>> rows;  // column key (layout "columns") -> cell
  std::map<std::string, std::string> total;
  std::time_t created = 0;
};

// Throws InputError at the layout when its table frame cannot hold a row.
layout::Document report_document(const ReportSummary& report, const layout::LayoutSpec& spec, text::Typesetter& ts);

}  // namespace appeal
