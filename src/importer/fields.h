// Single fields of an Urgent Action read from its words: dates, language names, telephone
// numbers, countries, the language of a passage.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "appeal/case_model.h"

namespace appeal::importer {

// The first date written in `text` in any of `languages`' usual forms (ICU, CLDR month
// names: "16 June 2023", "June 16, 2023", "16 de junio de 2023", "16 juin 2023",
// "16 июня 2023 г.", "16/06/2023", "2023-06-16"); nullopt when none.
std::optional<Date> find_date(const std::string& text, const std::vector<std::string>& languages);

// Language names ("Russian; English", "Spanish or English", "árabe, francés") as BCP 47
// tags through ICU's display names in English and in `languages`; names it cannot tell are
// returned in `unknown`.
std::vector<std::string> language_tags(const std::string& names, const std::vector<std::string>& languages,
                                       std::vector<std::string>& unknown);

// Which of `candidates` `text` is written in: the script first (ICU), then the share of
// each language's frequent words (data/import/vocabulary.json). "" when no candidate fits.
std::string guess_language(const std::string& text, const std::vector<std::string>& candidates);

struct Phone {
  std::string value;    // E.123 international form ("+7 7172 74 56 31"), else as written
  std::string problem;  // why the value is unsure ("" when libphonenumber calls it valid)
};
// A telephone or fax number in `country`'s numbering (libphonenumber, ITU-T E.164): a
// national number gets its country code; "+8 7172 ..." (the domestic trunk prefix written
// as a country code) becomes "+7 7172 ..." and says so.
Phone normalise_phone(const std::string& written, const std::string& country);

// The ISO 3166-1 region libphonenumber gives an international number ("+1 202 ..." -> "US"),
// "" when it cannot tell.
std::string phone_region(const std::string& written);

// Letters in `line` that no language of `country` writes (ICU's exemplar characters of the
// locales CLDR has for that country; plain ASCII letters always pass, as transliteration).
std::string foreign_letters(const std::string& line, const std::string& country);

// The languages CLDR has locales for in `country` ("KZ" -> kk, ru), by English name.
std::string country_languages(const std::string& country);

// A title set all in capitals (or typed all in lower case) in sentence case, each word
// spelt as the document spells it mid-sentence ("RELEASE NASRIN SOTOUDEH" -> "Release
// Nasrin Sotoudeh" when the body has "Nasrin Sotoudeh"); mixed case is returned as it is.
std::string sentence_case(const std::string& title, const std::string& document_text, const std::string& language);

// File-name-safe id: ASCII through ICU transliteration ("Генеральный прокурор" ->
// "generalnyj-prokuror"), lower case, '-' between words, at most 40 characters.
std::string slug(const std::string& text);

}  // namespace appeal::importer
