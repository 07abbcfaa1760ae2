// Text as people's files hold it: NFD from macOS spreadsheets and editors is drawn and
// extracted as NFC; a sender's name or address the fonts cannot draw is bad input at its
// line:column, before any output (never an empty box on an envelope).
#include <gtest/gtest.h>

#include "e2e/sample_case.h"
#include "support/pdf_probe.h"
#include "support/run.h"

namespace {

using nlohmann::json;


TEST(UnicodeInput, NfdInTheCaseAndTheCsvComesOutNfc) {
  test::TempDir dir;
  json c = test::sample_case();
  // "Siobhán" and "café" typed with combining accents (U+0301), as macOS writes them.
  c["letters"]["en"]["body"][0] = "A visit to the cafe\u0301 in Almaty was cut short.";
  const auto case_file = dir.path() / "case.json";
  test::write_file(case_file, c.dump(2));
  const auto csv = dir.path() / "senders.csv";
  test::write_file(csv, "name,address,country\nSiobha\u0301n Nuana\u0301in,\"1 Main Street\nEnnis\",IE\n");
  const auto r = test::run({test::appeal_bin(), "letters", case_file.string(), "--senders", csv.string(), "--lang", "en",
                            "--target", "president", "-o", (dir.path() / "out").string(), "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = test::pdftotext(dir.path() / "out/president-en.pdf");
  EXPECT_NE(text.find("caf\u00E9"), std::string::npos);
  EXPECT_NE(text.find("Siobh\u00E1n Nuan\u00E1in"), std::string::npos);
  EXPECT_EQ(text.find("\u0301"), std::string::npos);  // no combining mark left over
  for (const auto& f : test::pdffonts(dir.path() / "out/president-en.pdf")) EXPECT_TRUE(f.embedded && f.subset);
}

struct Undrawable {
  std::string label, csv, where;
};

class UndrawableSender : public ::testing::TestWithParam<Undrawable> {};

TEST_P(UndrawableSender, IsBadInputAtItsLineAndColumn) {
  const Undrawable& u = GetParam();
  test::TempDir dir;
  const auto csv = dir.path() / "senders.csv";
  test::write_file(csv, u.csv);
  for (const char* cmd : {"letters", "envelopes", "labels", "archive"}) {
    const auto out = dir.path() / cmd;
    const auto r = test::run({test::appeal_bin(), cmd, (test::source_dir() / "samples/ua-31-22/case.json").string(),
                              "--senders", csv.string(), "-o", out.string(), "-q"});
    EXPECT_EQ(r.exit_code, 2) << cmd << ": " << r.err;
    EXPECT_NE(r.err.find(u.where), std::string::npos) << cmd << ": " << r.err;
    EXPECT_NE(r.err.find("cannot be drawn"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out) && !std::filesystem::is_empty(out)) << cmd << " left files behind";
  }
}

INSTANTIATE_TEST_SUITE_P(
    Scripts, UndrawableSender,
    ::testing::Values(
        Undrawable{"Chinese", "name,address,country\nAnna Smith,\"1 Main St\nEnnis\",IE\n王晓明,\"1 Main St\nEnnis\",IE\n",
                   "senders.csv:4:1: U+738B '王'"},  // the first record's address takes lines 2-3
        Undrawable{"EmojiInAddress", "name,address,country\nAnna Smith,\"1 Main St 🙂\nEnnis\",IE\n",
                   "senders.csv:2:22: U+1F642"},
        Undrawable{"ArabicOnSecondAddressLine", "name,address,country\nAnna Smith,\"1 Main St\nشارع\",IE\n",
                   "senders.csv:3:1: U+0634"}),
    [](const auto& info) { return info.param.label; });


TEST(UnicodeInput, AGroupFileTheFontsCannotDrawIsBadInput) {
  test::TempDir dir;
  const auto group = dir.path() / "group.json";
  test::write_file(group, R"({"name": "Amnesty 東京", "lines": ["1 Main St"]})");
  const auto out = dir.path() / "out";
  const auto r = test::run({test::appeal_bin(), "leaflet", (test::source_dir() / "samples/ua-31-22/case.json").string(),
                            "--group", group.string(), "-o", out.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("group.json:/name: U+6771"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out) && !std::filesystem::is_empty(out));
}

}  // namespace
