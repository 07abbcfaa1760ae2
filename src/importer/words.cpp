// Recasing a title set in capitals, and ids from any script (fields.h).
#include "importer/fields.h"

#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

#include "importer/vocabulary.h"
#include "text/utf8.h"

namespace appeal::importer {
std::string sentence_case(const std::string& title, const std::string& document_text, const std::string& language) {
  const std::u32string t = text::to_u32(title);
  int lower = 0, upper = 0;
  for (char32_t c : t) {
    if (u_islower(static_cast<UChar32>(c))) ++lower;
    if (u_isupper(static_cast<UChar32>(c))) ++upper;
  }
  // Set in capitals, or typed all in lower case: recased. Mixed case is the author's.
  if ((lower > 0 && upper > 0) || lower + upper < 2) return title;
  // How the document spells each word when it is not shouting: the most frequent form.
  // Words that open a sentence or a line are capitalised for that reason alone: not counted.
  std::map<std::string, std::map<std::string, int>> spellings;
  std::u32string w;
  bool sentence_start = true;
  auto flush = [&] {
    if (w.empty()) return;
    bool has_lower = false;
    for (char32_t c : w) has_lower |= u_islower(static_cast<UChar32>(c)) != 0;
    if (has_lower && !sentence_start) ++spellings[fold(text::to_utf8(w))][text::to_utf8(w)];
    sentence_start = false;
    w.clear();
  };
  for (char32_t c : text::to_u32(document_text)) {
    if (u_isalpha(static_cast<UChar32>(c)) || c == '\'' || c == 0x2019) {
      w += c;
      continue;
    }
    flush();
    if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == 0x00BF || c == 0x00A1) sentence_start = true;
  }
  flush();
  std::string out;
  bool first = true;
  std::u32string word;
  auto emit = [&] {
    if (word.empty()) return;
    std::string form;
    if (auto it = spellings.find(fold(text::to_utf8(word))); it != spellings.end()) {
      form = std::max_element(it->second.begin(), it->second.end(),
                              [](const auto& a, const auto& b) { return a.second < b.second; })->first;
    } else {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(text::to_utf8(word));
      u.toLower(icu::Locale(language.c_str()));
      u.toUTF8String(form);
    }
    if (first) {
      std::u32string f = text::to_u32(form);
      if (!f.empty()) f[0] = static_cast<char32_t>(u_totitle(static_cast<UChar32>(f[0])));
      form = text::to_utf8(f);
      first = false;
    }
    out += form;
    word.clear();
  };
  for (char32_t c : t) {
    if (u_isalpha(static_cast<UChar32>(c)) || c == '\'' || c == 0x2019) {
      word += c;
    } else {
      emit();
      text::append_utf8(out, c);
    }
  }
  emit();
  return out;
}

std::string slug(const std::string& s) {
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  static std::unique_ptr<icu::Transliterator> tr = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  if (tr) tr->transliterate(u);
  std::string a;
  u.toUTF8String(a);
  std::string out;
  for (char c : a) {
    if (c == '\'') continue;  // the soft sign's transliteration: "general'nyj" -> "generalnyj"
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() > 40) out.resize(40);
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace appeal::importer
