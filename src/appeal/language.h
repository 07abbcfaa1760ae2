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
  // Leaflet headings and labels.
  std::string urgent_action;       // "Urgent Action"
  std::string act_before;          // "Act before {date}"
  std::string what_to_do;          // heading of the action steps
  std::string preferred_languages; // "Preferred languages"
  std::string write_to;            // heading of the targets' addresses
  std::string background;          // heading of the story
  std::string scan_to_act;         // caption under the QR code
  std::string local_group;         // heading of the group's contact
  std::string group_placeholder;   // when no group is given: a box to stamp or write in
  std::string email;               // "E-mail"
};

// nullptr when the tag is not supported.
const LanguageInfo* find_language(const std::string& tag);
std::string supported_languages();  // "en, kk, ru" for messages

}  // namespace appeal
