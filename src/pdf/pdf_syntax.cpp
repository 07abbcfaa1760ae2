#include "pdf/pdf_syntax.h"

#include "text/utf8.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace appeal::pdf {

namespace {

// v rounded to `decimals` places without trailing zeros: "12.5", "-3", "0.125". Integer
// arithmetic: content streams format a few numbers per glyph, and a floating-point
// to_chars was a tenth of writing a merged letter.
std::string fixed_point(double v, int decimals) {
  int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const double scaled = v * static_cast<double>(scale);
  if (!(std::fabs(scaled) < 9e15)) {  // out of integer range (or NaN): never in a PDF we write
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    return std::string(buf, end);
  }
  const int64_t n = std::llround(scaled);
  if (n == 0) return "0";
  uint64_t a = static_cast<uint64_t>(n < 0 ? -n : n);
  uint64_t frac = a % static_cast<uint64_t>(scale);
  int digits = decimals;
  while (digits > 0 && frac % 10 == 0) frac /= 10, --digits;
  char buf[32];
  char* p = buf;
  if (n < 0) *p++ = '-';
  p = std::to_chars(p, buf + sizeof buf, a / static_cast<uint64_t>(scale)).ptr;
  if (digits > 0) {
    *p++ = '.';
    char* q = p + digits;
    for (char* r = q; r > p;) *--r = static_cast<char>('0' + frac % 10), frac /= 10;
    p = q;
  }
  return std::string(buf, p);
}

}  // namespace

std::string pdf_number(double v) { return fixed_point(v, 3); }

std::string pdf_tj_number(double v) { return fixed_point(v, 1); }

std::string utf16be_hex(const std::string& utf8) {
  std::string out;
  for (char16_t unit : text::to_utf16(utf8)) append_hex16(out, unit);
  return out;
}

std::string hex_upper(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) out += kDigits[b >> 4], out += kDigits[b & 15];
  return out;
}

}  // namespace appeal::pdf
