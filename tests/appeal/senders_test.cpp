#include <gtest/gtest.h>

#include "appeal/senders.h"
#include "common/input_error.h"
#include "support/run.h"

using namespace appeal;

namespace {

class SendersTest : public ::testing::Test {
 protected:
  test::TempDir dir;
  std::filesystem::path write(const std::string& content) {
    const auto f = dir.path() / "senders.csv";
    test::write_file(f, content);
    return f;
  }
  // The InputError location for a CSV that must be rejected.
  std::string error_at(const std::string& content, std::string* message = nullptr) {
    try {
      read_senders(write(content));
    } catch (const InputError& e) {
      if (message) *message = e.what();
      return e.where();
    }
    return "accepted";
  }
};

TEST_F(SendersTest, QuotedFieldsWithCommasNewlinesAndQuotes) {
  const auto s = read_senders(write(
      "name,address,country\n"
      "\"O'Brien, Siobhán\",\"4 Main Street\nEnnis\nCo. Clare\",IE\n"
      "\"Anna \"\"Ann\"\" Kowalska\",12 Hillside Road,GB\n"));
  ASSERT_EQ(s.senders.size(), 2u);
  EXPECT_EQ(s.senders[0].name, "O'Brien, Siobhán");
  EXPECT_EQ(s.senders[0].address, (std::vector<std::string>{"4 Main Street", "Ennis", "Co. Clare"}));
  EXPECT_EQ(s.senders[0].line, 2u);
  EXPECT_EQ(s.senders[1].name, "Anna \"Ann\" Kowalska");
  EXPECT_EQ(s.senders[1].line, 5u);  // the quoted newlines count as lines, as in an editor
}

TEST_F(SendersTest, ByteOrderMarkAndCrLf) {
  const auto s = read_senders(write("\xEF\xBB\xBFname,address,country\r\nKlaus Müller,\"Schloßstraße 5\r\n10117 Berlin\",de\r\n"));
  ASSERT_EQ(s.senders.size(), 1u);
  EXPECT_EQ(s.senders[0].name, "Klaus Müller");
  EXPECT_EQ(s.senders[0].address, (std::vector<std::string>{"Schloßstraße 5", "10117 Berlin"}));
  EXPECT_EQ(s.senders[0].country, "DE");
}

TEST_F(SendersTest, UnknownColumnsAreIgnoredWithAWarning) {
  const auto s = read_senders(write("name,address,country,phone\nA,B,GB,123\n"));
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_NE(s.warnings[0].find("senders.csv:1:22: unknown column \"phone\""), std::string::npos) << s.warnings[0];
}

TEST_F(SendersTest, MissingColumn) {
  std::string msg;
  EXPECT_EQ(error_at("name,country\nA,GB\n", &msg), "1:1");
  EXPECT_NE(msg.find("the header row has no column \"address\" (required: name, address, country"), std::string::npos) << msg;
}

TEST_F(SendersTest, BadCountryCodeNamesLineAndColumn) {
  std::string msg;
  EXPECT_EQ(error_at("name,address,country\nA,\"x\ny\",GB\nB,street,XX\n", &msg), "4:10");
  EXPECT_NE(msg.find("unknown ISO 3166-1 alpha-2 country code \"XX\""), std::string::npos) << msg;
}

TEST_F(SendersTest, MissingSignatureFile) {
  std::string msg;
  EXPECT_EQ(error_at("name,address,country,signature\nA,street,GB,sig/none.png\n", &msg), "2:13");
  EXPECT_NE(msg.find("signature file \"sig/none.png\" does not exist"), std::string::npos) << msg;
}

TEST_F(SendersTest, SignatureMustBeAPng) {
  test::write_file(dir.path() / "sig.png", "GIF89a not a png");
  std::string msg;
  EXPECT_EQ(error_at("name,address,country,signature\nA,street,GB,sig.png\n", &msg), "2:13");
  EXPECT_NE(msg.find("is not a PNG"), std::string::npos) << msg;
}

TEST_F(SendersTest, WrongFieldCount) {
  EXPECT_EQ(error_at("name,address,country\nA,street\n"), "2:1");
}

TEST_F(SendersTest, UnclosedQuote) {
  std::string msg;
  // Reported where the quote opened, with the record and column it belongs to.
  EXPECT_EQ(error_at("name,address,country\nA,\"street,GB\n", &msg), "2:3");
  EXPECT_NE(msg.find("record 1, column \"address\": the quoted field opened here is never closed"), std::string::npos) << msg;
}

TEST_F(SendersTest, EmptyNameAndUnknownLanguage) {
  EXPECT_EQ(error_at("name,address,country\n  ,street,GB\n"), "2:1");
  EXPECT_EQ(error_at("name,address,country,language\nA,street,GB,xx\n"), "2:13");
}

TEST_F(SendersTest, NotUtf8) {
  std::string msg;
  EXPECT_EQ(error_at("name,address,country\nM\xFCller,street,DE\n", &msg), "2:2");
  EXPECT_NE(msg.find("not UTF-8"), std::string::npos);
}

TEST_F(SendersTest, TheSampleFileReads) {
  const auto s = read_senders(test::source_dir() / "samples/ua-31-22/senders.csv");
  EXPECT_EQ(s.senders.size(), 5u);
  EXPECT_TRUE(s.warnings.empty());
  EXPECT_TRUE(std::filesystem::exists(s.senders[0].signature));
}

}  // namespace

namespace {

// Issue 13: every message names line:column, the record (1 = first sender) and the column.
struct CsvCase {
  const char* name;
  std::string csv;
  std::string where;    // line:column
  std::string message;  // part of what()
};

class CsvErrors : public ::testing::TestWithParam<CsvCase> {};

TEST_P(CsvErrors, NameLineRecordAndColumn) {
  test::TempDir dir;
  const auto f = dir.path() / "senders.csv";
  test::write_file(f, GetParam().csv);
  try {
    read_senders(f);
    ADD_FAILURE() << "accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), GetParam().where) << e.what();
    EXPECT_NE(std::string(e.what()).find(GetParam().message), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CsvErrors,
    ::testing::Values(
        CsvCase{"UnterminatedQuoteReportedWhereItOpened",
                "name,address,country\nAnna,\"1 Main St,IE\nBob,2 High St,GB\nCarl,\"3 Low St\",GB\n", "2:6",
                "record 1, column \"address\": the quoted field opened here is not closed where it should be: at 4:7"},
        CsvCase{"QuoteNeverClosed", "name,address,country\nA,\"street,GB\n", "2:3",
                "record 1, column \"address\": the quoted field opened here is never closed"},
        CsvCase{"StrayQuoteInUnquotedField", "name,address,country\nAnna,5\" Avenue,IE\n", "2:7",
                "record 1, column \"address\": a quote inside an unquoted field"},
        CsvCase{"TooManyFields", "name,address,country\nAnna,1 Main St, Dublin,IE\n", "2:1",
                "record 1 has 4 fields, the header 3 (a comma inside a field? put the field in double quotes)"},
        CsvCase{"TooFewFields", "name,address,country\nAnna,IE\n", "2:1", "record 1 has 2 fields, the header 3"},
        CsvCase{"MisspeltHeader", "name,adress,country\nAnna,1 Main St,IE\n", "1:6",
                "column \"adress\" is not known; did you mean \"address\"? (required: name, address, country"},
        CsvCase{"NoHeaderRow", "\n\nAnna,1 Main St,IE\n", "1:1", "the header row has no column \"name\" (required: name, address, country"},
        CsvCase{"Utf16", std::string("\xFF\xFEn\0a\0m\0e\0", 10), "1:1", "the file is UTF-16 text, not UTF-8"},
        CsvCase{"Latin1", "name,address,country\nRen\xE9,1 Main St,IE\n", "2:4",
                "record 1, column \"name\": byte 0xE9 is not UTF-8; the file looks like Windows-1252 or Latin-1"},
        CsvCase{"Noncharacter", "name,address,country\n\"An\xEF\xBF\xBFna\",x,IE\n", "2:4",
                "record 1, column \"name\": the field holds a noncharacter U+FFFF"},
        CsvCase{"ControlCharacter", "name,address,country\nAn\x01na,x,IE\n", "2:3",
                "record 1, column \"name\": the field holds a control character U+0001"},
        CsvCase{"NameOnTwoLines", "name,address,country\n\"Anna\nSmith\",x,IE\n", "2:6",
                "record 1, column \"name\": a name is one line"},
        CsvCase{"UkIsGb", "name,address,country\nAnna,1 Main St,UK\n", "2:16",
                "record 1, column \"country\": unknown ISO 3166-1 alpha-2 country code \"UK\"; did you mean \"GB\"?"},
        CsvCase{"SecondRecordAfterMultilineFirst", "name,address,country\nA,\"x\ny\",GB\nB,street,XX\n", "4:10",
                "record 2, column \"country\""},
        CsvCase{"BadSenderEmail", "name,address,country,email\nAnna,x,IE,anna@@example.org\n", "2:11",
                "record 1, column \"email\": an e-mail address has one @"},
        CsvCase{"BlankLinesDoNotCountAsRecords", "name,address,country\nA,x,GB\n\nB,y,XX\n", "4:5",
                "record 2, column \"country\""}),
    [](const auto& info) { return std::string(info.param.name); });

// Accepted although unusual: semicolons or tabs between fields (Excel in many locales),
// CRLF inside quoted fields, empty optional fields, "" inside quotes, double spaces kept.
TEST(CsvAccepted, SemicolonsTabsCrLfEmptyOptionalsAndDoubledQuotes) {
  test::TempDir dir;
  const auto f = dir.path() / "senders.csv";
  test::write_file(f, "name;address;country;email\r\n\"Anna  \"\"Ann\"\" Smith\";\"1 Main St\r\nEnnis\";IE;\r\n");
  const auto s = read_senders(f);
  ASSERT_EQ(s.senders.size(), 1u);
  EXPECT_EQ(s.senders[0].name, "Anna  \"Ann\" Smith");
  EXPECT_EQ(s.senders[0].address, (std::vector<std::string>{"1 Main St", "Ennis"}));
  EXPECT_EQ(s.senders[0].email, "");
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_NE(s.warnings[0].find("separated by ';'"), std::string::npos) << s.warnings[0];
  test::write_file(f, "name\taddress\tcountry\nAnna\t1 Main St\tIE\n");
  EXPECT_EQ(read_senders(f).senders.at(0).country, "IE");
}

}  // namespace

namespace {

// A signature that is only a PNG signature, or claims more pixels than may be decoded, is
// refused at its record, never silently left off the letter or decoded into gigabytes.
TEST(CsvSignatures, DamagedOrHugePngsAreRefused) {
  test::TempDir dir;
  const auto csv = dir.path() / "senders.csv";
  test::write_file(dir.path() / "short.png", "\x89PNG\r\n\x1a\n");
  // A valid header (IHDR) claiming 20,000 x 20,000 pixels; nothing after it is read.
  std::string huge("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x4e\x20\0\0\x4e\x20\x08\x06\0\0\0", 29);
  test::write_file(dir.path() / "huge.png", huge);
  for (const auto& [png, why] : {std::pair<std::string, std::string>{"short.png", "is not a PNG image (or is damaged)"},
                                 {"huge.png", "has 20000 x 20000 pixels; at most 40 million"}}) {
    test::write_file(csv, "name,address,country,signature\nAnna,x,IE," + png + "\n");
    try {
      read_senders(csv);
      ADD_FAILURE() << png << " accepted";
    } catch (const InputError& e) {
      EXPECT_EQ(e.where(), "2:11");  // "Anna,x,IE," is 10 characters
      EXPECT_NE(std::string(e.what()).find("record 1, column \"signature\": signature \"" + png + "\" " + why),
                std::string::npos)
          << e.what();
    }
  }
}

}  // namespace
