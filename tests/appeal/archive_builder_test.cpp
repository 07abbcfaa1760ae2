// File-name slugs for archive copies.
#include <gtest/gtest.h>

#include "appeal/archive_builder.h"

namespace {

TEST(SenderSlug, FoldsLatinDiacriticsAndCyrillicToAscii) {
  EXPECT_EQ(appeal::sender_slug("Anna Kowalska"), "anna-kowalska");
  EXPECT_EQ(appeal::sender_slug("O'Brien, Siobhán"), "o-brien-siobhan");
  EXPECT_EQ(appeal::sender_slug("Jean-Luc Lefèvre"), "jean-luc-lefevre");
  EXPECT_EQ(appeal::sender_slug("Klaus Müller"), "klaus-muller");
  EXPECT_EQ(appeal::sender_slug("Łukasz Żółć"), "lukasz-zolc");
  EXPECT_EQ(appeal::sender_slug("Schloß Ærø"), "schloss-aero");
  EXPECT_EQ(appeal::sender_slug("Айгерім Сәрсенова"), "aigerim-sarsenova");
  EXPECT_EQ(appeal::sender_slug("Жанболат Мамай"), "zhanbolat-mamai");
  EXPECT_EQ(appeal::sender_slug("Қасым Ұлы"), "qasym-uly");
  EXPECT_EQ(appeal::sender_slug("山田"), "sender");
  EXPECT_EQ(appeal::sender_slug("  --  "), "sender");
}

}  // namespace
