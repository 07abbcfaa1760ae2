#include "text/utf8.h"

#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <clocale>
#include <cstdio>
#include <cwctype>
#include <locale.h>

namespace appeal::text {

char32_t next_code_point(std::string_view s, size_t& pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(pos);
  int extra = 0;
  char32_t cp = 0;
  if (b0 < 0x80) {
    ++pos;
    return b0;
  } else if ((b0 & 0xE0) == 0xC0) {
    extra = 1;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    extra = 2;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    extra = 3;
    cp = b0 & 0x07;
  } else {
    ++pos;
    return 0xFFFD;
  }
  for (int i = 1; i <= extra; ++i) {
    if (pos + i >= s.size() || (byte(pos + i) & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  }
  pos += extra + 1;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string code_point_name(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

namespace {
// One C.UTF-8 locale for the process: the user's LC_ALL must not change casing.
locale_t utf8_locale() {
  static const locale_t loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  return loc;
}
}  // namespace

std::u16string to_utf16(std::string_view utf8) {
  std::u16string out;
  out.reserve(utf8.size());
  for (size_t pos = 0; pos < utf8.size();) {
    const char32_t c = next_code_point(utf8, pos);
    if (c >= 0x10000) {
      out += static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10));
      out += static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      out += static_cast<char16_t>(c);
    }
  }
  return out;
}

std::string from_utf16(std::u16string_view utf16) {
  std::string out;
  out.reserve(utf16.size());
  for (size_t i = 0; i < utf16.size(); ++i) {
    char32_t c = utf16[i];
    if (c >= 0xD800 && c < 0xDC00 && i + 1 < utf16.size() && utf16[i + 1] >= 0xDC00 && utf16[i + 1] < 0xE000) {
      c = 0x10000 + ((c - 0xD800) << 10) + (utf16[++i] - 0xDC00);
    }
    append_utf8(out, c);
  }
  return out;
}

std::string to_upper(std::string_view utf8, const std::string& language) {
  // ICU's full case mapping (SpecialCasing.txt) changes lengths ("ß" -> "SS") and
  // depends on the language.
  const std::u16string in = to_utf16(utf8);
  char locale[ULOC_FULLNAME_CAPACITY] = {};
  if (!language.empty()) {
    int32_t parsed = 0;
    UErrorCode status = U_ZERO_ERROR;
    uloc_forLanguageTag(language.c_str(), locale, sizeof locale, &parsed, &status);
    if (U_FAILURE(status)) locale[0] = '\0';
  }
  std::u16string up(in.size() * 3 + 1, u'\0');
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = u_strToUpper(up.data(), static_cast<int32_t>(up.size()), in.data(), static_cast<int32_t>(in.size()),
                                 locale, &status);
  if (U_FAILURE(status)) return std::string(utf8);
  return from_utf16(std::u16string_view(up.data(), static_cast<size_t>(n)));
}

std::u32string to_lower(std::u32string_view s) {
  const locale_t loc = utf8_locale();
  std::u32string out;
  out.reserve(s.size());
  for (char32_t c : s) {
    out += loc ? static_cast<char32_t>(towlower_l(static_cast<wint_t>(c), loc)) : c;
  }
  return out;
}

std::string to_nfc(std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return std::string(utf8);  // ASCII is always NFC: the common case costs nothing
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* nfc = unorm2_getNFCInstance(&status);
  if (U_FAILURE(status)) return std::string(utf8);
  const std::u16string in = to_utf16(utf8);
  const auto n16 = static_cast<int32_t>(in.size());
  status = U_ZERO_ERROR;
  if (unorm2_isNormalized(nfc, in.data(), n16, &status) && U_SUCCESS(status)) return std::string(utf8);
  std::u16string out(in.size() * 3 + 1, u'\0');
  status = U_ZERO_ERROR;
  const int32_t n = unorm2_normalize(nfc, in.data(), n16, out.data(), static_cast<int32_t>(out.size()), &status);
  if (U_FAILURE(status)) return std::string(utf8);
  return from_utf16(std::u16string_view(out.data(), static_cast<size_t>(n)));
}

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  for (size_t pos = 0; pos < s.size();) out += next_code_point(s, pos);
  return out;
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

}  // namespace appeal::text
