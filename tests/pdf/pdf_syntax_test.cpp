#include <gtest/gtest.h>

#include "pdf/pdf_syntax.h"

namespace {

using appeal::pdf::pdf_number;
using appeal::pdf::pdf_tj_number;

TEST(PdfSyntax, NumbersHaveThreeDecimalsAtMostAndNoTrailingZeros) {
  EXPECT_EQ(pdf_number(0), "0");
  EXPECT_EQ(pdf_number(0.0004), "0");
  EXPECT_EQ(pdf_number(-0.0004), "0");
  EXPECT_EQ(pdf_number(-0.0006), "-0.001");
  EXPECT_EQ(pdf_number(12.5), "12.5");
  EXPECT_EQ(pdf_number(-3), "-3");
  EXPECT_EQ(pdf_number(0.125), "0.125");
  EXPECT_EQ(pdf_number(595.2756), "595.276");
  EXPECT_EQ(pdf_number(841.88976), "841.89");
  EXPECT_EQ(pdf_number(-283.4646), "-283.465");
  EXPECT_EQ(pdf_number(1e6 + 0.01), "1000000.01");
}

TEST(PdfSyntax, TjAdjustmentsHaveOneDecimal) {
  EXPECT_EQ(pdf_tj_number(0.04), "0");
  EXPECT_EQ(pdf_tj_number(35.04), "35");
  EXPECT_EQ(pdf_tj_number(-6.25), "-6.3");
  EXPECT_EQ(pdf_tj_number(11.96), "12");
  EXPECT_EQ(pdf_tj_number(-0.06), "-0.1");
}

}  // namespace
