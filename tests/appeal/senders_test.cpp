#include <gtest/gtest.h>

#include "appeal/senders.h"
#include "layout/input_error.h"
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
  EXPECT_NE(msg.find("missing column \"address\""), std::string::npos) << msg;
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
  EXPECT_NE(error_at("name,address,country\nA,\"street,GB\n", &msg), "accepted");
  EXPECT_NE(msg.find("malformed CSV"), std::string::npos) << msg;
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
