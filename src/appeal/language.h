// Languages the renderer can write a letter in: month names, date order, UI words.
#pragma once
#include <string>
#include <vector>

namespace appeal {

struct LanguageInfo {
  std::string tag;                 // "ru"
  std::vector<std::string> months_genitive;  // "июня": the form a date uses
  std::string date_pattern;        // {d} {month} {y} placeholders
  std::string page_of;             // "{n} of {m}" style pattern
  std::string date_label;          // label in a hand-filled sender block
  std::string signature_label;
  std::string sender_label;
};

// nullptr when the tag is not supported.
const LanguageInfo* find_language(const std::string& tag);
std::string supported_languages();  // "en, kk, ru" for messages

}  // namespace appeal
