// The Unicode Bidirectional Algorithm (UAX #9) through ICU's ubidi: embedding levels for a
// paragraph's text and the visual order of a line's pieces. Lines are broken in logical
// order; only then is each line reordered (UAX #9, section 3.4, rules L1-L2).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace appeal::text {

enum class Direction { kAuto, kLtr, kRtl };

struct BidiLevels {
  uint8_t base = 0;             // paragraph level: 0 left to right, 1 right to left
  std::vector<uint8_t> levels;  // per byte of the text; empty when every level is `base` == 0
  uint8_t at(uint32_t byte) const { return levels.empty() ? base : levels[byte]; }
};

// Levels for UTF-8 `text`. kAuto takes the direction of the first strong character
// (rules P2-P3), left to right when there is none.
BidiLevels resolve_bidi(std::string_view text, Direction direction);

// Visual order of pieces with the given levels: element i is the logical index of the
// piece drawn i-th from the left (rule L2).
std::vector<size_t> visual_order(const std::vector<uint8_t>& levels);

// A line as a PDF's glyphs give it, left to right on the page (visual order), back in
// logical (reading) order: ICU's inverse BiDi (UAX #9 run backwards,
// UBIDI_REORDER_INVERSE_LIKE_DIRECT), the paragraph right to left when its rightmost strong
// character is (and its leftmost is not left to right). Text without right-to-left
// characters is returned as it is.
std::string logical_from_visual(std::string_view line);

}  // namespace appeal::text
