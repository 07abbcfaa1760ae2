#include "text/language_tag.h"

#include <unicode/uloc.h>

#include <cctype>

#include "text/utf8.h"

namespace appeal::text {

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// BCP 47 -> ICU locale id ("sr-Latn" -> "sr_Latn"), or empty when ICU stops early.
std::string icu_locale(std::string_view tag, int32_t* parsed = nullptr) {
  char buf[ULOC_FULLNAME_CAPACITY] = {};
  int32_t used = 0;
  UErrorCode status = U_ZERO_ERROR;
  const std::string t(tag);
  uloc_forLanguageTag(t.c_str(), buf, sizeof buf, &used, &status);
  if (parsed) *parsed = used;
  if (U_FAILURE(status)) return {};
  return buf;
}

std::string to_tag(const std::string& locale) {
  char buf[ULOC_FULLNAME_CAPACITY] = {};
  UErrorCode status = U_ZERO_ERROR;
  uloc_toLanguageTag(locale.c_str(), buf, sizeof buf, /*strict=*/true, &status);
  if (U_FAILURE(status)) return {};
  return buf;
}

}  // namespace

std::optional<std::string> canonical_language_tag(std::string_view tag, std::string* why) {
  const std::string quoted = "\"" + std::string(tag) + "\"";
  const auto fail = [&](const std::string& reason) -> std::optional<std::string> {
    if (why) *why = "ill-formed language tag " + quoted + ": " + reason;
    return std::nullopt;
  };
  if (tag.empty()) return fail("empty");
  for (char c : tag) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') {
      return fail("a BCP 47 tag has letters, digits and '-' only, e.g. \"pt-BR\"");
    }
  }
  // RFC 5646 §2.1: the primary language subtag is 2-3 letters (ISO 639); 4 is reserved
  // and 5-8 ("registered") has never been assigned, so neither names a real language.
  const std::string_view primary = tag.substr(0, tag.find('-'));
  if (primary.size() < 2 || primary.size() > 3) {
    return fail("the language subtag must be a 2- or 3-letter ISO 639 code, e.g. \"es\", \"pt-BR\"");
  }
  for (char c : primary) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return fail("the language subtag must be letters");
  }
  int32_t parsed = 0;
  const std::string locale = icu_locale(tag, &parsed);
  // ICU parses the longest well-formed prefix; anything left over is ill-formed.
  if (locale.empty() || parsed != static_cast<int32_t>(tag.size())) {
    return fail("not BCP 47 (RFC 5646), e.g. \"es\", \"pt-BR\", \"sr-Latn\"");
  }
  // ISO 639 membership: ICU maps every code it knows to an ISO 639-2/3 code.
  if (*uloc_getISO3Language(locale.c_str()) == '\0') {
    if (why) *why = "unknown language " + quoted + " (not an ISO 639 code)";
    return std::nullopt;
  }
  std::string out = to_tag(locale);
  if (out.empty()) return fail("not BCP 47 (RFC 5646)");
  return out;
}

namespace {
// "sr-Cyrl-RS" -> "Cyrl": the script subtag of a maximized tag.
std::string script_of(const std::string& maximized) {
  for (size_t b = 0, e; b < maximized.size(); b = e + 1) {
    e = maximized.find('-', b);
    if (e == std::string::npos) e = maximized.size();
    if (b > 0 && e - b == 4 && std::isalpha(static_cast<unsigned char>(maximized[b]))) return maximized.substr(b, 4);
  }
  return {};
}
}  // namespace

std::vector<std::string> lookup_chain(const std::string& tag) {
  std::vector<std::string> out;
  std::string t = tag;
  std::string script;  // the tag's script, once known to matter
  while (!t.empty()) {
    if (!out.empty()) {
      // CLDR's parent locales: a tag does not fall back to one written in another script
      // ("sr-Latn" is not served by the Cyrillic "sr", nor "zh-Hant" by "zh" = zh-Hans).
      if (script.empty()) script = script_of(maximized_tag(tag));
      const std::string shorter = script_of(maximized_tag(t));
      if (!script.empty() && !shorter.empty() && shorter != script) break;
    }
    out.push_back(t);
    const size_t dash = t.rfind('-');
    if (dash == std::string::npos) break;
    t.resize(dash);
    // A singleton ("x", "u") left at the end introduces an extension: drop it too.
    const size_t prev = t.rfind('-');
    if (prev != std::string::npos && t.size() - prev == 2) t.resize(prev);
  }
  return out;
}

std::string primary_language(const std::string& tag) { return lower(tag.substr(0, tag.find('-'))); }

std::string maximized_tag(const std::string& tag) {
  const std::string locale = icu_locale(tag);
  if (locale.empty()) return tag;
  char buf[ULOC_FULLNAME_CAPACITY] = {};
  UErrorCode status = U_ZERO_ERROR;
  uloc_addLikelySubtags(locale.c_str(), buf, sizeof buf, &status);
  if (U_FAILURE(status)) return tag;
  const std::string out = to_tag(buf);
  return out.empty() ? tag : out;
}

std::string language_display_name(const std::string& tag, const std::string& display_language) {
  const std::string locale = icu_locale(tag), display = icu_locale(display_language);
  if (locale.empty()) return tag;
  UChar buf[256];
  UErrorCode status = U_ZERO_ERROR;
  // uloc_getDisplayName names script and region too: "português (Brasil)".
  const int32_t n = uloc_getDisplayName(locale.c_str(), display.c_str(), buf, 256, &status);
  if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING || n <= 0) return tag;
  return from_utf16(std::u16string_view(buf, static_cast<size_t>(n)));
}

}  // namespace appeal::text
