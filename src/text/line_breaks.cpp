#include "text/line_breaks.h"

#include <mutex>
#include <string>

#include <linebreak.h>

#include "text/utf8.h"

namespace appeal::text {

std::vector<BreakAfter> line_break_opportunities(std::string_view text, const std::string& lang) {
  static std::once_flag once;
  std::call_once(once, [] { init_linebreak(); });
  std::vector<char> brks(text.size());
  // libunibreak asserts on noncharacters (U+FFFF: linebreak.c, set_linebreaks). Input
  // readers refuse them, but the engine takes any UTF-8, so they go in as a character of
  // the same length that breaks like an unknown letter (U+FFFD, or U+F0000 for the four-byte
  // ones); the break opportunities stay aligned with the original bytes.
  std::string clean;
  for (size_t p = 0; p < text.size();) {
    const size_t at = p;
    const char32_t c = next_code_point(text, p);
    if (!((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)) continue;
    if (clean.empty()) clean.assign(text);
    clean.replace(at, p - at, p - at == 3 ? "\xEF\xBF\xBD" : "\xF3\xB0\x80\x80");
  }
  const std::string_view safe = clean.empty() ? text : std::string_view(clean);
  if (!safe.empty()) {
    set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(safe.data()), safe.size(), lang.c_str(), brks.data());
  }
  std::vector<BreakAfter> out(text.size(), BreakAfter::kNo);
  for (size_t i = 0; i < brks.size(); ++i) {
    if (brks[i] == LINEBREAK_MUSTBREAK) out[i] = BreakAfter::kMandatory;
    if (brks[i] == LINEBREAK_ALLOWBREAK) out[i] = BreakAfter::kAllowed;
  }
  return out;
}

}  // namespace appeal::text
