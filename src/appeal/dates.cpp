#include "appeal/dates.h"

#include <cstdlib>
#include <regex>

#include "appeal/language.h"

namespace appeal {

std::optional<Date> parse_iso_date(const std::string& s) {
  static const std::regex re(R"(^(\d{4})-(\d{2})-(\d{2})$)");
  std::smatch m;
  if (!std::regex_match(s, m, re)) return std::nullopt;
  Date d{std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])};
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  if (d.day > kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0)) return std::nullopt;
  return d;
}

namespace {
void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
}
}  // namespace

std::string format_date(const Date& d, const std::string& lang) {
  const LanguageInfo* l = find_language(lang);
  if (!l) l = find_language("en");
  std::string s = l->date_pattern;
  replace_all(s, "{d}", std::to_string(d.day));
  replace_all(s, "{month}", l->months_genitive.at(static_cast<size_t>(d.month - 1)));
  replace_all(s, "{y}", std::to_string(d.year));
  return s;
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
