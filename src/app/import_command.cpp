// `appeal import UA.{txt,pdf,html,docx} -o case.json`: an Urgent Action document read into a
// case file and a report of what is unsure (docs/import.md); `--check case.json` compares
// a hand-corrected case with a fresh import instead of writing.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "app/commands.h"
#include "app/date_policy.h"
#include "common/input_error.h"
#include "common/json_reader.h"
#include "extract/document_text.h"
#include "importer/ua_import.h"
#include "text/language_tag.h"

namespace appeal::app {
namespace {

std::string quoted(const nlohmann::json& v) {
  std::string s = v.is_string() ? "\"" + v.get<std::string>() + "\"" : v.dump();
  if (s.size() > 160) s = s.substr(0, 150) + "...\"";
  return s;
}

// Writes each file whole or none: temporary files beside them, renamed when all are
// written (the folder is created if missing).
void write_all(const std::vector<std::pair<std::filesystem::path, std::string>>& files) {
  std::vector<std::filesystem::path> temps;
  auto fail = [&](const std::string& what) {
    std::error_code ec;
    for (const auto& t : temps) std::filesystem::remove(t, ec);
    throw OutputError(what);
  };
  for (const auto& [path, text] : files) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    const std::filesystem::path tmp = path.string() + ".tmp-import";
    temps.push_back(tmp);
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) fail("cannot write " + path.string());
  }
  for (size_t i = 0; i < files.size(); ++i) {
    std::error_code ec;
    std::filesystem::rename(temps[i], files[i].first, ec);
    if (ec) fail("cannot write " + files[i].first.string() + ": " + ec.message());
  }
}

// "case.json" -> "case.import.json", beside it.
std::filesystem::path report_path(const std::filesystem::path& out) {
  std::filesystem::path r = out;
  r.replace_extension();
  return r.string() + ".import.json";
}

bool has_placeholder(const nlohmann::json& v) {
  return v.is_string() && v.get_ref<const std::string&>().find(importer::kPlaceholder) != std::string::npos;
}

}  // namespace

int run_import(const RunOptions& a) {
  importer::ImportOptions opt;
  opt.id = a.id;
  if (!a.langs.empty()) {
    const std::vector<std::string> l = cli_languages(a.langs);
    if (l.size() != 1) throw UsageError("--lang: give the one language the document is written in");
    opt.language = l[0];
  }
  opt.today = letter_dates(a.date).letter_date;
  const extract::DocumentText doc = extract::read_document(a.case_file);
  if (a.trace) {
    // --text: the document as the importer reads it, one paragraph per block.
    for (const extract::Paragraph& p : doc.paragraphs) {
      std::cout << "[page " << p.page << (p.gap_before ? ", after a gap" : "") << "]\n";
      for (const std::string& l : p.lines) std::cout << "  " << l << "\n";
      for (const extract::Link& l : p.links) std::cout << "  -> " << l.href << " (" << l.text << ")\n";
    }
    for (const std::string& f : doc.furniture) std::cout << "[page furniture] " << f << "\n";
    return 0;
  }
  const importer::ImportResult r = importer::import_ua(doc, a.case_file, opt);
  const std::string source = std::filesystem::path(a.case_file).filename().string();

  if (!a.check.empty()) {
    // A hand-corrected case against a fresh import: what the document now says differently.
    const nlohmann::json mine = read_json_file(a.check);
    const nlohmann::json fresh = nlohmann::json::parse(r.case_json.dump());
    const nlohmann::json patch = nlohmann::json::diff(mine, fresh);
    const std::string name = std::filesystem::path(a.check).filename().string();
    size_t differences = 0, translated = 0;
    for (const auto& op : patch) {
      const std::string path = op.at("path");
      const std::string kind = op.at("op");
      const nlohmann::json::json_pointer ptr(path);
      if (kind == "replace") {
        if (has_placeholder(op.at("value"))) {
          ++translated;  // the case has what the document lacks: a translation
          continue;
        }
        std::cout << name << ":" << path << ": the case has " << quoted(mine.at(ptr)) << "; " << source << " has "
                  << quoted(op.at("value")) << "\n";
      } else if (kind == "add") {
        if (has_placeholder(op.at("value"))) continue;
        std::cout << name << ":" << path << ": only in " << source << ": " << quoted(op.at("value")) << "\n";
      } else if (kind == "remove") {
        std::cout << name << ":" << path << ": only in the case: " << quoted(mine.at(ptr)) << "\n";
      } else {
        continue;
      }
      ++differences;
    }
    std::cout << name << ": " << differences << " difference" << (differences == 1 ? "" : "s") << " from " << source;
    if (translated) std::cout << " (" << translated << " placeholder" << (translated == 1 ? "" : "s") << " of the import filled in by the case)";
    std::cout << "\n";
    return differences == 0 ? 0 : 3;
  }

  const std::filesystem::path out = a.out_dir;
  nlohmann::ordered_json report;
  report["source"] = source;
  report["case"] = out.filename().string();
  report["format"] = doc.format;
  report["unsure"] = nlohmann::ordered_json::array();
  for (const importer::Finding& f : r.findings) {
    nlohmann::ordered_json e;
    e["field"] = f.field;
    e["pointer"] = f.pointer;
    e["found"] = f.found;
    e["why"] = f.why;
    report["unsure"].push_back(e);
  }
  write_all({{out, r.case_json.dump(2, ' ', false) + "\n"}, {report_path(out), report.dump(2, ' ', false) + "\n"}});
  if (!a.quiet) {
    for (const importer::Finding& f : r.findings) {
      std::cerr << out.filename().string() << ":" << f.pointer << ": " << f.why;
      if (!f.found.empty()) std::cerr << " (found: \"" << f.found << "\")";
      std::cerr << "\n";
    }
    std::cerr << "appeal import: wrote " << out.string() << " and " << report_path(out).string() << " ("
              << r.findings.size() << " thing" << (r.findings.size() == 1 ? "" : "s") << " to check)\n";
  }
  return 0;
}

}  // namespace appeal::app
