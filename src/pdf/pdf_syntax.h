// PDF lexical helpers shared by the writer, independent of the process locale (qpdf
// issue #459: a user's locale once put commas into numbers).
#pragma once
#include <string>
#include <string_view>

namespace appeal::pdf {

// Fixed-point with up to 3 decimals, trailing zeros trimmed: 12.5, -0.333, 0.
std::string pdf_number(double v);

// A TJ adjustment in 1/1000 em with one decimal (1/10000 em: 0.001 pt at 11 pt).
std::string pdf_tj_number(double v);

// UTF-8 -> UTF-16BE as upper-case hex digits, no BOM, no brackets ("0410" for "А").
std::string utf16be_hex(const std::string& utf8);

// Bytes as upper-case hex digits, two a byte (hex strings, ISO 32000-1 §7.3.4.3).
std::string hex_upper(std::string_view bytes);

// A 16-bit value as four upper-case hex digits (glyph ids, UTF-16 units).
inline void append_hex16(std::string& out, unsigned v) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out += kDigits[(v >> shift) & 0xF];
}

}  // namespace appeal::pdf
