// Sets one paragraph into lines of a given measure: break opportunities (UAX #14),
// hyphenation, and justification. Greedy first-fit with a looseness check; total-fit
// (Knuth-Plass) is the planned replacement and will keep this interface.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "text/glyph_run.h"
#include "text/hyphenator.h"

namespace appeal::text {

struct StyleSpan {
  SourceSpan span;
  FontId font = 0;
  double size_pt = 0;
};

struct Paragraph {
  std::string text;               // UTF-8; U+00A0 binds words, U+00AD marks a soft hyphen
  std::string language = "en";    // BCP 47 primary tag picks the hyphenation patterns
  std::vector<StyleSpan> styles;  // cover text in order without gaps
};

enum class Align { kLeft, kRight, kCenter, kJustify };

struct Measure {
  double width_pt = 0;
  Align align = Align::kJustify;
  bool hyphenate = true;
  // Word spaces may shrink to this fraction of their natural width (TeX: 1/3 of a space
  // for Computer Modern; 0.8 keeps Cyrillic text even at 11 pt on a letter measure).
  double min_space_ratio = 0.8;
  // Above this stretch a line is "loose"; a hyphenation is tried before accepting it.
  double loose_space_ratio = 1.4;
  // After a hyphenated line the bar is higher: runs of hyphens read badly (TeX's
  // \doublehyphendemerits serves the same end).
  double loose_after_hyphen_ratio = 1.9;
  // TeX's \uchyph=0: words starting with a capital (names above all) are not hyphenated.
  bool hyphenate_capitalized = false;
};

// Hyphenators by language; a language without an entry is not hyphenated.
using HyphenatorSet = std::map<std::string, const Hyphenator*>;

std::vector<Line> set_paragraph(const Paragraph& para, const Measure& measure, FontCache& fonts,
                                const HyphenatorSet& hyphenators);

}  // namespace appeal::text
