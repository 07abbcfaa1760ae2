#include "appeal/countries.h"

#include <fstream>
#include <map>
#include <mutex>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace appeal {

namespace {
constexpr const char* kIsoCodes = "/usr/share/iso-codes/json/iso_3166-1.json";

const std::map<std::string, std::string>& names() {
  static std::map<std::string, std::string> table;
  static std::once_flag once;
  std::call_once(once, [] {
    std::ifstream in(kIsoCodes);
    if (!in) throw std::runtime_error(std::string(kIsoCodes) + ": missing (install Debian package iso-codes)");
    const nlohmann::json j = nlohmann::json::parse(in);
    for (const auto& c : j.at("3166-1")) {
      // "common_name" where iso-codes has one: "Bolivia" rather than "Bolivia, Plurinational State of".
      table[c.at("alpha_2").get<std::string>()] = c.value("common_name", c.at("name").get<std::string>());
    }
  });
  return table;
}
}  // namespace

std::optional<std::string> country_name_en(const std::string& alpha2) {
  const auto& t = names();
  auto it = t.find(alpha2);
  if (it == t.end()) return std::nullopt;
  return it->second;
}

}  // namespace appeal
