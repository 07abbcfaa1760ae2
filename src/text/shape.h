// HarfBuzz shaping of one span of text in one font, with kerning and ligatures on.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "text/glyph_run.h"

namespace appeal::text {

struct ShapeRequest {
  FontId font = 0;
  double size_pt = 0;
  std::string language;  // BCP 47, e.g. "ru", "kk", "en"
};

// Shapes text[span] (split into script runs internally). Glyph clusters are byte offsets
// into `text`, so callers keep a glyph's link to its source across any later splitting.
std::vector<Glyph> shape(FontCache& fonts, const ShapeRequest& req, std::string_view text,
                         SourceSpan span);

// Total advance of shaped glyphs.
double advance_of(const std::vector<Glyph>& glyphs);

}  // namespace appeal::text
