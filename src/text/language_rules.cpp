#include "text/language_rules.h"

#include <hb.h>

#include <map>
#include <string>

#include "text/utf8.h"

namespace appeal::text {

namespace {

using Chars = std::u32string_view;

struct Word {  // a run of non-space characters
  uint32_t begin, end;  // bytes in the text
  Chars chars;          // into the decoded text
};

bool is_letter(char32_t c) {
  switch (hb_unicode_general_category(hb_unicode_funcs_get_default(), c)) {
    case HB_UNICODE_GENERAL_CATEGORY_LOWERCASE_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_TITLECASE_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_OTHER_LETTER:
      return true;
    default:
      return false;
  }
}

bool is_upper(char32_t c) {
  return hb_unicode_general_category(hb_unicode_funcs_get_default(), c) == HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER;
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_dash(char32_t c) { return c == 0x2014 || c == 0x2013; }  // em and en dash used as a dash

// Strips opening punctuation such as "(" or "«" so "(ст." still reads as "ст.".
Chars core(Chars w) {
  size_t b = 0;
  while (b < w.size() && (w[b] == U'(' || w[b] == U'«' || w[b] == U'"' || w[b] == U'“' || w[b] == U'„')) ++b;
  return w.substr(b);
}

// One-letter prepositions and conjunctions that must not end a line, per language: Russian
// typesetting practice (Мильчин, Чельцова, "Справочник издателя и автора"); Ukrainian and
// Belarusian the same; Czech ČSN 01 6910 and Slovak STN 01 6910 ("neslabičné předložky" and
// one-letter conjunctions); Polish composition rules (no "sierotki" at a line end);
// Slovenian and Croatian practice.
const std::u32string* one_letter_words(const std::string& language) {
  static const std::map<std::string, std::u32string> table = {
      {"ru", U"вксуоиая"}, {"uk", U"вузійао"}, {"be", U"узіа"},    {"cs", U"ksvzouai"},
      {"sk", U"ksvzouai"}, {"pl", U"aiouwz"},   {"sl", U"ksvzoai"}, {"hr", U"aikosu"}};
  const auto it = table.find(language.substr(0, language.find('-')));
  return it == table.end() ? nullptr : &it->second;
}

bool is_one_letter_word(Chars w, const std::u32string& words) {
  const Chars c = core(w);
  if (c.size() != 1) return false;
  const std::u32string lower = to_lower(std::u32string(c));
  return words.find(lower[0]) != std::u32string::npos;
}

// "К." or "К.-Ж." or "J.": capital letters each followed by a period, joined by hyphens.
bool is_initials(Chars w) {
  const Chars c = core(w);
  if (c.size() < 2) return false;
  size_t i = 0;
  while (i < c.size()) {
    if (!is_upper(c[i]) || i + 1 >= c.size() || c[i + 1] != U'.') return false;
    i += 2;
    if (i < c.size()) {
      if (c[i] != U'-') return false;
      ++i;
    }
  }
  return true;
}

bool ends_with_number(Chars w) {
  const Chars c = core(w);
  return !c.empty() && is_digit(c.back());
}

// "ст.", "п.", "No.", "Art.": one to four letters and a period, lower case or capitalised.
bool is_short_abbreviation(Chars w) {
  const Chars c = core(w);
  if (c.size() < 2 || c.size() > 5 || c.back() != U'.') return false;
  for (size_t i = 0; i + 1 < c.size(); ++i) {
    if (!is_letter(c[i])) return false;
  }
  return true;
}

bool starts_with_letter_or_digit(Chars w) {
  const Chars c = core(w);
  return !c.empty() && (is_letter(c.front()) || is_digit(c.front()));
}

}  // namespace

std::vector<uint32_t> binding_spaces(std::string_view text, const std::string& language) {
  std::u32string chars;  // decoded once; words are views into it
  chars.reserve(text.size());
  std::vector<Word> words;
  std::vector<size_t> firsts;    // each word's first index in `chars`
  std::vector<uint32_t> spaces;  // the single U+0020 between words[k] and words[k+1], or npos
  size_t pos = 0;
  while (pos < text.size()) {
    const uint32_t at = static_cast<uint32_t>(pos);
    const char32_t c = next_code_point(text, pos);
    if (c == U' ' || c == U'\n' || c == 0xA0 || c == U'\t') {
      if (!words.empty() && spaces.size() < words.size()) spaces.push_back(c == U' ' ? at : UINT32_MAX);
      continue;
    }
    if (words.empty() || spaces.size() == words.size()) {
      words.push_back({at, at, {}});
      firsts.push_back(chars.size());
    }
    chars += c;
    words.back().end = static_cast<uint32_t>(pos);
  }
  for (size_t k = 0; k < words.size(); ++k) {
    const size_t end = k + 1 < words.size() ? firsts[k + 1] : chars.size();
    words[k].chars = Chars(chars).substr(firsts[k], end - firsts[k]);
  }
  const std::u32string* one_letter = one_letter_words(language);
  std::vector<uint32_t> out;
  for (size_t k = 0; k + 1 < words.size() && k < spaces.size(); ++k) {
    if (spaces[k] == UINT32_MAX || spaces[k] + 1 != words[k + 1].begin || spaces[k] != words[k].end) continue;
    const Chars a = words[k].chars;
    const Chars b = words[k + 1].chars;
    const bool bind = (one_letter && is_one_letter_word(a, *one_letter)) || (is_initials(a) && starts_with_letter_or_digit(b)) ||
                      (ends_with_number(a) && starts_with_letter_or_digit(b) && core(b).size() > 1) ||
                      (is_short_abbreviation(a) && !core(b).empty() && is_digit(core(b).front())) ||
                      (!b.empty() && is_dash(b.front()));
    if (bind) out.push_back(spaces[k]);
  }
  return out;
}

}  // namespace appeal::text
