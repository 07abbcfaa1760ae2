#include "text/line_breaks.h"

#include <mutex>

#include <linebreak.h>

namespace appeal::text {

std::vector<BreakAfter> line_break_opportunities(std::string_view text, const std::string& lang) {
  static std::once_flag once;
  std::call_once(once, [] { init_linebreak(); });
  std::vector<char> brks(text.size());
  if (!text.empty()) {
    set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(text.data()), text.size(), lang.c_str(),
                        brks.data());
  }
  std::vector<BreakAfter> out(text.size(), BreakAfter::kNo);
  for (size_t i = 0; i < brks.size(); ++i) {
    if (brks[i] == LINEBREAK_MUSTBREAK) out[i] = BreakAfter::kMandatory;
    if (brks[i] == LINEBREAK_ALLOWBREAK) out[i] = BreakAfter::kAllowed;
  }
  return out;
}

}  // namespace appeal::text
