// Blocks of text the builders share: styled paragraphs and the recipient address fitted
// to the frame it must fit (an envelope window, an envelope's address zone, a label).
#pragma once
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "appeal/case_model.h"
#include "appeal/postal_address.h"
#include "layout/flow.h"
#include "common/input_error.h"
#include "layout/layout_spec.h"

namespace appeal {

// A block of `text` in the layout's named style.
layout::Block styled(std::string text, const std::string& lang, const layout::LayoutSpec& spec,
                     const std::string& style, text::Typesetter& ts);
// Left aligned, never hyphenated: address lines, salutations, captions.
layout::Block ragged(layout::Block b);

// Lines set to fit a frame: `set` points into `blocks`, so move the whole, never a part.
struct FittedLines {
  std::deque<layout::Block> blocks;
  std::vector<layout::SetBlock> set;
  double size_pt = 0, leading_pt = 0;
};

// Sets each of `lines` as its own line in `style`, within `frame`: a line wider than the
// frame wraps between words (after a comma or " · " when one fits) with its continuation
// indented; when the lines do not fit the frame's height the whole block is set smaller
// and tighter, in quarter points, down to `fit`'s minimum. nullopt when even that fails;
// then `bad_line` is the first line that could not be set (or lines.size() when they
// are all set but too many for the height).
std::optional<FittedLines> fit_lines(const std::vector<std::string>& lines, const std::string& lang,
                                     const layout::TextStyleSpec& style, const layout::FitSpec& fit,
                                     const Rect& frame, text::Typesetter& ts, size_t* bad_line = nullptr,
                                     layout::Role role = layout::Role::kAddress);

// An address that does not fit its field even at the layout's minimum size. Bad input,
// but only for the files of that target and language: the CLI writes the others.
class UnfittableAddress : public InputError {
 public:
  using InputError::InputError;
};

// Whether address_blocks says on stderr when it set an address smaller (`-q` turns it off).
void set_address_notes(bool on);

// The recipient block of target `ti` (postal_address.h) fitted to `frame` with the
// layout's address style and address_fit. Throws InputError naming the case file,
// pointer, target and language when it cannot fit even at the minimum size.
FittedLines address_blocks(const Case& c, size_t ti, const std::string& lang, const layout::LayoutSpec& spec,
                           text::Typesetter& ts, const std::optional<Origin>& origin, const Rect& frame);

// A size in points for messages: "6.5", "7.44" (at most two decimals).
std::string format_pt(double pt);

}  // namespace appeal
