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
       "From",
       "Urgent Action",
       "Act before {date}",
       "What you can do",
       "Preferred languages",
       "Write to",
       "Background",
       "Scan to take action",
       "Your local group",
       "Stamp or write your group's contact here:",
       "E-mail"},
      // Kazakh dates put the year first: "2023 жылғы 16 маусым".
      {"kk",
       {"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
        "қазан", "қараша", "желтоқсан"},
       "{y} жылғы {d} {month}",
       "{n}-бет, барлығы {m}",
       "Күні",
       "Қолы",
       "Жіберуші",
       "Шұғыл әрекет",
       "{date} дейін әрекет етіңіз",
       "Не істей аласыз",
       "Хат тілдері",
       "Кімге жазу керек",
       "Оқиға туралы",
       "Әрекет ету үшін сканерлеңіз",
       "Жергілікті топ",
       "Топтың байланыс деректерін осында жазыңыз:",
       "Э-пошта"},
      // Russian: genitive month and "г." (GOST R 7.0.97-2016 style "16 июня 2023 г.").
      {"ru",
       {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
        "октября", "ноября", "декабря"},
       "{d}\u00A0{month} {y}\u00A0г.",
       "стр.\u00A0{n} из\u00A0{m}",
       "Дата",
       "Подпись",
       "Отправитель",
       "Срочная акция",
       "Действуйте до {date}",
       "Что вы можете сделать",
       "Языки писем",
       "Куда писать",
       "Подробности",
       "Отсканируйте, чтобы принять участие",
       "Местная группа",
       "Контакты вашей группы (штамп или от руки):",
       "Эл. почта"},
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
