#include <gtest/gtest.h>

#include "appeal/dates.h"
#include "appeal/strings.h"

using namespace appeal;

namespace {
// The long date as documents print it: ICU's, or the shipped translation's date_format.
std::string long_date(const Date& d, const std::string& lang) {
  return format_date(d, lang, strings_for(Case{}, lang).date_format);
}
}  // namespace

TEST(Dates, WrittenInTheLettersLanguage) {
  const Date d{2023, 6, 16};
  EXPECT_EQ(long_date(d, "en"), "16 June 2023");
  EXPECT_EQ(long_date(d, "ru"), "16\u00A0июня 2023\u00A0г.");
  EXPECT_EQ(long_date(d, "kk"), "2023 жылғы 16 маусым");
  EXPECT_EQ(long_date({2023, 4, 10}, "ru"), "10\u00A0апреля 2023\u00A0г.");
}

TEST(Dates, IcuLongDatesInOtherLanguages) {
  const Date d{2023, 6, 16};
  EXPECT_EQ(format_date(d, "es"), "16 de junio de 2023");
  EXPECT_EQ(format_date(d, "fr"), "16 juin 2023");
  EXPECT_EQ(format_date(d, "de"), "16. Juni 2023");
  EXPECT_EQ(format_date(d, "pt"), "16 de junho de 2023");
  EXPECT_EQ(format_date(d, "it"), "16 giugno 2023");
  EXPECT_EQ(format_date(d, "pl"), "16 czerwca 2023");
  EXPECT_EQ(format_date(d, "tr"), "16 Haziran 2023");
  EXPECT_EQ(format_date(d, "zh"), "2023年6月16日");
  // A regional tag takes its region's calendar words (CLDR), here the same.
  EXPECT_EQ(format_date(d, "es-MX"), "16 de junio de 2023");
  // A pattern overrides CLDR's: months in the genitive with "MMMM" in Russian.
  EXPECT_EQ(format_date(d, "ru", "d MMMM y"), "16 июня 2023");
}

TEST(Dates, ParsesOnlyRealIsoDates) {
  ASSERT_TRUE(parse_iso_date("2024-02-29"));
  EXPECT_FALSE(parse_iso_date("2023-02-29"));
  EXPECT_FALSE(parse_iso_date("2023-13-01"));
  EXPECT_FALSE(parse_iso_date("16 June 2023"));
  EXPECT_FALSE(parse_iso_date("2023-6-16"));
}

TEST(Dates, EpochRoundTrip) {
  const Date d = date_from_time(1686873600);  // 2023-06-16T00:00:00Z
  EXPECT_EQ(d.year, 2023);
  EXPECT_EQ(d.month, 6);
  EXPECT_EQ(d.day, 16);
  EXPECT_EQ(time_from_date(d), 1686873600);
}
