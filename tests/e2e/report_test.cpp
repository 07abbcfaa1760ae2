// A count to report back (issue 18): --report FILE (.csv, .json) for letters, envelopes,
// labels and archive copies, checked against the files written; `appeal report DIR` gives
// the same numbers for the folder from the counts each file carries.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "e2e/sample_case.h"
#include "support/pdf_probe.h"
#include "support/run.h"

namespace {

using nlohmann::json;

const std::filesystem::path kData = test::source_dir() / "tests/data/personal";

test::RunResult appeal(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {test::appeal_bin()};
  argv.insert(argv.end(), args.begin(), args.end());
  return test::run(argv);
}

// CSV report rows by "target,language,country" -> "letters,envelopes,labels,archive".
std::map<std::string, std::string> rows_of(const std::string& csv) {
  std::map<std::string, std::string> out;
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "case,deadline,letter_dates,target,language,sender_country,letters,envelopes,labels,archive_copies");
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::istringstream l(line);
    for (std::string x; std::getline(l, x, ',');) f.push_back(x);
    while (f.size() < 10) f.emplace_back();
    EXPECT_EQ(f[0], "UA 31.22");
    EXPECT_EQ(f[2], "2023-06-16");
    out[f[3] + "," + f[4] + "," + f[5]] = f[6] + "," + f[7] + "," + f[8] + "," + f[9];
  }
  return out;
}

TEST(Report, CountsMatchTheFilesWrittenAndTheFolderReportGivesTheSame) {
  test::TempDir dir;
  const auto out = dir.path() / "out";
  const std::string c = (kData / "case.json").string(), s = (kData / "senders.csv").string();
  const std::vector<std::string> common = {"--senders", s, "-o", out.string(), "--date", "2023-06-16", "-q"};
  const auto run = [&](std::vector<std::string> args) {
    args.insert(args.end(), common.begin(), common.end());
    const auto r = appeal(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
  };
  run({"letters", c, "--split", "--report", (dir.path() / "letters.csv").string()});
  run({"envelopes", c, "--report", (dir.path() / "envelopes.json").string()});
  run({"labels", c, "--report", (dir.path() / "labels.csv").string()});
  run({"archive", c, "--report", (dir.path() / "archive.csv").string()});

  // Letters: one file per letter with --split; the report's count per target and language
  // is the number of files.
  std::map<std::string, size_t> files;  // "target,lang" -> split files
  for (const auto& e : std::filesystem::directory_iterator(out)) {
    const std::string n = e.path().filename().string();
    if (n.size() > 9 && n.find("-envelopes") == std::string::npos && n.find("-labels") == std::string::npos &&
        e.path().extension() == ".pdf") {
      const size_t dash = n.rfind('-');  // ...-<lang>-NNNN.pdf
      const size_t lang = n.rfind('-', dash - 1);
      ++files[n.substr(0, lang) + "," + n.substr(lang + 1, dash - lang - 1)];
    }
  }
  const auto letters = rows_of(test::read_file(dir.path() / "letters.csv"));
  std::map<std::string, size_t> counted;
  for (const auto& [k, v] : letters) {
    if (k.rfind("total", 0) == 0) continue;
    counted[k.substr(0, k.rfind(','))] += std::stoul(v.substr(0, v.find(',')));
  }
  EXPECT_EQ(counted, files);
  EXPECT_EQ(counted["president,en"], 9u);  // ten senders, one chose Russian
  EXPECT_EQ(counted["president,ru"], 9u);  // one chose English
  EXPECT_EQ(letters.at("president,ru,RU"), "1,0,0,0");
  EXPECT_EQ(letters.count("president,en,RU"), 0u);

  // Envelopes: one page each; JSON.
  const json env = json::parse(test::read_file(dir.path() / "envelopes.json"));
  size_t pages = 0;
  for (const auto& e : std::filesystem::directory_iterator(out)) {
    if (e.path().filename().string().find("-envelopes.pdf") != std::string::npos) pages += test::pdfinfo_boxes(e.path()).pages;
  }
  EXPECT_EQ(env["total"]["envelopes"].get<size_t>(), pages);
  EXPECT_EQ(env["cases"], json::array({"UA 31.22"}));
  EXPECT_EQ(env["letter_dates"], json::array({"2023-06-16"}));

  // Labels: one per letter; archive copies: one file each.
  const auto labels = rows_of(test::read_file(dir.path() / "labels.csv"));
  EXPECT_EQ(labels.at("total,,"), "0,0,36,0");
  size_t copies = 0;
  for (const auto& e : std::filesystem::directory_iterator(out / "archive")) copies += e.path().extension() == ".pdf";
  const auto archive = rows_of(test::read_file(dir.path() / "archive.csv"));
  EXPECT_EQ(archive.at("total,,"), "0,0,0," + std::to_string(copies));
  EXPECT_EQ(copies, 36u);

  // The folder, counted later from its files: every run's rows added up.
  const auto r = appeal({"report", out.string(), "--report", (dir.path() / "all.json").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto all = rows_of(r.out);
  EXPECT_EQ(all.at("total,,"), "36,36,36,36");
  for (const auto& [k, v] : letters) {
    if (k.rfind("total", 0) == 0) continue;
    // One sender a country here: one letter, envelope, label and copy each.
    EXPECT_EQ(v, "1,0,0,0") << k;
    EXPECT_EQ(all.at(k), "1,1,1,1") << k;
  }
  const json j = json::parse(test::read_file(dir.path() / "all.json"));
  EXPECT_EQ(j["total"]["archive_copies"].get<size_t>(), copies);
}

TEST(Report, BadReportNamesAndFoldersWithoutCountsExitTwo) {
  test::TempDir dir;
  auto r = appeal({"letters", (kData / "case.json").string(), "-o", (dir.path() / "out").string(), "--report",
                   (dir.path() / "r.txt").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--report " + (dir.path() / "r.txt").string() + ": name a .csv, .json or .pdf file"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out"));
  // The extension in capitals is the same file type.
  r = appeal({"letters", (kData / "case.json").string(), "--target", "president", "--lang", "en", "-q", "-o",
              (dir.path() / "caps").string(), "--report", (dir.path() / "R.CSV").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(test::read_file(dir.path() / "R.CSV").rfind("case,deadline,", 0), 0u);
  std::filesystem::create_directories(dir.path() / "empty");
  r = appeal({"report", (dir.path() / "empty").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no PDF here carries the counts of an appeal run (0 PDF files read)"), std::string::npos) << r.err;
}

// --report summary.pdf: the same counts on paper, set with the letters' typesetting; a
// table longer than a page goes on with its heading again; clean like every output.
TEST(Report, APdfSummaryHoldsTheSameTableOnAsManyPagesAsItNeeds) {
  test::TempDir dir;
  // 60 senders in 60 countries: 240 rows for two targets and two languages.
  const char* countries[] = {"AR", "AT", "AU", "BE", "BG", "BR", "CA", "CH", "CL", "CN", "CO", "CZ", "DE", "DK", "DZ",
                             "EE", "EG", "ES", "FI", "FR", "GB", "GH", "GR", "HR", "HU", "ID", "IE", "IL", "IN", "IS",
                             "IT", "JP", "KE", "KR", "LT", "LU", "LV", "MA", "MX", "MY", "NG", "NL", "NO", "NZ", "PE",
                             "PH", "PL", "PT", "RO", "RS", "SE", "SG", "SI", "SK", "TH", "TN", "TR", "UA", "US", "ZA"};
  std::string csv = "name,address,country\n";
  for (const char* c : countries) csv += std::string("Sender ") + c + ",Street 1," + c + "\n";
  test::write_file(dir.path() / "senders.csv", csv);
  const auto r = appeal({"envelopes", (test::source_dir() / "samples/ua-31-22/case.json").string(), "--senders",
                         (dir.path() / "senders.csv").string(), "-o", (dir.path() / "out").string(), "--date", "2023-06-16",
                         "-q", "--report", (dir.path() / "summary.pdf").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto pdf = dir.path() / "summary.pdf";
  std::string report;
  EXPECT_TRUE(test::qpdf_clean(pdf, &report)) << report;
  const auto check = appeal({"check", pdf.string()});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  for (const auto& f : test::pdffonts(pdf)) EXPECT_TRUE(f.embedded && f.subset && f.unicode) << f.name;
  const int pages = test::pdfinfo_boxes(pdf).pages;
  EXPECT_GE(pages, 4);
  for (int p = 1; p <= pages; ++p) {
    const std::string text = test::pdftotext(pdf, p, p);
    EXPECT_NE(text.find("Senders in"), std::string::npos) << "the heading on page " << p;
  }
  // Read row by row (pdftotext -layout keeps a table's rows on their lines).
  const auto layout = test::run({"pdftotext", "-layout", pdf.string(), "-"});
  ASSERT_EQ(layout.exit_code, 0) << layout.err;
  const std::string text = test::normalize_ws(layout.out);
  EXPECT_NE(text.find("Report: UA 31.22"), std::string::npos);
  EXPECT_NE(text.find("president ru ZA South Africa 0 1 0 0"), std::string::npos) << text.substr(0, 400);
  EXPECT_NE(text.find("Total 0 240 0 0"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / ".summary.pdf"));
}

}  // namespace
