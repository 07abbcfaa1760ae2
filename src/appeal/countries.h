// Country names and postal facts: ISO 3166-1 from Debian's iso-codes (names in every
// language through its .mo catalogs) and data/postal.json.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace appeal {

// English short name ("Kazakhstan") for an alpha-2 code, or nullopt if unknown.
std::optional<std::string> country_name_en(const std::string& alpha2);

// The name in `language` ("Kasachstan" for de); English when iso-codes has no translation.
std::string country_name(const std::string& alpha2, const std::string& language);

// True when country names exist in `language` (English, or an iso-codes catalog).
bool has_country_names(const std::string& language);

// The ISO 3166-1 alpha-2 code a user probably meant by `input`, for "did you mean":
// "UK" -> "GB" (the UK's exceptionally reserved code), an alpha-3 code ("MEX" -> "MX"),
// or an English country name ("Mexico", "united kingdom") -> its code; "" when none.
std::string suggest_country_code(const std::string& input);

// A postcode in `lines` with another country's shape (data/postcodes.json) when none has
// the shape of `country`'s: {the postcode, that country}; {"", ""} otherwise, and when
// `country`'s shapes are unknown.
std::pair<std::string, std::string> foreign_postcode(const std::vector<std::string>& lines, const std::string& country);

// The alpha-2 code a country name stands for: iso-codes' name, official name or common name
// in English or translated into one of `languages`, or CLDR's name (ICU) in those languages
// ("Republic of Kazakhstan", "España", "КАЗАХСТАН", "Россия", "the United States"; case, a
// leading "the" and final punctuation ignored);
// "" when `text` is no country's name.
std::string country_from_name(const std::string& text, const std::vector<std::string>& languages);

struct PostalFacts {
  std::string language = "en";  // language its post reads country names in
  std::string script = "Latn";  // ISO 15924 of its addresses
  // How the post orders an address written in its own script (UPU S42 country templates):
  // "name_first" (recipient, then street, then locality: most countries) or "name_last"
  // (locality down to the recipient: China, Japan, Korea, Taiwan in their scripts).
  std::string order = "name_first";
  // Where a courtesy title goes: "before_name" ("Mr John Smith"), "own_line" ("Herrn" on
  // its own line above the name: DIN 5008 for Germany, Austria, Switzerland) or
  // "after_name" ("王晓明 先生", "山田太郎 様").
  std::string honorific = "before_name";
};
PostalFacts postal_facts(const std::string& alpha2);

}  // namespace appeal
