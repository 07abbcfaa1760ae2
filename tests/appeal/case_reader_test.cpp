#include <gtest/gtest.h>

#include "appeal/case_reader.h"
#include "common/input_error.h"
#include "support/run.h"

using namespace appeal;

TEST(CaseReader, ReadsTheSample) {
  const Case c = read_case(test::source_dir() / "samples/ua-31-22/case.json");
  EXPECT_EQ(c.id, "UA 31.22");
  EXPECT_EQ(c.languages, (std::vector<std::string>{"ru", "en"}));
  ASSERT_EQ(c.targets.size(), 2u);
  EXPECT_EQ(c.targets[0].id, "president");
  EXPECT_EQ(c.targets[0].address.country, "KZ");
  EXPECT_EQ(c.targets[1].address.country, "US");
  EXPECT_EQ(c.letters.at("en").body.size(), 3u);
  EXPECT_EQ(c.letters.at("ru").closing, "С уважением,");
  EXPECT_EQ(c.deadline.year, 2023);
  EXPECT_EQ(pick(c.person.name, "ru"), "Жанболат Мамай");
  EXPECT_EQ(pick(c.person.name, "de"), "Zhanbolat Mamay");  // falls back to English
}

TEST(CaseReader, SyntaxErrorGivesLineAndColumn) {
  test::TempDir dir;
  const auto f = dir.path() / "case.json";
  test::write_file(f, "{\n  \"id\": \"x\",\n  \"title\" {}\n}\n");
  try {
    read_case(f);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "3:11");
    EXPECT_EQ(std::string(e.what()).rfind("case.json:3:11: JSON syntax error", 0), 0u) << e.what();
  }
}

TEST(CaseReader, UndrawableCharacterIsNamedWithItsPointer) {
  const auto f = test::source_dir() / "samples/ua-31-22/case.json";
  try {
    read_case(f, [](char32_t c) { return c != U'ә'; }, "TestFont");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "/targets/0/address/lines/ru/2");
    EXPECT_NE(std::string(e.what()).find("U+04D9"), std::string::npos) << e.what();
  }
}
