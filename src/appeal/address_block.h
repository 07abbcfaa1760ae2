// Blocks of text the builders share: styled paragraphs and the recipient address checked
// against the frame it must fit (an envelope window, an envelope's address zone, a label).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "appeal/case_model.h"
#include "appeal/postal_address.h"
#include "layout/flow.h"
#include "layout/layout_spec.h"

namespace appeal {

// A block of `text` in the layout's named style.
layout::Block styled(std::string text, const std::string& lang, const layout::LayoutSpec& spec,
                     const std::string& style, layout::Typesetter& ts);
// Left aligned, never hyphenated: address lines, salutations, captions.
layout::Block ragged(layout::Block b);

// The recipient block of target `ti` (postal_address.h), one block per line. Throws
// InputError naming the case file and pointer when it has more lines than the layout's
// address_max_lines or a line is wider than `frame`.
std::vector<layout::Block> address_blocks(const Case& c, size_t ti, const std::string& lang,
                                          const layout::LayoutSpec& spec, layout::Typesetter& ts,
                                          const std::optional<Origin>& origin, const layout::Frame& frame);

}  // namespace appeal
