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
    }
    return it->second;
  };
}

}  // namespace appeal::app
