#include "app/date_policy.h"

#include <cstdio>
#include <filesystem>

#include "app/run_options.h"
#include "appeal/dates.h"

namespace appeal::app {

namespace {

Date parse_date_option(const std::string& given) {
  const auto d = parse_iso_date(given);
  if (!d) throw UsageError("--date " + given + ": expected YYYY-MM-DD");
  return *d;
}

}  // namespace

LetterDates letter_dates(const std::string& date_option) {
  LetterDates out;
  if (!date_option.empty()) {
    out.letter_date = parse_date_option(date_option);
  } else if (const auto epoch = source_date_epoch()) {
    out.letter_date = date_from_time(*epoch);
  } else {
    out.letter_date = date_from_time(std::time(nullptr));
  }
  out.created = source_date_epoch().value_or(time_from_date(out.letter_date));
  return out;
}

std::time_t leaflet_created(const std::string& date_option, const Case& c) {
  if (!date_option.empty()) return time_from_date(parse_date_option(date_option));
  return source_date_epoch().value_or(time_from_date(c.issued.value_or(c.deadline)));
}

void warn_about_deadline(const Case& c, const Date& letter_date, const std::string& case_file, std::ostream& out) {
  const long days = static_cast<long>((time_from_date(c.deadline) - time_from_date(letter_date)) / 86400);
  char deadline[16];
  std::snprintf(deadline, sizeof deadline, "%04d-%02d-%02d", c.deadline.year, c.deadline.month, c.deadline.day);
  const std::string file = std::filesystem::path(case_file).filename().string();
  if (days < 0) {
    out << "warning: " << file << ":/deadline: the deadline " << deadline << " passed " << -days
        << " day(s) before the letters' date\n";
  } else if (days < 7) {
    out << "warning: " << file << ":/deadline: " << days << " day(s) to the deadline " << deadline
        << "; international post often takes a week or more\n";
  }
}

}  // namespace appeal::app
