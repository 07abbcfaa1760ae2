#include "importer/fields.h"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumberutil.h>
#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/ulocdata.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "importer/vocabulary.h"
#include "text/language_tag.h"
#include "text/utf8.h"

namespace appeal::importer {
namespace {

std::vector<std::string> with_english(std::vector<std::string> langs) {
  if (std::find(langs.begin(), langs.end(), "en") == langs.end()) langs.push_back("en");
  return langs;
}

bool is_word_start(const std::u16string& s, size_t i) {
  return i == 0 || !u_isalnum(s[i - 1]);
}

}  // namespace

std::optional<Date> find_date(const std::string& text, const std::vector<std::string>& languages) {
  // Explicit patterns first (ICU's locale formats add weekday and era forms); each is tried
  // strictly at every word start, so "2 children" never reads as a date.
  static const char16_t* kPatterns[] = {u"y-MM-dd",       u"d MMMM y",    u"d MMMM, y",   u"MMMM d, y", u"MMMM d y",
                                        u"d 'de' MMMM 'de' y", u"d 'de' MMMM y", u"d. MMMM y", u"d MMM y",  u"MMM d, y",
                                        u"d MMMM y 'г'.", u"dd.MM.y",     u"dd/MM/y",     u"d.M.y",     u"d/M/y"};
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  const std::u16string s(reinterpret_cast<const char16_t*>(u.getBuffer()), static_cast<size_t>(u.length()));
  for (const std::string& lang : with_english(languages)) {
    const icu::Locale locale(lang.c_str());
    for (const char16_t* pattern : kPatterns) {
      UErrorCode status = U_ZERO_ERROR;
      icu::SimpleDateFormat fmt(icu::UnicodeString(pattern), locale, status);
      if (U_FAILURE(status)) continue;
      fmt.setLenient(false);
      fmt.adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
      for (size_t i = 0; i < s.size(); ++i) {
        if (!u_isdigit(s[i]) && !u_isalpha(s[i])) continue;
        if (!is_word_start(s, i)) continue;
        icu::ParsePosition pos(static_cast<int32_t>(i));
        const UDate d = fmt.parse(u, pos);
        if (pos.getErrorIndex() >= 0 || pos.getIndex() == static_cast<int32_t>(i)) continue;
        // The date must end at a word end: "16 June 20234" is not 16 June 2023.
        const size_t end = static_cast<size_t>(pos.getIndex());
        if (end < s.size() && u_isalnum(s[end])) continue;
        std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(icu::TimeZone::createTimeZone("UTC"), status));
        cal->setTime(d, status);
        Date out{cal->get(UCAL_YEAR, status), cal->get(UCAL_MONTH, status) + 1, cal->get(UCAL_DATE, status)};
        if (U_SUCCESS(status) && out.year >= 1950 && out.year <= 2200) return out;
      }
    }
  }
  return std::nullopt;
}

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

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

PhoneNumberUtil& phone_util() {
  static PhoneNumberUtil* util = [] {
    PhoneNumberUtil* u = PhoneNumberUtil::GetInstance();
    u->SetLogger(new i18n::phonenumbers::NullLogger());  // libphonenumber's own; it keeps it
    return u;
  }();
  return *util;
}

std::string e123(const PhoneNumber& n) {
  std::string f;
  phone_util().Format(n, PhoneNumberUtil::INTERNATIONAL, &f);
  std::replace(f.begin(), f.end(), '-', ' ');  // E.123: groups separated by spaces
  return f;
}

}  // namespace

Phone normalise_phone(const std::string& written, const std::string& country) {
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  PhoneNumberUtil& u = phone_util();
  const std::string region = country.empty() ? "ZZ" : country;
  PhoneNumber n;
  const auto err = u.Parse(written, region, &n);
  std::string why;
  if (err == PhoneNumberUtil::NO_PARSING_ERROR && u.IsValidNumber(n)) {
    std::string got;
    u.GetRegionCodeForNumber(n, &got);
    if (country.empty() || got == country || u.GetCountryCodeForRegion(country) == n.country_code()) return {e123(n), ""};
    why = "a number in " + got + ", not in the address's country " + country;
  }
  // "+8 7172 ...": the trunk prefix dialled inside the country ("8" in Kazakhstan and
  // Russia, "0" in most of Europe) written where the country code belongs; "+8 495 ..."
  // even reads as a valid number of another country (+84, Viet Nam).
  size_t plus = written.find('+');
  std::string ndd;
  if (!country.empty()) u.GetNddPrefixForRegion(country, true, &ndd);
  if (plus != std::string::npos && !ndd.empty()) {
    std::string digits;
    for (size_t i = plus + 1; i < written.size(); ++i) {
      if (written[i] >= '0' && written[i] <= '9') digits += written[i];
    }
    if (digits.rfind(ndd, 0) == 0) {
      PhoneNumber national;
      if (u.Parse(written.substr(plus + 1), country, &national) == PhoneNumberUtil::NO_PARSING_ERROR &&
          u.IsValidNumber(national)) {
        const std::string f = e123(national);
        return {f, "\"" + written + "\" writes " + country + "'s domestic trunk prefix " + ndd +
                       " as a country code; dialled from abroad the number is " + f};
      }
    }
  }
  if (!why.empty()) return {e123(n), why};
  if (err == PhoneNumberUtil::NO_PARSING_ERROR) return {written, "not a valid number in " + region + " (libphonenumber)"};
  return {written, "not a telephone number libphonenumber can read"};
}

std::string phone_region(const std::string& written) {
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  PhoneNumber n;
  if (written.find('+') == std::string::npos) return "";
  if (phone_util().Parse(written, "ZZ", &n) != PhoneNumberUtil::NO_PARSING_ERROR || !phone_util().IsValidNumber(n)) return "";
  std::string r;
  phone_util().GetRegionCodeForNumber(n, &r);
  return r == "ZZ" ? "" : r;
}

namespace {

// Languages with a CLDR locale in `country`: ICU's available locales "kk_KZ", "ru_KZ".
std::vector<std::string> locales_in(const std::string& country) {
  std::vector<std::string> out;
  int32_t count = 0;
  const icu::Locale* all = icu::Locale::getAvailableLocales(count);
  for (int32_t i = 0; i < count; ++i) {
    if (country == all[i].getCountry()) out.push_back(all[i].getName());
  }
  return out;
}

}  // namespace

std::string foreign_letters(const std::string& line, const std::string& country) {
  const std::vector<std::string> locales = locales_in(country);
  if (locales.empty()) return "";
  USet* letters = uset_openEmpty();
  for (const std::string& loc : locales) {
    UErrorCode status = U_ZERO_ERROR;
    ULocaleData* ld = ulocdata_open(loc.c_str(), &status);
    if (U_FAILURE(status)) continue;
    for (ULocaleDataExemplarSetType t : {ULOCDATA_ES_STANDARD, ULOCDATA_ES_AUXILIARY}) {
      UErrorCode st = U_ZERO_ERROR;
      USet* s = ulocdata_getExemplarSet(ld, nullptr, USET_ADD_CASE_MAPPINGS, t, &st);
      if (U_SUCCESS(st) && s) {
        uset_addAll(letters, s);
        uset_close(s);
      }
    }
    ulocdata_close(ld);
  }
  std::string out;
  std::set<char32_t> seen;
  for (char32_t c : text::to_u32(line)) {
    if (c < 0x80 || !u_isalpha(static_cast<UChar32>(c)) || uset_contains(letters, static_cast<UChar32>(c))) continue;
    if (seen.insert(c).second) {
      if (!out.empty()) out += ", ";
      text::append_utf8(out, c);
    }
  }
  uset_close(letters);
  return out;
}

std::string country_languages(const std::string& country) {
  std::set<std::string> names;
  for (const std::string& loc : locales_in(country)) {
    icu::UnicodeString n;
    icu::Locale(loc.c_str()).getDisplayLanguage(icu::Locale::getEnglish(), n);
    std::string s;
    n.toUTF8String(s);
    names.insert(s);
  }
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

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
