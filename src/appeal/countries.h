// Country names from Debian's iso-codes data (ISO 3166-1).
#pragma once
#include <optional>
#include <string>

namespace appeal {

// English short name ("Kazakhstan") for an alpha-2 code, or nullopt if unknown.
std::optional<std::string> country_name_en(const std::string& alpha2);

}  // namespace appeal
