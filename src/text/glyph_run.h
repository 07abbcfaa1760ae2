// What the text engine promises its callers: positioned glyphs that remember their text.
#pragma once
#include <cstdint>
#include <vector>

#include "text/font_cache.h"

namespace appeal::text {

// [begin, end) byte offsets into the paragraph's UTF-8 text.
struct SourceSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return begin >= end; }
};

struct Glyph {
  uint32_t gid = 0;
  double advance_pt = 0;  // pen advance after this glyph, kerning and justification included
  double dx_pt = 0;       // GPOS offset from the pen position (marks), + right
  double dy_pt = 0;       // + up
  // Source text this glyph stands for: the whole cluster on its first glyph, empty on the
  // others of the same cluster (a ligature "fi" is one glyph with a 2-character span).
  SourceSpan text;
};

// How a run takes part in a hyphenated word, so a writer can make the word extract whole.
enum class HyphenRole : uint8_t {
  kNone,
  kInserted,      // ends with a hyphen the engine added; `word` spans the whole word
  kContinuation,  // the rest of a word broken on the line before: extracts as nothing
  // Ends a line inside a word at the word's own character (a hyphen, a slash:
  // "Kassym-|Jomart", "and/|or"); `word` spans the whole word, as for kInserted.
  kExplicit,
};

struct GlyphRun {
  FontId font = 0;
  double size_pt = 0;
  double x_pt = 0;       // start of the run from the line's left edge
  SourceSpan source;     // text the run covers
  bool rtl = false;      // right-to-left words: glyphs and words in visual order, reversed from the text
  HyphenRole hyphen = HyphenRole::kNone;
  SourceSpan word;       // for kInserted and kExplicit: the whole word across the break
  std::vector<Glyph> glyphs;  // visual order, left to right as drawn
};

struct Line {
  std::vector<GlyphRun> runs;
  double width_pt = 0;      // set width after justification
  double ascent_pt = 0;     // max ascender of the runs, positive
  double descent_pt = 0;    // max descender, positive below the baseline
  bool hyphenated = false;  // the line ends in an engine-inserted hyphen
  bool justified = false;   // spaces were stretched or shrunk to the measure
  double space_ratio = 1;   // set word-space / natural word-space (1 = natural)
};

}  // namespace appeal::text
