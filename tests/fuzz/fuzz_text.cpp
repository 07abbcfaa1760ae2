// libFuzzer: the text engine on a paragraph of arbitrary text in any language at any
// measure: itemization, bidi, font fallback, shaping, line breaking, hyphenation. The
// first bytes choose the measure, the language, alignment and hyphenation; the rest,
// made valid UTF-8 (the readers guarantee that much), is the paragraph.
#include <string>

#include "appeal/paths.h"
#include "layout/flow.h"
#include "text/utf8.h"

namespace {

appeal::text::Typesetter& typesetter() {
  static appeal::text::Typesetter* ts = [] {
    auto* t = new appeal::text::Typesetter(appeal::font_dir(), appeal::hyphen_catalog());
    t->set_fallback(appeal::font_fallback());
    return t;
  }();
  return *ts;
}

std::string valid_utf8(const uint8_t* data, size_t size) {
  std::string out;
  for (size_t i = 0; i < size;) {
    const uint8_t c = data[i];
    const size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    bool ok = n > 0 && i + n <= size;
    for (size_t k = 1; ok && k < n; ++k) ok = (data[i + k] & 0xC0) == 0x80;
    char32_t cp = 0;
    if (ok) {
      cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
      for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (data[i + k] & 0x3F);
      const char32_t min = n == 1 ? 0 : n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
      ok = cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    }
    if (ok) {
      out.append(reinterpret_cast<const char*>(data + i), n);
      i += n;
    } else {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3 || size > 4096) return 0;
  static const char* const kLangs[] = {"en", "ru", "kk", "de", "ar", "he", "zh", "ja", "hi", "th", "tr", "pl"};
  const double width = 10 + data[0] * 2.0;  // 10 to 520 pt
  const std::string lang = kLangs[data[1] % (sizeof kLangs / sizeof kLangs[0])];
  appeal::text::Typesetter& ts = typesetter();
  appeal::layout::Block b =
      appeal::layout::make_block(valid_utf8(data + 3, size - 3), lang, ts.font("PTSerif-Regular.ttf"), 11, 14);
  b.measure.align = static_cast<appeal::text::Align>(data[2] % 4);
  b.measure.hyphenate = (data[2] & 4) != 0;
  const appeal::layout::SetBlock set = appeal::layout::set_block(b, width, ts);
  (void)set;
  return 0;
}
