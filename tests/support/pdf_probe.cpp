#include "support/pdf_probe.h"

#include <cstring>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "support/run.h"

namespace test {

std::vector<FontRow> pdffonts(const std::filesystem::path& pdf) {
  const RunResult r = run({"pdffonts", pdf.string()});
  if (r.exit_code != 0) throw std::runtime_error("pdffonts failed: " + r.err);
  std::vector<FontRow> rows;
  std::istringstream in(r.out);
  std::string line;
  std::getline(in, line);  // header
  std::getline(in, line);  // dashes
  while (std::getline(in, line)) {
    // name type... encoding emb sub uni object ID: the last 5 fields are fixed.
    std::istringstream f(line);
    std::vector<std::string> tok;
    for (std::string t; f >> t;) tok.push_back(t);
    if (tok.size() < 7) continue;
    FontRow row;
    row.name = tok[0];
    const size_t n = tok.size();
    row.embedded = tok[n - 5] == "yes";
    row.subset = tok[n - 4] == "yes";
    row.unicode = tok[n - 3] == "yes";
    for (size_t i = 1; i + 6 < n; ++i) row.type += (row.type.empty() ? "" : " ") + tok[i];
    rows.push_back(row);
  }
  return rows;
}

PageBoxes pdfinfo_boxes(const std::filesystem::path& pdf) {
  const RunResult r = run({"pdfinfo", "-box", pdf.string()});
  if (r.exit_code != 0) throw std::runtime_error("pdfinfo failed: " + r.err);
  PageBoxes b;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream f(line);
    std::string key;
    f >> key;
    Box box;
    if (key == "Pages:") f >> b.pages;
    if (!(f >> box.x0 >> box.y0 >> box.x1 >> box.y1)) continue;
    if (key == "MediaBox:") b.media = box;
    if (key == "CropBox:") b.crop = box;
    if (key == "BleedBox:") b.bleed = box;
    if (key == "TrimBox:") b.trim = box;
    if (key == "ArtBox:") b.art = box;
  }
  return b;
}

namespace {
std::string unescape_xml(std::string s) {
  const std::pair<const char*, const char*> ents[] = {{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : ents) {
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + 1)) s.replace(p, std::strlen(from), to);
  }
  return s;
}
}  // namespace

std::vector<Word> pdftotext_words(const std::filesystem::path& pdf) {
  const RunResult r = run({"pdftotext", "-bbox", pdf.string(), "-"});
  if (r.exit_code != 0) throw std::runtime_error("pdftotext -bbox failed: " + r.err);
  static const std::regex word_re(
      R"re(<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</word>)re");
  std::vector<Word> words;
  int page = 0;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    if (line.find("<page ") != std::string::npos) ++page;
    std::smatch m;
    if (std::regex_search(line, m, word_re)) {
      words.push_back({page, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), unescape_xml(m[5])});
    }
  }
  return words;
}

std::string pdftotext(const std::filesystem::path& pdf, int first_page, int last_page) {
  std::vector<std::string> args = {"pdftotext"};
  if (first_page) args.insert(args.end(), {"-f", std::to_string(first_page)});
  if (last_page) args.insert(args.end(), {"-l", std::to_string(last_page)});
  args.insert(args.end(), {pdf.string(), "-"});
  const RunResult r = run(args);
  if (r.exit_code != 0) throw std::runtime_error("pdftotext failed: " + r.err);
  return r.out;
}

bool qpdf_clean(const std::filesystem::path& pdf, std::string* report) {
  const RunResult r = run({"qpdf", "--check", pdf.string()});
  // And the product's own checker (PoDoFo), under the profile the file claims: every PDF
  // a test checks goes through both.
  const RunResult own = run({appeal_bin(), "check", pdf.string()});
  if (report) *report = r.out + r.err + own.out + own.err;
  return r.exit_code == 0 && r.out.find("No syntax or stream encoding errors") != std::string::npos &&
         own.exit_code == 0;
}

}  // namespace test
