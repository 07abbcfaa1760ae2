// Letters an address line holds that the destination's languages do not write (fields.h).
#include "importer/fields.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/ulocdata.h>
#include <unicode/uset.h>

#include <set>

#include "text/utf8.h"

namespace appeal::importer {
namespace {

// Languages with a CLDR locale in `country`: ICU's available locales "kk_KZ", "ru_KZ".
std::vector<std::string> locales_in(const std::string& country) {
  std::vector<std::string> out;
  int32_t count = 0;
  const icu::Locale* all = icu::Locale::getAvailableLocales(count);
  for (int32_t i = 0; i < count; ++i) {
    if (country == all[i].getCountry()) out.push_back(all[i].getName());
  }
  return out;
}

}  // namespace

std::string foreign_letters(const std::string& line, const std::string& country) {
  const std::vector<std::string> locales = locales_in(country);
  if (locales.empty()) return "";
  USet* letters = uset_openEmpty();
  for (const std::string& loc : locales) {
    UErrorCode status = U_ZERO_ERROR;
    ULocaleData* ld = ulocdata_open(loc.c_str(), &status);
    if (U_FAILURE(status)) continue;
    for (ULocaleDataExemplarSetType t : {ULOCDATA_ES_STANDARD, ULOCDATA_ES_AUXILIARY}) {
      UErrorCode st = U_ZERO_ERROR;
      USet* s = ulocdata_getExemplarSet(ld, nullptr, USET_ADD_CASE_MAPPINGS, t, &st);
      if (U_SUCCESS(st) && s) {
        uset_addAll(letters, s);
        uset_close(s);
      }
    }
    ulocdata_close(ld);
  }
  std::string out;
  std::set<char32_t> seen;
  for (char32_t c : text::to_u32(line)) {
    if (c < 0x80 || !u_isalpha(static_cast<UChar32>(c)) || uset_contains(letters, static_cast<UChar32>(c))) continue;
    if (seen.insert(c).second) {
      if (!out.empty()) out += ", ";
      text::append_utf8(out, c);
    }
  }
  uset_close(letters);
  return out;
}

std::string country_languages(const std::string& country) {
  std::set<std::string> names;
  for (const std::string& loc : locales_in(country)) {
    icu::UnicodeString n;
    icu::Locale(loc.c_str()).getDisplayLanguage(icu::Locale::getEnglish(), n);
    std::string s;
    n.toUTF8String(s);
    names.insert(s);
  }
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace appeal::importer
