#include "appeal/countries.h"

#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <vector>
#include <algorithm>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <unicode/uloc.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "appeal/gettext_catalog.h"
#include "appeal/paths.h"
#include "text/language_tag.h"
#include "text/utf8.h"

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

const nlohmann::json& postal_table() {
  static nlohmann::json table;
  static std::once_flag once;
  std::call_once(once, [] {
    table = parse_file((data_dir() / "data/postal.json").string(), "").at("countries");
  });
  return table;
}
// The gettext locale folders that may hold `tag`'s catalogs, best first: "pt-BR" ->
// pt_BR, pt; "sr-Latn" -> sr@latin, sr; "zh-Hant" -> (likely subtags) zh_TW.
std::vector<std::string> locale_dirs(const std::string& tag) {
  std::vector<std::string> out;
  const auto add = [&](const std::string& t) {
    std::vector<std::string> parts;
    for (size_t b = 0, e; b <= t.size(); b = e + 1) {
      e = t.find('-', b);
      if (e == std::string::npos) e = t.size();
      parts.push_back(t.substr(b, e - b));
    }
    std::string lang = parts[0], script, region;
    for (size_t i = 1; i < parts.size(); ++i) {
      if (parts[i].size() == 4) script = parts[i];
      else if (parts[i].size() == 2 || parts[i].size() == 3) region = parts[i];
      else break;  // variants and extensions do not name catalogs
    }
    std::vector<std::string> dirs;
    if (script == "Latn") dirs.push_back(lang + "@latin");
    if (!region.empty()) dirs.push_back(lang + "_" + region);
    dirs.push_back(lang);
    for (const std::string& d : dirs) {
      if (std::find(out.begin(), out.end(), d) == out.end()) out.push_back(d);
    }
  };
  for (const std::string& t : text::lookup_chain(tag)) add(t);
  add(text::maximized_tag(tag));
  return out;
}

// The first of `tag`'s catalogs for `domain` that exists (empty map when none).
const std::map<std::string, std::string>& catalog_for(const std::string& tag, const std::string& domain) {
  for (const std::string& dir : locale_dirs(tag)) {
    const auto& cat = catalog(dir, domain);
    if (!cat.empty()) return cat;
  }
  return catalog(text::primary_language(tag), domain);
}

// The region's name in `language` from ICU (CLDR), or nullopt when ICU has no name in
// that language (it would answer with the code or in its root language).
std::optional<std::string> icu_country_name(const std::string& alpha2, const std::string& language) {
  char display[ULOC_FULLNAME_CAPACITY] = {};
  int32_t parsed = 0;
  UErrorCode status = U_ZERO_ERROR;
  uloc_forLanguageTag(language.c_str(), display, sizeof display, &parsed, &status);
  if (U_FAILURE(status)) return std::nullopt;
  UChar buf[128];
  status = U_ZERO_ERROR;
  const std::string region = "und_" + alpha2;
  const int32_t n = uloc_getDisplayCountry(region.c_str(), display, buf, 128, &status);
  if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING || status == U_USING_FALLBACK_WARNING || n <= 0) {
    return std::nullopt;
  }
  const std::string name = text::from_utf16(std::u16string_view(buf, static_cast<size_t>(n)));
  if (name == alpha2) return std::nullopt;
  return name;
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
  if (language.empty() || text::primary_language(language) == "en") return en;
  if (!text::canonical_language_tag(language)) return en;  // never a path
  const auto& cat = catalog_for(language, "iso_3166-1");
  auto it = cat.find(en);
  if (it != cat.end() && !it->second.empty()) return it->second;
  // iso-codes lacks some names ("Türkiye" in Spanish, since the 2022 rename): CLDR's
  // region names through ICU, else English.
  return icu_country_name(alpha2, language).value_or(en);
}

bool has_country_names(const std::string& language) {
  if (text::primary_language(language) == "en") return true;
  if (!text::canonical_language_tag(language)) return false;  // never a path
  return !catalog_for(language, "iso_3166-1").empty();
}

PostalFacts postal_facts(const std::string& alpha2) {
  PostalFacts f;
  const nlohmann::json& t = postal_table();
  if (auto it = t.find(alpha2); it != t.end()) {
    f.language = it->value("language", f.language);
    f.script = it->value("script", f.script);
    f.order = it->value("order", f.order);
    f.honorific = it->value("honorific", f.honorific);
  }
  return f;
}

std::string suggest_country_code(const std::string& input) {
  std::string up;
  for (char c : input) {
    if (c != ' ' && c != '.') up += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (up == "UK") return "GB";
  if (up.size() == 2 && country_name_en(up)) return up;  // a lower-case code
  if (up.size() == 3) {
    // ICU knows each region's alpha-3 code (uloc_getISO3Country of "und_XX").
    for (const auto& [alpha2, name] : names()) {
      const std::string loc = "und_" + alpha2;
      if (up == uloc_getISO3Country(loc.c_str())) return alpha2;
    }
  }
  const auto fold = [](const std::string& s) {
    std::string out;
    for (char c : s) {
      if (std::isalpha(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
  };
  const std::string want = fold(input);
  if (want.size() < 4) return "";
  for (const auto& [alpha2, name] : names()) {
    if (fold(name) == want) return alpha2;
  }
  return "";
}

std::string country_from_name(const std::string& text, const std::vector<std::string>& languages) {
  static std::map<std::string, std::map<std::string, std::string>> by_language;  // language -> folded name -> code
  static std::mutex mu;
  const auto fold = [](const std::string& s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    u.foldCase();
    std::string f;
    u.toUTF8String(f);
    while (!f.empty() && (f.back() == '.' || f.back() == ',' || f.back() == ' ')) f.pop_back();
    while (!f.empty() && f.front() == ' ') f.erase(0, 1);
    if (f.rfind("the ", 0) == 0) f.erase(0, 4);
    return f;
  };
  std::lock_guard<std::mutex> lock(mu);
  static const nlohmann::json iso = parse_file(kIsoCodes, " (install Debian package iso-codes)");
  std::vector<std::string> langs = languages;
  langs.insert(langs.begin(), "en");
  const std::string want = fold(text);
  if (want.empty()) return "";
  for (const std::string& lang : langs) {
    auto it = by_language.find(lang);
    if (it == by_language.end()) {
      std::map<std::string, std::string> table;
      const std::map<std::string, std::string>* tr = nullptr;
      if (lang != "en") {
        for (const std::string& dir : locale_dirs(lang)) {
          tr = &catalog(dir);
          if (!tr->empty()) break;
        }
      }
      for (const auto& c : iso.at("3166-1")) {
        const std::string code = c.at("alpha_2").get<std::string>();
        // CLDR's short name through ICU ("Россия", "Royaume-Uni", "Estados Unidos"), beside
        // iso-codes' names ("Российская Федерация").
        icu::UnicodeString display;
        icu::Locale("", code.c_str()).getDisplayCountry(icu::Locale(lang.c_str()), display);
        std::string shown;
        display.toUTF8String(shown);
        if (shown != code) table.emplace(fold(shown), code);
        for (const char* key : {"name", "official_name", "common_name"}) {
          if (!c.contains(key)) continue;
          const std::string en = c.at(key).get<std::string>();
          if (!tr) {
            table.emplace(fold(en), code);
          } else if (auto t = tr->find(en); t != tr->end()) {
            table.emplace(fold(t->second), code);
          }
        }
      }
      it = by_language.emplace(lang, std::move(table)).first;
    }
    if (auto hit = it->second.find(want); hit != it->second.end()) return hit->second;
  }
  return "";
}

std::pair<std::string, std::string> foreign_postcode(const std::vector<std::string>& lines, const std::string& country) {
  static const nlohmann::json table = parse_file((data_dir() / "data/postcodes.json").string(), "");
  const nlohmann::json& shapes = table.at("shapes");
  if (!shapes.contains(country)) return {};
  // Candidates: each word, and each pair of neighbouring words ("SW1A 1AA"), trimmed of
  // punctuation around them.
  std::vector<std::string> words;
  for (const std::string& line : lines) {
    std::string w;
    for (size_t i = 0; i <= line.size(); ++i) {
      const char c = i < line.size() ? line[i] : ' ';
      if (c == ' ' || c == ',') {
        if (!w.empty()) words.push_back(w);
        w.clear();
      } else {
        w += c;
      }
    }
    words.push_back("\n");  // pairs never span lines
  }
  const auto shape = [](const std::string& s) {
    std::string out;
    for (char c : s) {
      if (c >= '0' && c <= '9') out += '9';
      else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) out += 'A';
      else if (c == '-' || c == ' ') out += c;
      else return std::string();
    }
    return out;
  };
  std::vector<std::pair<std::string, std::string>> candidates;  // text, shape
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "\n") continue;
    candidates.push_back({words[i], shape(words[i])});
    if (i + 1 < words.size() && words[i + 1] != "\n") {
      candidates.push_back({words[i] + " " + words[i + 1], shape(words[i] + " " + words[i + 1])});
    }
  }
  const auto has = [&](const nlohmann::json& list, const std::string& s) {
    for (const auto& p : list) {
      if (p.get<std::string>() == s) return true;
    }
    return false;
  };
  for (const auto& [text, sh] : candidates) {
    if (!sh.empty() && sh.find('9') != std::string::npos && has(shapes.at(country), sh)) return {};
  }
  for (const auto& [text, sh] : candidates) {
    // Only a distinctive shape names a country: one with a letter, a space or a hyphen.
    if (sh.empty() || sh.find('9') == std::string::npos || sh.find_first_of("A -") == std::string::npos) continue;
    if (sh.find_first_not_of("A") == std::string::npos) continue;
    for (const auto& [other, list] : shapes.items()) {
      if (other != country && has(list, sh)) return {text, other};
    }
  }
  return {};
}

}  // namespace appeal
