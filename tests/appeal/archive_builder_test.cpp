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
  EXPECT_EQ(appeal::sender_slug("  --  "), "sender");
  // Any other script through ICU's transliteration (Any-Latin; Latin-ASCII).
  EXPECT_EQ(appeal::sender_slug("Γιώργος Παπαδόπουλος"), "giorgos-papadopoulos");
  EXPECT_EQ(appeal::sender_slug("王晓明"), "wang-xiao-ming");
  EXPECT_EQ(appeal::sender_slug("山田太郎"), "shan-tian-tai-lang");  // Han read as Mandarin
  EXPECT_EQ(appeal::sender_slug("Nguyễn Văn An"), "nguyen-van-an");
  EXPECT_EQ(appeal::sender_slug("Nguye\u0302\u0303n"), "nguyen");  // NFD
  EXPECT_EQ(appeal::sender_slug("محمد علي"), "mhmd-ly");
  EXPECT_EQ(appeal::sender_slug("שרה כהן"), "srh-khn");
  EXPECT_EQ(appeal::sender_slug("김민준"), "gimminjun");
  EXPECT_EQ(appeal::sender_slug("Արամ Պետրոսյան"), "aram-petrosyan");
  EXPECT_EQ(appeal::sender_slug("Ana Γιώργος"), "ana-giorgos");
  // No ICU transliterator for Khmer: each letter by its Unicode name, never "sender".
  EXPECT_EQ(appeal::sender_slug("សុខ ចាន់"), "saukha-caaano");
  // A name of any length gives a file name the file system takes.
  std::string long_name;
  for (int i = 0; i < 100; ++i) long_name += "Anna ";
  const std::string slug = appeal::sender_slug(long_name);
  EXPECT_LE(slug.size(), 120u);
  EXPECT_EQ(slug.rfind("anna-anna", 0), 0u);
  EXPECT_NE(slug.back(), '-');
}

}  // namespace
