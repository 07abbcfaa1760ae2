// HarfBuzz shaping of one span of text in one font, with kerning and ligatures on.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "text/bidi.h"
#include "text/glyph_run.h"

namespace appeal::text {

struct ShapeRequest {
  FontId font = 0;
  double size_pt = 0;
  std::string language;  // BCP 47, e.g. "ru", "kk", "en"
  // The text's bidi levels: a run at an odd level shapes right to left, which also mirrors
  // brackets (UAX #9, L4). Without them, each script's own direction.
  const BidiLevels* bidi = nullptr;
};

// Shapes text[span] (split into script runs internally). Glyph clusters are byte offsets
// into `text`, so callers keep a glyph's link to its source across any later splitting.
std::vector<Glyph> shape(FontCache& fonts, const ShapeRequest& req, std::string_view text,
                         SourceSpan span);

// Total advance of shaped glyphs.
double advance_of(const std::vector<Glyph>& glyphs);

}  // namespace appeal::text
