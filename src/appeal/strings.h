// The fixed words documents print ("From", "Signature", "page 2 of 3", leaflet headings),
// per language, from translation data: data/i18n/<tag>.json (docs: data/i18n/README.md),
// overridden key by key by the case's /strings/<tag>/<key>.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "appeal/case_model.h"

namespace appeal {

struct Strings {
  std::string tag;  // the language they are for
  std::map<std::string, std::string> words;  // every key of string_keys()
  std::string date_format;  // ICU date pattern, or empty for ICU's long date
  std::string colon = ":";  // after a label: ":" in English, "\u00A0:" in French, "：" in Chinese

  // The text of `key` (one of string_keys()).
  const std::string& operator[](const std::string& key) const;
  // `key` with each "{name}" replaced by its value: fill("page_of", {{"n", "2"}, {"m", "3"}}).
  std::string fill(const std::string& key, const std::map<std::string, std::string>& values) const;
};

// Every key a translation must give, and the placeholders each must contain.
const std::vector<std::string>& string_keys();
// Keys every shipped file gives but a case's own translation may leave out.
bool optional_string_key(const std::string& key);
const std::vector<std::string>& required_placeholders(const std::string& key);

// The words for `lang` from the case's /strings (along the tag's lookup chain, "pt-BR"
// then "pt") and then the shipped file for the same chain. InputError at the case's
// /strings/<lang> naming the missing keys when neither gives them all; never English
// words in another language's document.
Strings strings_for(const Case& c, const std::string& lang);

// The shipped translation of exactly `tag` (data/i18n/<tag>.json): key -> text, empty
// when there is no file. InputError when the file is not a valid translation.
const std::map<std::string, std::string>& shipped_strings(const std::string& tag);

// Tags with a shipped translation, sorted ("ar", "de", "en", ...).
std::vector<std::string> shipped_languages();

// Checks one translation object (a shipped file or a case's /strings/<tag>): known keys,
// non-empty text, placeholders kept. Throws InputError(file, pointer/key, ...).
void check_strings(const std::map<std::string, std::string>& words, const std::string& file,
                   const std::string& pointer, bool complete);

}  // namespace appeal
