#include "app/font_coverage.h"

#include <algorithm>

namespace appeal::app {

FontCoverage::FontCoverage(text::Typesetter& ts, const std::map<std::string, layout::TextStyleSpec>& styles)
    : ts_(ts) {
  for (const auto& [name, style] : styles) {
    const text::FontId id = ts.font(style.font);
    if (std::find(fonts_.begin(), fonts_.end(), id) != fonts_.end()) continue;
    fonts_.push_back(id);
    files_.push_back(style.font);
    names_ += (names_.empty() ? "" : ", ") + style.font;
  }
  if (!ts.fallback().names().empty()) names_ += "; fallbacks: " + ts.fallback().names();
}

CanDraw FontCoverage::can_draw() {
  return [this](char32_t c) {
    auto it = seen_.find(c);
    if (it == seen_.end()) {
      const bool all = std::all_of(fonts_.begin(), fonts_.end(), [&](text::FontId f) { return ts_.can_draw(f, c); });
      it = seen_.emplace(c, all).first;
      const bool own = std::all_of(fonts_.begin(), fonts_.end(), [&](text::FontId f) {
        return ts_.fonts().has_code_point(f, c);
      });
      if (all && !own && c > 0x20 && c != 0xAD && !(c >= 0x200B && c <= 0x200F)) fallback_only_.push_back(c);
    }
    return it->second;
  };
}

std::vector<char32_t> FontCoverage::drawn_by_fallback() const {
  std::vector<char32_t> out = fallback_only_;
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace appeal::app
