// Minimal UTF-8 helpers the engine needs at byte offsets (clusters are byte offsets).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace appeal::text {

// Decodes the code point starting at `pos` and advances `pos` past it.
// Invalid sequences decode as U+FFFD and advance one byte, so callers never loop forever.
char32_t next_code_point(std::string_view s, size_t& pos);

void append_utf8(std::string& out, char32_t cp);

// "U+0410" style name used in messages.
std::string code_point_name(char32_t cp);

// Lower-cases with glibc's C.UTF-8 tables (hyphenation patterns are lower case).
std::u32string to_lower(std::u32string_view s);
// Full Unicode upper case in `language`'s rules (ICU, CLDR): Turkish and Azerbaijani
// "i" -> "İ", German "ß" -> "SS", Greek accents dropped. Language-neutral when empty.
std::string to_upper(std::string_view utf8, const std::string& language = "");

// Unicode Normalization Form C (UAX #15) through ICU: "e" + U+0301 becomes "é", so text
// typed or exported in NFD is drawn and extracted as the same characters as NFC.
std::string to_nfc(std::string_view utf8);

// UTF-16 for ICU's C API, and back (surrogate pairs for code points above U+FFFF).
std::u16string to_utf16(std::string_view utf8);
std::string from_utf16(std::u16string_view utf16);

std::u32string to_u32(std::string_view s);
std::string to_utf8(std::u32string_view s);

}  // namespace appeal::text
