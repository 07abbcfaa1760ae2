// Language names to tags and the language of a passage (fields.h).
#include "importer/fields.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <map>
#include <mutex>

#include "importer/vocabulary.h"
#include "text/language_tag.h"
#include "text/utf8.h"

namespace appeal::importer {
namespace {

std::vector<std::string> with_english(std::vector<std::string> langs) {
  if (std::find(langs.begin(), langs.end(), "en") == langs.end()) langs.push_back("en");
  return langs;
}

}  // namespace

std::vector<std::string> language_tags(const std::string& names, const std::vector<std::string>& languages,
                                       std::vector<std::string>& unknown) {
  // Display names of every ISO 639 language in each display language, folded.
  static std::map<std::string, std::map<std::string, std::string>> by_display;
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  std::vector<std::string> displays = with_english(languages);
  for (const char* more : {"es", "fr", "pt", "ru", "ar", "de"}) {
    if (std::find(displays.begin(), displays.end(), more) == displays.end()) displays.push_back(more);
  }
  for (const std::string& d : displays) {
    if (by_display.count(d)) continue;
    auto& table = by_display[d];
    for (const char* const* code = icu::Locale::getISOLanguages(); *code; ++code) {
      icu::UnicodeString name;
      icu::Locale(*code).getDisplayLanguage(icu::Locale(d.c_str()), name);
      std::string utf8;
      name.toUTF8String(utf8);
      if (utf8 != *code) table.emplace(fold(utf8), *code);
    }
  }
  // Split on list punctuation and the word "and"/"or" in the usual languages.
  std::string folded = fold(names);
  for (const char* sep : {" and ", " or ", " y ", " o ", " et ", " ou ", " и ", " или ", " و ", " oder ", " und ", " e "}) {
    for (size_t p; (p = folded.find(sep)) != std::string::npos;) folded.replace(p, std::char_traits<char>::length(sep), ";");
  }
  std::vector<std::string> tags;
  std::string token;
  auto take = [&] {
    while (!token.empty() && (token.back() == ' ' || token.back() == '.')) token.pop_back();
    size_t b = 0;
    while (b < token.size() && token[b] == ' ') ++b;
    token = token.substr(b);
    if (!token.empty()) {
      std::string tag;
      for (const std::string& d : displays) {
        if (auto it = by_display[d].find(token); it != by_display[d].end()) {
          tag = it->second;
          break;
        }
      }
      if (tag.empty()) {
        unknown.push_back(token);
      } else if (std::find(tags.begin(), tags.end(), tag) == tags.end()) {
        tags.push_back(tag);
      }
    }
    token.clear();
  };
  for (char c : folded) {
    if (c == ';' || c == ',' || c == '/' || c == '(' || c == ')' || c == '|') take();
    else token += c;
  }
  take();
  return tags;
}

std::string guess_language(const std::string& text, const std::vector<std::string>& candidates) {
  std::map<UScriptCode, int> scripts;
  for (char32_t c : text::to_u32(text)) {
    if (!u_isalpha(static_cast<UChar32>(c))) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode sc = uscript_getScript(static_cast<UChar32>(c), &status);
    if (U_SUCCESS(status) && sc > USCRIPT_INHERITED) ++scripts[sc];
  }
  if (scripts.empty()) return "";
  const UScriptCode main =
      std::max_element(scripts.begin(), scripts.end(), [](const auto& a, const auto& b) { return a.second < b.second; })->first;
  const std::string main_name = uscript_getShortName(main);
  std::vector<std::string> fit;
  for (const std::string& c : candidates) {
    const std::string full = text::maximized_tag(c);  // "ru" -> "ru-Cyrl-RU"
    if (full.find("-" + main_name) != std::string::npos) fit.push_back(c);
  }
  if (fit.size() <= 1) return fit.empty() ? "" : fit[0];
  // Several languages share the script: count their frequent words.
  const Vocabulary& v = vocabulary();
  std::map<std::string, int> words;
  int total = 0;
  std::string w;
  for (char32_t c : text::to_u32(fold(text)) + U' ') {
    if (u_isalpha(static_cast<UChar32>(c)) || u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DIACRITIC)) {
      text::append_utf8(w, c);
    } else if (!w.empty()) {
      ++words[w];
      ++total;
      w.clear();
    }
  }
  std::string best = fit[0];
  int best_score = -1;
  for (const std::string& c : fit) {
    const auto it = v.function_words.find(text::primary_language(c));
    if (it == v.function_words.end()) continue;
    int score = 0;
    for (const std::string& fw : it->second) score += words.count(fw) ? words[fw] : 0;
    if (score > best_score) {
      best = c;
      best_score = score;
    }
  }
  return best;
}

}  // namespace appeal::importer
