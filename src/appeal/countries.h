// Country names and postal facts: ISO 3166-1 from Debian's iso-codes (names in every
// language through its .mo catalogs) and data/postal.json.
#pragma once
#include <optional>
#include <string>

namespace appeal {

// English short name ("Kazakhstan") for an alpha-2 code, or nullopt if unknown.
std::optional<std::string> country_name_en(const std::string& alpha2);

// The name in `language` ("Kasachstan" for de); English when iso-codes has no translation.
std::string country_name(const std::string& alpha2, const std::string& language);

// True when country names exist in `language` (English, or an iso-codes catalog).
bool has_country_names(const std::string& language);

struct PostalFacts {
  std::string language = "en";  // language its post reads country names in
  std::string script = "Latn";  // ISO 15924 of its addresses
};
PostalFacts postal_facts(const std::string& alpha2);

}  // namespace appeal
