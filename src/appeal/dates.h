// Dates as letters write them, and where the date of a run comes from.
#pragma once
#include <ctime>
#include <optional>
#include <string>

#include "appeal/case_model.h"

namespace appeal {

// "2023-06-16" -> Date; nullopt unless a real calendar date in that exact form.
std::optional<Date> parse_iso_date(const std::string& s);

// The long date of `lang` from ICU (CLDR): "16 June 2023", "16 de junio de 2023",
// "16 juin 2023". `pattern` (an ICU date pattern, e.g. from data/i18n/<tag>.json
// "date_format") replaces ICU's own where the project's style differs from CLDR's.
std::string format_date(const Date& d, const std::string& lang, const std::string& pattern = "");

Date date_from_time(std::time_t t);  // UTC
std::time_t time_from_date(const Date& d);  // 00:00 UTC

// SOURCE_DATE_EPOCH (reproducible-builds.org) when set and valid, else nullopt.
std::optional<std::time_t> source_date_epoch();

}  // namespace appeal
