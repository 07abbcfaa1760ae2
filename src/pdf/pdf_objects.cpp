#include "pdf/pdf_objects.h"

#include <algorithm>
#include <cmath>

namespace appeal::pdf {

using namespace PoDoFo;

PdfObject ref(uint32_t num) { return PdfObject(PdfReference(num, 0)); }

PdfObject name(std::string_view n) { return PdfObject(PdfName(std::string(n))); }

PdfObject text(std::string_view utf8) {
  const bool plain = std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
  if (plain) return PdfObject(PdfString(std::string(utf8)));  // PDFDocEncoding, which ASCII is
  return PdfObject(PdfString(reinterpret_cast<const pdf_utf8*>(std::string(utf8).c_str())));
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
