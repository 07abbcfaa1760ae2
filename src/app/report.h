// What a run wrote, counted for the report a group sends back ("let us know the actions
// you took ... we share the total number with the officials"): letters, envelopes, labels
// and archive copies per target, language and sender country, with the case id and the
// dates. `--report FILE` writes it for a run; every file of the run carries its own
// counts (the Info entry "AppealReport", a JSON object), so `appeal report DIR` gives the
// same numbers for a folder made earlier.
#pragma once
#include <ctime>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <tuple>

#include "appeal/case_model.h"
#include "appeal/report_builder.h"
#include "render/output.h"
#include "text/typesetter.h"

namespace appeal::app {

enum class Output { kLetters, kEnvelopes, kLabels, kArchive };

// The Info key a file's counts are kept under.
inline constexpr const char* kReportFact = "AppealReport";

// One file's counts: {"case", "deadline", "letter_date", "output", "target", "language",
// "countries": {"GB": 2, ...}} (a country "" for letters to fill in by hand).
std::string file_fact(Output output, const Case& c, const std::string& target, const std::string& lang,
                      const Date& letter_date, const std::map<std::string, size_t>& countries);

class RunReport {
 public:
  // Counts `n` more of `output` (thread-safe: the files of a run are made in parallel).
  void count(Output output, const Case& c, const std::string& target, const std::string& lang, const Date& letter_date,
             const std::map<std::string, size_t>& countries);
  // A file's counts as file_fact wrote them; InputError at `file` when they are not that.
  void add_fact(const std::string& fact, const std::filesystem::path& file);
  bool empty() const;
  // The table: CSV (a header row, one row per target, language and country, a total row)
  // or JSON ({"cases", "deadlines", "letter_dates", "rows", "total"}).
  std::string csv() const;
  std::string json() const;
  // The table for the PDF summary.
  ReportSummary summary(std::time_t created) const;
  // Writes csv() or json() by the file's extension (.csv, .json), or the summary's pages
  // (.pdf: appeal/report_builder.h, layouts/report-a4.json, set with `ts`), all or nothing.
  // `created`: the PDF's date; `settings`: how PDFs are written in this run.
  void write(const std::filesystem::path& file, text::Typesetter& ts, std::time_t created,
             const render::OutputSettings& settings, const std::string& font_family) const;

 private:
  struct Counts {
    size_t letters = 0, envelopes = 0, labels = 0, archive = 0;
  };
  Counts total_locked() const;  // every row added up (mu_ held)
  void add_locked(Output output, const std::string& target, const std::string& lang,
                  const std::map<std::string, size_t>& countries);
  mutable std::mutex mu_;
  std::set<std::string> cases_, deadlines_, letter_dates_;
  std::map<std::tuple<std::string, std::string, std::string>, Counts> rows_;  // target, language, country
};

// `--report FILE`: UsageError unless it ends in .csv, .json or .pdf.
void check_report_path(const std::string& file);

}  // namespace appeal::app
