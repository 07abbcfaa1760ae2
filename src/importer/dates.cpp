// Dates as a UA writes them, read through ICU in its languages (fields.h).
#include "importer/fields.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <memory>
#include <regex>

namespace appeal::importer {
namespace {

std::vector<std::string> with_english(std::vector<std::string> langs) {
  if (std::find(langs.begin(), langs.end(), "en") == langs.end()) langs.push_back("en");
  return langs;
}


bool is_word_start(const std::u16string& s, size_t i) {
  return i == 0 || !u_isalnum(s[i - 1]);
}

}  // namespace

std::optional<Date> find_date(const std::string& text, const std::vector<std::string>& languages) {
  // Explicit patterns first (ICU's locale formats add weekday and era forms); each is tried
  // strictly at every word start, so "2 children" never reads as a date.
  static const char16_t* kPatterns[] = {u"y-MM-dd",       u"d MMMM y",    u"d MMMM, y",   u"MMMM d, y", u"MMMM d y",
                                        u"d 'de' MMMM 'de' y", u"d 'de' MMMM y", u"d. MMMM y", u"d MMM y",  u"MMM d, y",
                                        u"d MMMM y 'г'.", u"dd.MM.y",     u"dd/MM/y",     u"d.M.y",     u"d/M/y"};
  // Ordinals ("21st April", "1er mars", "1º de mayo") are written, not formatted by ICU:
  // the suffix goes.
  static const std::regex ordinal(R"(([0-9])(?:st|nd|rd|th|er|re|º|ª|°)(?=[^A-Za-z]|$))", std::regex::icase);
  const std::string plain = std::regex_replace(text, ordinal, "$1");
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(plain);
  const std::u16string s(reinterpret_cast<const char16_t*>(u.getBuffer()), static_cast<size_t>(u.length()));
  for (const std::string& lang : with_english(languages)) {
    const icu::Locale locale(lang.c_str());
    for (const char16_t* pattern : kPatterns) {
      UErrorCode status = U_ZERO_ERROR;
      icu::SimpleDateFormat fmt(icu::UnicodeString(pattern), locale, status);
      if (U_FAILURE(status)) continue;
      fmt.setLenient(false);
      fmt.adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
      for (size_t i = 0; i < s.size(); ++i) {
        if (!u_isdigit(s[i]) && !u_isalpha(s[i])) continue;
        if (!is_word_start(s, i)) continue;
        icu::ParsePosition pos(static_cast<int32_t>(i));
        const UDate d = fmt.parse(u, pos);
        if (pos.getErrorIndex() >= 0 || pos.getIndex() == static_cast<int32_t>(i)) continue;
        // The date must end at a word end: "16 June 20234" is not 16 June 2023.
        const size_t end = static_cast<size_t>(pos.getIndex());
        if (end < s.size() && u_isalnum(s[end])) continue;
        std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(icu::TimeZone::createTimeZone("UTC"), status));
        cal->setTime(d, status);
        Date out{cal->get(UCAL_YEAR, status), cal->get(UCAL_MONTH, status) + 1, cal->get(UCAL_DATE, status)};
        if (U_SUCCESS(status) && out.year >= 1950 && out.year <= 2200) return out;
      }
    }
  }
  return std::nullopt;
}

}  // namespace appeal::importer
