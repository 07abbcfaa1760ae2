#include "appeal/address_block.h"

#include "layout/input_error.h"

namespace appeal {

using layout::Block;
using layout::Frame;
using layout::LayoutSpec;
using layout::Typesetter;

Block styled(std::string text, const std::string& lang, const LayoutSpec& spec, const std::string& style,
             Typesetter& ts) {
  const layout::TextStyleSpec& s = spec.style(style);
  return layout::make_block(std::move(text), lang, ts.font(s.font), s.size_pt, s.leading_pt);
}

Block ragged(Block b) {
  b.measure.align = text::Align::kLeft;
  b.measure.hyphenate = false;
  return b;
}

// The recipient block as the post wants it (postal_address.h), checked against the window.
std::vector<Block> address_blocks(const Case& c, size_t ti, const std::string& lang, const LayoutSpec& spec,
                                  Typesetter& ts, const std::optional<Origin>& origin, const Frame& frame) {
  const Target& t = c.targets.at(ti);
  const RecipientBlock r = format_recipient(t.address, lang, origin);
  const std::string ptr = "/targets/" + std::to_string(ti) + "/address/lines/" + r.lines_language;
  const std::vector<std::string>& lines = r.lines;

  if (static_cast<int>(lines.size()) > spec.address_max_lines) {
    throw InputError(c.source_file, ptr,
                     std::to_string(lines.size()) + " address lines" + (r.country_line ? " (with the country line)" : "") +
                         " do not fit the address field of layout " + spec.name + ", which holds " +
                         std::to_string(spec.address_max_lines));
  }
  std::vector<Block> blocks;
  const size_t own_lines = lines.size() - (r.country_line ? 1 : 0);
  for (size_t i = 0; i < lines.size(); ++i) {
    Block b = ragged(styled(lines[i], lang, spec, "address", ts));
    if (layout::set_block(b, frame.w_pt, ts).lines.size() > 1) {
      const std::string where = i < own_lines ? ptr + "/" + std::to_string(i) : "/targets/" + std::to_string(ti) + "/address/country";
      throw InputError(c.source_file, where,
                       "address line \"" + lines[i] + "\" of target \"" + t.id + "\" is wider than the address field of layout " +
                           spec.name + " (" + std::to_string(static_cast<int>(frame.w_pt / layout::kPtPerMm)) + " mm)");
    }
    blocks.push_back(std::move(b));
  }
  return blocks;
}

}  // namespace appeal
