#include "appeal/language.h"

#include <array>

namespace appeal {

namespace {

const std::array<LanguageInfo, 3>& table() {
  static const std::array<LanguageInfo, 3> t = {{
      {"en",
       {"January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"},
       "{d} {month} {y}",
       "page {n} of {m}",
       "Date",
       "Signature",
       "From"},
      // Kazakh dates put the year first: "2023 жылғы 16 маусым".
      {"kk",
       {"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
        "қазан", "қараша", "желтоқсан"},
       "{y} жылғы {d} {month}",
       "{n}-бет, барлығы {m}",
       "Күні",
       "Қолы",
       "Жіберуші"},
      // Russian: genitive month and "г." (GOST R 7.0.97-2016 style "16 июня 2023 г.").
      {"ru",
       {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
        "октября", "ноября", "декабря"},
       "{d}\u00A0{month} {y}\u00A0г.",
       "стр.\u00A0{n} из\u00A0{m}",
       "Дата",
       "Подпись",
       "Отправитель"},
  }};
  return t;
}

}  // namespace

const LanguageInfo* find_language(const std::string& tag) {
  for (const LanguageInfo& l : table()) {
    if (l.tag == tag) return &l;
  }
  return nullptr;
}

std::string supported_languages() {
  std::string out;
  for (const LanguageInfo& l : table()) out += (out.empty() ? "" : ", ") + l.tag;
  return out;
}

}  // namespace appeal
