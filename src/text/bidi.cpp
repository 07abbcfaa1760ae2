#include "text/bidi.h"

#include <memory>
#include <stdexcept>

#include <unicode/ubidi.h>
#include <unicode/uchar.h>

#include "text/utf8.h"

namespace appeal::text {

namespace {

// Bytes that can start a right-to-left character: Hebrew, Arabic, Syriac, Thaana, N'Ko,
// Samaritan, Mandaic (U+0590-U+08FF lead bytes D6-E0 A3), presentation forms (EF AC-EF BB),
// explicit marks RLM/RLE/RLO/RLI (E2 80 8F, E2 80 AB, E2 80 AE, E2 81 A7) and the
// supplementary RTL blocks (F0 90 A0-F0 90 BF, F0 9E). A text without them is left to right
// throughout unless the caller says otherwise, and skips ICU.
bool may_contain_rtl(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0xD6) continue;
    const auto b1 = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    if (b <= 0xDF) return true;
    if (b == 0xE0 && b1 <= 0xA3) return true;
    const auto b2 = i + 2 < s.size() ? static_cast<unsigned char>(s[i + 2]) : 0;
    if (b == 0xE2 && ((b1 == 0x80 && (b2 == 0x8F || b2 == 0xAB || b2 == 0xAE)) || (b1 == 0x81 && b2 == 0xA7))) return true;
    if (b == 0xEF && b1 >= 0xAC && b1 <= 0xBB) return true;
    if (b == 0xF0 && ((b1 == 0x90 && b2 >= 0xA0) || b1 == 0x9E)) return true;
  }
  return false;
}

struct BidiDeleter {
  void operator()(UBiDi* b) const { ubidi_close(b); }
};

}  // namespace

BidiLevels resolve_bidi(std::string_view text, Direction direction) {
  BidiLevels out;
  out.base = direction == Direction::kRtl ? 1 : 0;
  if (direction != Direction::kRtl && !may_contain_rtl(text)) return out;

  const std::u16string u16 = to_utf16(text);
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UBiDi, BidiDeleter> bidi(ubidi_openSized(static_cast<int32_t>(u16.size()), 0, &err));
  const UBiDiLevel para = direction == Direction::kAuto  ? UBIDI_DEFAULT_LTR
                          : direction == Direction::kRtl ? 1
                                                         : 0;
  ubidi_setPara(bidi.get(), u16.data(), static_cast<int32_t>(u16.size()), para, nullptr, &err);
  if (U_FAILURE(err)) throw std::runtime_error(std::string("ICU bidi: ") + u_errorName(err));
  out.base = ubidi_getParaLevel(bidi.get()) & 1;
  const UBiDiLevel* levels = ubidi_getLevels(bidi.get(), &err);
  if (U_FAILURE(err)) throw std::runtime_error(std::string("ICU bidi: ") + u_errorName(err));
  out.levels.resize(text.size(), out.base);
  size_t unit = 0;
  for (size_t pos = 0; pos < text.size();) {
    const size_t at = pos;
    const char32_t c = next_code_point(text, pos);
    for (size_t b = at; b < pos; ++b) out.levels[b] = levels[unit];
    unit += c > 0xFFFF ? 2 : 1;
  }
  return out;
}

std::vector<size_t> visual_order(const std::vector<uint8_t>& levels) {
  std::vector<int32_t> map(levels.size());
  if (!levels.empty()) ubidi_reorderVisual(levels.data(), static_cast<int32_t>(levels.size()), map.data());
  return {map.begin(), map.end()};
}

std::string logical_from_visual(std::string_view line) {
  if (!may_contain_rtl(line)) return std::string(line);
  // The paragraph's direction, read off the page: a left-to-right paragraph starts at the
  // left edge, a right-to-left one at the right edge; the majority of strong characters
  // decides when both ends say "right to left" and "left to right" at once.
  int rtl = 0, ltr = 0, first = 0, last = 0;  // +1 left to right, -1 right to left
  for (size_t pos = 0; pos < line.size();) {
    const UCharDirection d = u_charDirection(static_cast<UChar32>(next_code_point(line, pos)));
    const int dir = d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC ? -1 : d == U_LEFT_TO_RIGHT ? 1 : 0;
    if (dir == 0) continue;
    (dir < 0 ? rtl : ltr)++;
    if (first == 0) first = dir;
    last = dir;
  }
  if (rtl == 0) return std::string(line);
  const bool rtl_paragraph = first == 1 ? false : last == -1 ? true : rtl > ltr;
  const std::u16string u16 = to_utf16(line);
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UBiDi, BidiDeleter> bidi(ubidi_openSized(static_cast<int32_t>(u16.size()), 0, &err));
  ubidi_setReorderingMode(bidi.get(), UBIDI_REORDER_INVERSE_LIKE_DIRECT);
  ubidi_setPara(bidi.get(), u16.data(), static_cast<int32_t>(u16.size()), rtl_paragraph ? 1 : 0, nullptr, &err);
  std::u16string out(u16.size() * 2 + 2, u'\0');
  const int32_t n = ubidi_writeReordered(bidi.get(), out.data(), static_cast<int32_t>(out.size()), UBIDI_DO_MIRRORING, &err);
  if (U_FAILURE(err)) throw std::runtime_error(std::string("ICU inverse bidi: ") + u_errorName(err));
  out.resize(static_cast<size_t>(n));
  return from_utf16(out);
}

}  // namespace appeal::text
