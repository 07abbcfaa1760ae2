#include <gtest/gtest.h>

#include "appeal/dates.h"

using namespace appeal;

TEST(Dates, WrittenInTheLettersLanguage) {
  const Date d{2023, 6, 16};
  EXPECT_EQ(format_date(d, "en"), "16 June 2023");
  EXPECT_EQ(format_date(d, "ru"), "16\u00A0июня 2023\u00A0г.");
  EXPECT_EQ(format_date(d, "kk"), "2023 жылғы 16 маусым");
  EXPECT_EQ(format_date({2023, 4, 10}, "ru"), "10\u00A0апреля 2023\u00A0г.");
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
