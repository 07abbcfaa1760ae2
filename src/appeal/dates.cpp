#include "appeal/dates.h"

#include <cstdlib>
#include <stdexcept>

#include <unicode/udat.h>
#include <unicode/uloc.h>

#include "text/utf8.h"

namespace appeal {

std::optional<Date> parse_iso_date(const std::string& s) {
  // YYYY-MM-DD exactly (ISO 8601 calendar date, extended format).
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  Date d{std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2))};
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  if (d.day > kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0)) return std::nullopt;
  return d;
}

std::string format_date(const Date& d, const std::string& lang, const std::string& pattern) {
  UErrorCode status = U_ZERO_ERROR;
  char locale[ULOC_FULLNAME_CAPACITY] = {};
  int32_t parsed = 0;
  uloc_forLanguageTag(lang.c_str(), locale, sizeof locale, &parsed, &status);
  if (U_FAILURE(status)) throw std::runtime_error("format_date: bad language tag " + lang);
  const std::u16string tz = u"UTC";  // dates are calendar days: midnight UTC, shown in UTC
  const std::u16string upattern = text::to_utf16(pattern);
  status = U_ZERO_ERROR;
  UDateFormat* f = pattern.empty()
                       ? udat_open(UDAT_NONE, UDAT_LONG, locale, tz.data(), static_cast<int32_t>(tz.size()), nullptr, 0, &status)
                       : udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, tz.data(), static_cast<int32_t>(tz.size()),
                                   upattern.data(), static_cast<int32_t>(upattern.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("format_date: ") + u_errorName(status));
  UChar buf[128];
  status = U_ZERO_ERROR;
  const int32_t n = udat_format(f, static_cast<UDate>(time_from_date(d)) * 1000.0, buf, 128, nullptr, &status);
  udat_close(f);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("format_date: ") + u_errorName(status));
  return text::from_utf16(std::u16string_view(buf, static_cast<size_t>(n)));
}

Date date_from_time(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

std::time_t time_from_date(const Date& d) {
  std::tm tm{};
  tm.tm_year = d.year - 1900, tm.tm_mon = d.month - 1, tm.tm_mday = d.day;
  return timegm(&tm);
}

std::optional<std::time_t> source_date_epoch() {
  const char* v = std::getenv("SOURCE_DATE_EPOCH");
  if (!v || !*v) return std::nullopt;
  char* end = nullptr;
  const long long t = std::strtoll(v, &end, 10);
  if (*end != '\0' || t < 0) return std::nullopt;
  return static_cast<std::time_t>(t);
}

}  // namespace appeal
