// Mail merge end to end: 50 senders into one print file per target and language.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <csignal>
#include <set>
#include <sstream>

#include <sys/wait.h>
#include <unistd.h>

#include "e2e/sample_case.h"
#include "support/pdf_probe.h"
#include "support/run.h"

namespace {

// 50 senders from several countries, names with diacritics and Cyrillic, every 7th with
// the sample's signature with transparency.
std::string fifty_senders(std::vector<std::string>& names) {
  const char* first[] = {"Łukasz", "Siobhán", "Zoë", "Jürgen", "Айгерім", "François", "Ingrid", "Mateus", "Ольга", "Nuno"};
  const char* last[] = {"Kowalski", "O'Neill", "Müller", "Сәрсенова", "Lefèvre", "Ødegård", "Ribeiro", "Иванова"};
  const char* country[] = {"PL", "IE", "DE", "KZ", "FR", "NO", "PT", "RU", "GB", "US"};
  std::ostringstream csv;
  csv << "name,address,country,signature\n";
  for (int i = 0; i < 50; ++i) {
    const std::string name = std::string(first[i % 10]) + " " + last[i % 8] + " " + std::to_string(i + 1);
    names.push_back(name);
    csv << '"' << name << "\",\"Street " << i + 1 << "\n" << 10000 + i << " Town\"," << country[i % 10] << ','
        << (i % 7 == 0 ? test::source_dir().string() + "/samples/ua-31-22/signatures/anna.png" : "") << '\n';
  }
  return csv.str();
}

TEST(Merge, FiftySendersOneFilePerTargetAndLanguage) {
  test::TempDir dir;
  std::vector<std::string> names;
  test::write_file(dir.path() / "senders.csv", fifty_senders(names));
  const auto out = dir.path() / "out";
  const auto r = test::render_letters(test::source_dir() / "samples/ua-31-22/case.json", out,
                                      {"--senders", (dir.path() / "senders.csv").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const std::string file : {"president-ru.pdf", "president-en.pdf", "ambassador-us-ru.pdf", "ambassador-us-en.pdf"}) {
    const auto pdf = out / file;
    std::string report;
    EXPECT_TRUE(test::qpdf_clean(pdf, &report)) << file << report;
    // One-page letters, each followed by a blank back: 50 × 2 pages.
    EXPECT_EQ(test::pdfinfo_boxes(pdf).pages, 100) << file;
    // Fonts are embedded once per file, not once per letter.
    std::set<std::string> base_names;
    for (const auto& f : test::pdffonts(pdf)) {
      EXPECT_TRUE(f.embedded && f.subset && f.unicode) << f.name;
      EXPECT_TRUE(base_names.insert(f.name.substr(7)).second) << "font embedded twice: " << f.name;
    }
    EXPECT_LE(base_names.size(), 4u);
    // Each sender's name on the first page of their letter; the back page is blank.
    for (size_t i = 0; i < names.size(); i += 7) {
      const int page = static_cast<int>(2 * i + 1);
      EXPECT_NE(test::normalize_ws(test::pdftotext(pdf, page, page)).find(names[i]), std::string::npos)
          << file << " page " << page << " lacks " << names[i];
      EXPECT_EQ(test::normalize_ws(test::pdftotext(pdf, page + 1, page + 1)), "") << file << " page " << page + 1;
    }
  }
  // The signature image is embedded once, with its soft mask.
  const auto images = test::run({"pdfimages", "-list", (out / "president-ru.pdf").string()});
  size_t smasks = 0, image_objects = 0;
  std::set<std::string> ids;
  std::istringstream in(images.out);
  std::string line;
  std::getline(in, line), std::getline(in, line);
  while (std::getline(in, line)) {
    std::istringstream f(line);
    std::vector<std::string> t;
    for (std::string x; f >> x;) t.push_back(x);
    if (t.size() < 12) continue;
    smasks += t[2] == "smask";
    if (t[2] == "image") ids.insert(t[10]), ++image_objects;
  }
  EXPECT_EQ(image_objects, 8u);  // senders 1, 8, 15, ... 50: drawn 8 times
  EXPECT_EQ(ids.size(), 1u) << "one image object reused";
  EXPECT_GE(smasks, 1u);
}

TEST(Merge, SplitWritesOneFilePerSender) {
  test::TempDir dir;
  const auto out = dir.path() / "out";
  const auto r = test::render_letters(test::source_dir() / "samples/ua-31-22/case.json", out,
                                      {"--senders", (test::source_dir() / "samples/ua-31-22/senders.csv").string(),
                                       "--split", "--lang", "en"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (int i = 1; i <= 5; ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "president-en-%04d.pdf", i);
    ASSERT_TRUE(std::filesystem::exists(out / name)) << name;
    EXPECT_EQ(test::pdfinfo_boxes(out / name).pages, 1);
  }
  const std::string text = test::normalize_ws(test::pdftotext(out / "president-en-0003.pdf"));
  EXPECT_NE(text.find("Klaus Müller"), std::string::npos);
  EXPECT_NE(text.find("KASACHSTAN"), std::string::npos) << "German sender: country line in German";
}

// Files are written under private temporary names, then renamed: the finished PDF must
// still get the ordinary mode of a new file (0666 less the umask), not mkostemp's 0600.
TEST(Merge, FinishedFilesHaveTheUsualPermissions) {
  test::TempDir dir;
  const auto out = dir.path() / "out";
  const mode_t old = ::umask(022);
  const auto r = test::render_letters(test::source_dir() / "samples/ua-31-22/case.json", out, {"--lang", "en"});
  ::umask(old);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  struct stat st {};
  ASSERT_EQ(::stat((out / "president-en.pdf").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
}

TEST(Merge, ParallelJobsWriteTheSameBytes) {
  test::TempDir dir;
  const auto csv = (test::source_dir() / "samples/ua-31-22/senders.csv").string();
  for (const char* jobs : {"1", "3"}) {
    const auto r = test::render_letters(test::source_dir() / "samples/ua-31-22/case.json", dir.path() / jobs,
                                        {"--senders", csv, "--jobs", jobs});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  for (const std::string file : {"president-ru.pdf", "president-en.pdf", "ambassador-us-ru.pdf", "ambassador-us-en.pdf"}) {
    EXPECT_TRUE(test::read_file(dir.path() / "1" / file) == test::read_file(dir.path() / "3" / file)) << file;
  }
}

TEST(Merge, BodyFromTheSharedFormExtractsExactly) {
  test::TempDir dir;
  const auto r = test::render_letters(test::source_dir() / "samples/ua-31-22/case.json", dir.path(),
                                      {"--senders", (test::source_dir() / "samples/ua-31-22/senders.csv").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto c = test::sample_case();
  // The English file has all five senders; the Russian one the three who did not choose
  // English (CSV "language": Anna Kowalska and Siobhán O'Brien chose "en").
  for (const auto& [lang, last] : {std::pair<std::string, int>{"ru", 5}, {"en", 9}}) {
    const auto pdf = dir.path() / ("president-" + lang + ".pdf");
    EXPECT_EQ(test::pdfinfo_boxes(pdf).pages, last + 1) << lang;
    for (int page : {1, last}) {  // the first and the last sender
      const std::string text = test::normalize_ws(test::pdftotext(pdf, page, page));
      for (const auto& p : c["letters"][lang]["body"]) {
        EXPECT_NE(text.find(test::normalize_ws(p)), std::string::npos) << lang << " page " << page << ": " << p;
      }
      EXPECT_NE(text.find(c["letters"][lang]["closing"].get<std::string>()), std::string::npos);
    }
  }
}

TEST(Merge, BrokenSignatureImageIsABadInputError) {
  test::TempDir dir;
  std::string png = test::read_file(test::source_dir() / "samples/ua-31-22/signatures/jean.png");
  png.resize(60);  // the header survives, the image data does not
  test::write_file(dir.path() / "broken.png", png);
  test::write_file(dir.path() / "senders.csv", "name,address,country,signature\nA,Street 1,GB,broken.png\n");
  const auto out = dir.path() / "out";
  const auto r = test::render_letters(test::source_dir() / "samples/ua-31-22/case.json", out,
                                      {"--senders", (dir.path() / "senders.csv").string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("broken.png: cannot read the image"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out) && !std::filesystem::is_empty(out));
}

TEST(Merge, SenderErrorsNameTheCsvLineAndLeaveNothing) {
  test::TempDir dir;
  test::write_file(dir.path() / "senders.csv", "name,address,country\nA,Street 1,GB\nB,Street 2,XX\n");
  const auto out = dir.path() / "out";
  const auto r = test::render_letters(test::source_dir() / "samples/ua-31-22/case.json", out,
                                      {"--senders", (dir.path() / "senders.csv").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("senders.csv:3:12: record 2, column \"country\": unknown ISO 3166-1 alpha-2 country code \"XX\""),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(out) && !std::filesystem::is_empty(out));
}

}  // namespace

namespace {

// An interrupted run (Ctrl-C, a service stopping) leaves no temporary file and no partial
// PDF behind, and ends with 128 + the signal's number.
TEST(Merge, InterruptLeavesNothingBehind) {
  test::TempDir dir;
  std::string csv = "name,address,country\n";
  for (int i = 0; i < 30000; ++i) csv += "Sender " + std::to_string(i) + ",\"1 Main St\nEnnis\",IE\n";
  test::write_file(dir.path() / "senders.csv", csv);
  const auto out = dir.path() / "out";
  const std::string bin = test::appeal_bin(), case_json = (test::source_dir() / "samples/ua-31-22/case.json").string(),
                    senders = (dir.path() / "senders.csv").string(), out_s = out.string();
  for (int sig : {SIGINT, SIGTERM}) {
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      execl(bin.c_str(), bin.c_str(), "letters", case_json.c_str(), "--senders", senders.c_str(), "-o", out_s.c_str(),
            "-q", static_cast<char*>(nullptr));
      _exit(127);
    }
    // Wait until the run has started writing, then interrupt it.
    bool writing = false;
    for (int i = 0; i < 400 && !writing; ++i) {
      usleep(10000);
      std::error_code ec;
      if (std::filesystem::exists(out, ec)) {
        for (const auto& e : std::filesystem::directory_iterator(out, ec)) writing = writing || e.path().filename().string()[0] == '.';
      }
    }
    ASSERT_TRUE(writing) << "the merge never started writing";
    kill(pid, sig);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status)) << "killed instead of cleaning up";
    EXPECT_EQ(WEXITSTATUS(status), 128 + sig);
    for (const auto& e : std::filesystem::directory_iterator(out)) ADD_FAILURE() << "left behind: " << e.path();
  }
}

}  // namespace

namespace {

// Every bad record of a senders CSV is reported in one run, in file order, each with its
// line:column, record and column; nothing is written.
TEST(Merge, EveryBadRecordIsReportedAtOnce) {
  test::TempDir dir;
  test::write_file(dir.path() / "senders.csv",
                   "name,address,country,email\nAnna,1 Main St,XX,a@b.org\nBob,2 St,GB,bob@@x.org\n\"\",3 St,IE,\n"
                   "Dan,4 St,IE,\nEve,5 St,UK,\n");
  const auto out = dir.path() / "out";
  const auto r = test::render_letters(test::source_dir() / "samples/ua-31-22/case.json", out,
                                      {"--senders", (dir.path() / "senders.csv").string()});
  EXPECT_EQ(r.exit_code, 2);
  const std::vector<std::string> want = {
      "senders.csv:2:16: record 1, column \"country\": unknown ISO 3166-1 alpha-2 country code \"XX\"",
      "senders.csv:3:13: record 2, column \"email\": an e-mail address has one @",
      "senders.csv:4:1: record 3, column \"name\": the name is empty",
      "senders.csv:6:10: record 5, column \"country\": unknown ISO 3166-1 alpha-2 country code \"UK\"; did you mean \"GB\"?"};
  size_t at = 0;
  for (const std::string& w : want) {
    const size_t p = r.err.find(w, at);
    EXPECT_NE(p, std::string::npos) << w << "\n" << r.err;
    if (p != std::string::npos) at = p;
  }
  EXPECT_FALSE(std::filesystem::exists(out) && !std::filesystem::is_empty(out));
}

}  // namespace
