// Which dates a run prints and stamps. Never the clock when the input says otherwise:
// the same input and date make the same bytes (SOURCE_DATE_EPOCH, reproducible-builds.org).
#pragma once
#include <ctime>
#include <ostream>
#include <string>

#include "appeal/case_model.h"

namespace appeal::app {

struct LetterDates {
  Date letter_date;         // printed in the letter: --date, else SOURCE_DATE_EPOCH, else today
  std::time_t created = 0;  // the PDF's CreationDate: SOURCE_DATE_EPOCH, else the letter date
};
// UsageError for a --date that is not YYYY-MM-DD.
LetterDates letter_dates(const std::string& date_option);

// A leaflet's CreationDate: --date, else SOURCE_DATE_EPOCH, else the case's issue date
// (its deadline when it has none).
std::time_t leaflet_created(const std::string& date_option, const Case& c);

// Allowed but suspicious: a deadline already past, or too close for international post
// (a week or more between most countries). Writes "warning: ..." lines to `out`.
void warn_about_deadline(const Case& c, const Date& letter_date, const std::string& case_file, std::ostream& out);

}  // namespace appeal::app
