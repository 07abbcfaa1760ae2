#include <gtest/gtest.h>

#include "text/language_rules.h"

#include <algorithm>

using namespace appeal::text;

namespace {

// The text with "~" for every space that binds.
std::string show(const std::string& s, const std::string& lang) {
  std::string out = s;
  for (uint32_t at : binding_spaces(s, lang)) out[at] = '~';
  return out;
}

TEST(LanguageRules, RussianOneLetterPrepositionsAndConjunctions) {
  EXPECT_EQ(show("в том числе и пользование, а также к делу с уважением у дома о нём", "ru"),
            "в~том числе и~пользование, а~также к~делу с~уважением у~дома о~нём");
  EXPECT_EQ(show("А также В Астане", "ru"), "А~также В~Астане");
  // Only Russian: English "a" and "I" stay breakable.
  EXPECT_EQ(show("I urge you as a friend", "en"), "I urge you as a friend");
}

TEST(LanguageRules, NumbersBindToTheWordAfterThem) {
  EXPECT_EQ(show("10 апреля 2023 года", "ru"), "10~апреля 2023~года");
  EXPECT_EQ(show("штраф 400 000 тенге", "ru"), "штраф 400~000~тенге");
  EXPECT_EQ(show("on 10 April 2023 he", "en"), "on 10~April 2023~he");
  EXPECT_EQ(show("In 2019, he founded", "en"), "In 2019, he founded");  // a comma ends the number
}

TEST(LanguageRules, AbbreviationBeforeANumber) {
  EXPECT_EQ(show("(ст. 378.2 Уголовного кодекса)", "ru"), "(ст.~378.2~Уголовного кодекса)");
  EXPECT_EQ(show("see p. 12", "en"), "see p.~12");
}

TEST(LanguageRules, InitialsBindToTheName) {
  EXPECT_EQ(show("Токаеву К.-Ж. К. лично", "ru"), "Токаеву К.-Ж.~К.~лично");
  EXPECT_EQ(show("J. Smith wrote", "en"), "J.~Smith wrote");
}

TEST(LanguageRules, NoBreakBeforeADash) {
  EXPECT_EQ(show("приговор — это расплата", "ru"), "приговор~— это расплата");
  EXPECT_EQ(show("The sentence – a suspended one", "en"), "The sentence~– a suspended one");
}

TEST(LanguageRules, GuillemetsAreKeptAndDoNotHideTheRule) {
  EXPECT_EQ(show("«Мәңгілік Ел» и «в ответ»", "ru"), "«Мәңгілік Ел» и~«в~ответ»");
}

}  // namespace

// Czech, Slovak, Polish and Ukrainian one-letter words bind to the next word too.
TEST(LanguageRules, OneLetterWordsBindInSlavicLanguages) {
  const std::string cs = "Byla zadržena v Praze a o jejím osudu nevíme nic.";
  const auto b = appeal::text::binding_spaces(cs, "cs");
  EXPECT_NE(std::find(b.begin(), b.end(), cs.find(" Praze")), b.end());      // "v Praze"
  EXPECT_NE(std::find(b.begin(), b.end(), cs.find(" o jejím")), b.end());     // "a o"
  EXPECT_NE(std::find(b.begin(), b.end(), cs.find(" jejím")), b.end());       // "o jejím"
  const std::string pl = "Sąd w Warszawie i prokuratura z Krakowa";
  const auto p = appeal::text::binding_spaces(pl, "pl");
  EXPECT_NE(std::find(p.begin(), p.end(), pl.find(" Warszawie")), p.end());
  EXPECT_NE(std::find(p.begin(), p.end(), pl.find(" Krakowa")), p.end());
  // English has no such rule: "a" may end a line.
  const std::string en = "She is a lawyer";
  const auto e = appeal::text::binding_spaces(en, "en");
  EXPECT_EQ(std::find(e.begin(), e.end(), en.find(" lawyer")), e.end());
}
