#include "app/report.h"

#include <cctype>
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "app/layouts.h"
#include "app/output_batch.h"
#include "app/run_options.h"
#include "appeal/report_builder.h"
#include "common/input_error.h"
#include "layout/layout_spec.h"

namespace appeal::app {

namespace {

const char* output_name(Output o) {
  switch (o) {
    case Output::kLetters:
      return "letters";
    case Output::kEnvelopes:
      return "envelopes";
    case Output::kLabels:
      return "labels";
    case Output::kArchive:
      break;
  }
  return "archive";
}

std::string iso(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string joined(const std::set<std::string>& s) {
  std::string out;
  for (const std::string& x : s) out += (out.empty() ? "" : " ") + x;
  return out;
}

}  // namespace

std::string file_fact(Output output, const Case& c, const std::string& target, const std::string& lang,
                      const Date& letter_date, const std::map<std::string, size_t>& countries) {
  nlohmann::ordered_json j;
  j["case"] = c.id;
  j["deadline"] = iso(c.deadline);
  j["letter_date"] = iso(letter_date);
  j["output"] = output_name(output);
  j["target"] = target;
  j["language"] = lang;
  j["countries"] = nlohmann::ordered_json::object();
  for (const auto& [country, n] : countries) j["countries"][country] = n;
  return j.dump();
}

void RunReport::add_locked(Output output, const std::string& target, const std::string& lang,
                           const std::map<std::string, size_t>& countries) {
  for (const auto& [country, n] : countries) {
    Counts& c = rows_[{target, lang, country}];
    (output == Output::kLetters ? c.letters : output == Output::kEnvelopes ? c.envelopes
                                          : output == Output::kLabels  ? c.labels
                                                                       : c.archive) += n;
  }
}

void RunReport::count(Output output, const Case& c, const std::string& target, const std::string& lang,
                      const Date& letter_date, const std::map<std::string, size_t>& countries) {
  std::lock_guard<std::mutex> lock(mu_);
  cases_.insert(c.id);
  deadlines_.insert(iso(c.deadline));
  letter_dates_.insert(iso(letter_date));
  add_locked(output, target, lang, countries);
}

void RunReport::add_fact(const std::string& fact, const std::filesystem::path& file) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(fact);
  } catch (const nlohmann::json::exception&) {
    throw InputError(file, "/Info/AppealReport", "not the JSON object `appeal` writes there");
  }
  static const std::map<std::string, Output> kOutputs = {{"letters", Output::kLetters}, {"envelopes", Output::kEnvelopes},
                                                         {"labels", Output::kLabels},   {"archive", Output::kArchive}};
  const auto str = [&](const char* k) {
    if (!j.is_object() || !j.contains(k) || !j[k].is_string()) {
      throw InputError(file, std::string("/Info/AppealReport/") + k, "expected a string");
    }
    return j[k].get<std::string>();
  };
  const auto out = kOutputs.find(str("output"));
  if (out == kOutputs.end()) throw InputError(file, "/Info/AppealReport/output", "unknown output \"" + str("output") + "\"");
  if (!j.contains("countries") || !j["countries"].is_object()) {
    throw InputError(file, "/Info/AppealReport/countries", "expected an object of counts");
  }
  std::map<std::string, size_t> countries;
  for (const auto& [country, n] : j["countries"].items()) {
    if (!n.is_number_unsigned()) throw InputError(file, "/Info/AppealReport/countries/" + country, "expected a count");
    countries[country] += n.get<size_t>();
  }
  std::lock_guard<std::mutex> lock(mu_);
  cases_.insert(str("case"));
  deadlines_.insert(str("deadline"));
  letter_dates_.insert(str("letter_date"));
  add_locked(out->second, str("target"), str("language"), countries);
}

RunReport::Counts RunReport::total_locked() const {
  Counts t;
  for (const auto& [k, c] : rows_) {
    t.letters += c.letters, t.envelopes += c.envelopes, t.labels += c.labels, t.archive += c.archive;
  }
  return t;
}

bool RunReport::empty() const {
  std::lock_guard<std::mutex> lock(mu_);
  return rows_.empty();
}

std::string RunReport::csv() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string out = "case,deadline,letter_dates,target,language,sender_country,letters,envelopes,labels,archive_copies\n";
  const std::string head = csv_field(joined(cases_)) + "," + csv_field(joined(deadlines_)) + "," +
                           csv_field(joined(letter_dates_)) + ",";
  const Counts total = total_locked();
  for (const auto& [k, c] : rows_) {
    const auto& [target, lang, country] = k;
    out += head + csv_field(target) + "," + csv_field(lang) + "," + csv_field(country) + "," + std::to_string(c.letters) +
           "," + std::to_string(c.envelopes) + "," + std::to_string(c.labels) + "," + std::to_string(c.archive) + "\n";
  }
  out += head + "total,,," + std::to_string(total.letters) + "," + std::to_string(total.envelopes) + "," +
         std::to_string(total.labels) + "," + std::to_string(total.archive) + "\n";
  return out;
}

std::string RunReport::json() const {
  std::lock_guard<std::mutex> lock(mu_);
  nlohmann::ordered_json j;
  j["cases"] = cases_;
  j["deadlines"] = deadlines_;
  j["letter_dates"] = letter_dates_;
  j["rows"] = nlohmann::ordered_json::array();
  const Counts total = total_locked();
  for (const auto& [k, c] : rows_) {
    const auto& [target, lang, country] = k;
    j["rows"].push_back({{"target", target}, {"language", lang}, {"sender_country", country}, {"letters", c.letters},
                         {"envelopes", c.envelopes}, {"labels", c.labels}, {"archive_copies", c.archive}});
  }
  j["total"] = {{"letters", total.letters}, {"envelopes", total.envelopes}, {"labels", total.labels},
                {"archive_copies", total.archive}};
  return j.dump(2) + "\n";
}

namespace {

// ".CSV" as ".csv": file names from other systems.
std::string extension_of(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace

void check_report_path(const std::string& file) {
  const std::string ext = extension_of(file);
  if (ext != ".csv" && ext != ".json" && ext != ".pdf") throw UsageError("--report " + file + ": name a .csv, .json or .pdf file");
}

ReportSummary RunReport::summary(std::time_t created) const {
  std::lock_guard<std::mutex> lock(mu_);
  ReportSummary s;
  s.cases = joined(cases_);
  s.deadlines = joined(deadlines_);
  s.letter_dates = joined(letter_dates_);
  s.created = created;
  const Counts total = total_locked();
  for (const auto& [k, c] : rows_) {
    const auto& [target, lang, country] = k;
    s.rows.push_back({{"target", target}, {"language", lang}, {"sender_country", country.empty() ? "(by hand)" : country},
                      {"letters", std::to_string(c.letters)}, {"envelopes", std::to_string(c.envelopes)},
                      {"labels", std::to_string(c.labels)}, {"archive_copies", std::to_string(c.archive)}});
  }
  s.total = {{"target", "Total"}, {"letters", std::to_string(total.letters)}, {"envelopes", std::to_string(total.envelopes)},
             {"labels", std::to_string(total.labels)}, {"archive_copies", std::to_string(total.archive)}};
  return s;
}

void RunReport::write(const std::filesystem::path& file, text::Typesetter& ts, std::time_t created,
                      const render::OutputSettings& settings, const std::string& font_family) const {
  OutputBatch batch(file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path());
  const auto temp = batch.reserve(file.filename().string());
  const std::string ext = extension_of(file);
  if (ext == ".pdf") {
    layout::LayoutSpec spec = layout::load_layout(resolve_layout("report-a4", "report"));
    resolve_font_families(spec.file, spec.styles, font_family);
    check_layout_fonts(spec.file, spec.styles);
    render::OutputSettings pdf = settings;
    pdf.format = render::Format::kPdf;
    render::write_document(report_document(summary(created), spec, ts), ts.fonts(), pdf, temp);
  } else {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << (ext == ".json" ? json() : csv());
    out.close();
    if (!out) throw OutputError(file.string() + ": cannot write the report");
  }
  batch.commit();
}

}  // namespace appeal::app
