#include "pdf/pdf_objects.h"

#include "text/utf8.h"

#include <algorithm>
#include <cmath>

namespace appeal::pdf {

using namespace PoDoFo;

PdfObject ref(uint32_t num) { return PdfObject(PdfReference(num, 0)); }

PdfObject name(std::string_view n) { return PdfObject(PdfName(std::string(n))); }

PdfObject text(std::string_view utf8) {
  const bool plain = std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
  if (plain) return PdfObject(PdfString(std::string(utf8)));  // PDFDocEncoding, which ASCII is
  // UTF-16BE with its byte order mark, encoded here: PoDoFo 0.9.8's own UTF-8 constructor
  // (PdfString(const pdf_utf8*)) overflows a heap buffer on malformed UTF-8 (found by
  // tests/fuzz/fuzz_pdf_strings under AddressSanitizer); text::to_utf16 replaces it.
  std::string bytes = "\xFE\xFF";
  for (char16_t unit : text::to_utf16(utf8)) {
    bytes += static_cast<char>(unit >> 8);
    bytes += static_cast<char>(unit & 0xFF);
  }
  return PdfObject(PdfString(bytes.data(), static_cast<pdf_long>(bytes.size()), false));
}

PdfObject ascii(std::string_view s) { return PdfObject(PdfString(std::string(s))); }

PdfObject hex_bytes(std::string_view bytes) {
  return PdfObject(PdfString(bytes.data(), static_cast<pdf_long>(bytes.size()), true));
}

PdfObject integer(int64_t v) { return PdfObject(static_cast<pdf_int64>(v)); }

PdfObject number(double v) {
  if (v == std::floor(v) && std::abs(v) < 1e15) return integer(static_cast<int64_t>(v));
  return PdfObject(v);
}

PdfObject date(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "D:%Y%m%d%H%M%SZ", &tm);
  return ascii(buf);
}

PdfArray rect(const Rect& r) {
  PdfArray a;
  for (double v : {r.x_pt, r.y_pt, r.x_pt + r.w_pt, r.y_pt + r.h_pt}) a.push_back(number(v));
  return a;
}

PdfArray refs(const std::vector<uint32_t>& nums) {
  PdfArray a;
  for (uint32_t n : nums) a.push_back(ref(n));
  return a;
}

std::string serialized(const PdfObject& o) {
  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  o.Write(&device, ePdfWriteMode_Compact, nullptr);
  return std::string(buffer.GetBuffer(), device.Tell());
}

}  // namespace appeal::pdf
