#include <algorithm>
#include <iostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "app/date_policy.h"
#include "app/report.h"
#include "common/input_error.h"
#include "inspect/pdf_facts.h"

namespace appeal::app {

// `appeal report DIR`: the counts every PDF of an output folder carries (app/report.h),
// added up; an archive copy's sender country from its attached sender.json where present.
int run_report(const RunOptions& a, Typesetters& typesetters) {
  const std::filesystem::path dir = a.case_file;
  if (!std::filesystem::is_directory(dir)) throw UsageError("report " + dir.string() + ": not a folder");
  if (!a.report.empty()) check_report_path(a.report);
  std::vector<std::filesystem::path> pdfs;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".pdf") pdfs.push_back(e.path());
  }
  std::sort(pdfs.begin(), pdfs.end());  // the same folder, the same report
  RunReport report;
  size_t uncounted = 0;
  for (const auto& pdf : pdfs) {
    const inspect::PdfFacts facts = inspect::read_facts(pdf);
    auto fact = facts.info.find(kReportFact);
    if (fact == facts.info.end()) {
      ++uncounted;  // a leaflet, another program's PDF
      continue;
    }
    std::string counts = fact->second;
    if (auto sender = facts.attachments.find("sender.json"); sender != facts.attachments.end()) {
      // The sender row the copy was made from says whose letter it is.
      nlohmann::json row = nlohmann::json::parse(sender->second, nullptr, false);
      nlohmann::json j = nlohmann::json::parse(counts, nullptr, false);
      if (row.is_object() && row.contains("country") && row["country"].is_string() && j.is_object()) {
        j["countries"] = {{row["country"].get<std::string>(), 1}};
        counts = j.dump();
      }
    }
    report.add_fact(counts, pdf);
  }
  if (report.empty()) {
    throw InputError(dir, "", "no PDF here carries the counts of an appeal run (" + std::to_string(pdfs.size()) +
                                  " PDF files read)");
  }
  if (uncounted && !a.quiet) {
    std::cerr << "note: " << uncounted << " PDF file(s) without counts (leaflets, other programs' files) left out\n";
  }
  std::cout << report.csv();
  if (!a.report.empty()) {
    render::OutputSettings pdf;
    // The PDF's date: SOURCE_DATE_EPOCH or today, as for every file a run writes.
    report.write(a.report, typesetters.first(), letter_dates(a.date).created, pdf, a.font_family);
  }
  return 0;
}

}  // namespace appeal::app
