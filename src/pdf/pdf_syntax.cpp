#include "pdf/pdf_syntax.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace appeal::pdf {

std::string pdf_number(double v) {
  if (std::fabs(v) < 0.0005) return "0";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
  std::string s(buf, end);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string pdf_tj_number(double v) {
  if (std::fabs(v) < 0.05) return "0";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 1);
  std::string s(buf, end);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

std::string utf16be_hex(const std::string& utf8) {
  std::string out;
  char buf[8];
  for (size_t i = 0; i < utf8.size();) {
    const unsigned char b = static_cast<unsigned char>(utf8[i]);
    uint32_t cp;
    int len;
    if (b < 0x80) cp = b, len = 1;
    else if ((b & 0xE0) == 0xC0) cp = b & 0x1F, len = 2;
    else if ((b & 0xF0) == 0xE0) cp = b & 0x0F, len = 3;
    else cp = b & 0x07, len = 4;
    for (int k = 1; k < len && i + k < utf8.size(); ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
    i += len;
    if (cp >= 0x10000) {  // surrogate pair
      cp -= 0x10000;
      std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(0xD800 + (cp >> 10)));
      out += buf;
      cp = 0xDC00 + (cp & 0x3FF);
    }
    std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
    out += buf;
  }
  return out;
}

}  // namespace appeal::pdf
