#include "appeal/countries.h"

#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "appeal/gettext_catalog.h"
#include "appeal/paths.h"

namespace appeal {

namespace {

// Whole file into memory first: nlohmann parses a string several times faster than an
// istream, and iso_3166-1.json is read by every run that formats an address.
nlohmann::json parse_file(const std::string& file, const std::string& missing) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file + ": missing" + missing);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return nlohmann::json::parse(text);
}

constexpr const char* kIsoCodes = "/usr/share/iso-codes/json/iso_3166-1.json";
constexpr const char* kLocaleDir = "/usr/share/locale";

const std::map<std::string, std::string>& names() {
  static std::map<std::string, std::string> table;
  static std::once_flag once;
  std::call_once(once, [] {
    const nlohmann::json j = parse_file(kIsoCodes, " (install Debian package iso-codes)");
    for (const auto& c : j.at("3166-1")) {
      // "common_name" where iso-codes has one: "Bolivia" rather than "Bolivia, Plurinational State of".
      table[c.at("alpha_2").get<std::string>()] = c.value("common_name", c.at("name").get<std::string>());
    }
  });
  return table;
}

// iso-codes' translations of one standard ("iso_3166-1", "iso_639-2") into `language`.
const std::map<std::string, std::string>& catalog(const std::string& language, const std::string& domain = "iso_3166-1") {
  static std::map<std::pair<std::string, std::string>, std::map<std::string, std::string>> cache;
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  const auto key = std::make_pair(domain, language);
  auto it = cache.find(key);
  if (it == cache.end()) {
    it = cache.emplace(key, read_mo_catalog(std::string(kLocaleDir) + "/" + language + "/LC_MESSAGES/" + domain + ".mo")).first;
  }
  return it->second;
}

// ISO 639-1 code -> English name, from iso_639-2.json (entries with an alpha_2).
const std::map<std::string, std::string>& language_names_en() {
  static std::map<std::string, std::string> table;
  static std::once_flag once;
  std::call_once(once, [] {
    const nlohmann::json j = parse_file("/usr/share/iso-codes/json/iso_639-2.json", " (install Debian package iso-codes)");
    for (const auto& l : j.at("639-2")) {
      if (l.contains("alpha_2")) table[l.at("alpha_2").get<std::string>()] = l.at("name").get<std::string>();
    }
  });
  return table;
}

const nlohmann::json& postal_table() {
  static nlohmann::json table;
  static std::once_flag once;
  std::call_once(once, [] {
    table = parse_file((data_dir() / "data/postal.json").string(), "").at("countries");
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

std::string country_name(const std::string& alpha2, const std::string& language) {
  const std::string en = country_name_en(alpha2).value_or(alpha2);
  if (language.empty() || language == "en") return en;
  const auto& cat = catalog(language);
  auto it = cat.find(en);
  return it == cat.end() || it->second.empty() ? en : it->second;
}

bool has_country_names(const std::string& language) {
  if (language == "en") return true;
  for (char c : language) {
    if (!(c >= 'a' && c <= 'z') && c != '_' && !(c >= 'A' && c <= 'Z')) return false;  // no paths
  }
  return !language.empty() && !catalog(language).empty();
}

std::string language_name(const std::string& code, const std::string& in_language) {
  const auto& en = language_names_en();
  auto it = en.find(code);
  if (it == en.end()) return code;
  if (in_language == "en") return it->second;
  for (char c : in_language) {
    if (!(c >= 'a' && c <= 'z')) return it->second;  // never a path
  }
  const auto& cat = catalog(in_language, "iso_639-2");
  auto t = cat.find(it->second);
  return t == cat.end() || t->second.empty() ? it->second : t->second;
}

PostalFacts postal_facts(const std::string& alpha2) {
  PostalFacts f;
  const nlohmann::json& t = postal_table();
  if (auto it = t.find(alpha2); it != t.end()) {
    f.language = it->value("language", f.language);
    f.script = it->value("script", f.script);
  }
  return f;
}

}  // namespace appeal
