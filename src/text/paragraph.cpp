#include "text/paragraph.h"

#include "text/paragraph_tokens.h"

namespace appeal::text {

std::vector<Line> set_paragraph(const Paragraph& para, const Measure& measure, FontCache& fonts,
                                const HyphenatorSet& hyphenators) {
  if (para.text.empty() || para.styles.empty()) return {};
  PreparedParagraph prep(para, measure, fonts, hyphenators);
  if (measure.align == Align::kJustify) {
    if (auto lines = break_total_fit(prep)) return std::move(*lines);
  }
  return break_first_fit(prep);
}

}  // namespace appeal::text
