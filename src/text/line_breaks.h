// UAX #14 line-break opportunities, from libunibreak.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace appeal::text {

enum class BreakAfter : char {
  kNo,         // no break after this byte (or it is inside a character)
  kAllowed,    // a line may end after the character ending at this byte
  kMandatory,  // a line must end here (hard line break, end of text)
};

// One entry per byte of `text`: the opportunity after the character ending at that byte.
std::vector<BreakAfter> line_break_opportunities(std::string_view text, const std::string& lang);

}  // namespace appeal::text
