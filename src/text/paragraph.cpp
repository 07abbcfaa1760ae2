#include "text/paragraph.h"

#include "text/paragraph_tokens.h"

namespace appeal::text {

std::vector<Line> set_paragraph(const Paragraph& para, const Measure& measure, FontCache& fonts,
                                const HyphenatorSet& hyphenators) {
  if (para.text.empty() || para.styles.empty()) return {};
  PreparedParagraph prep(para, measure, fonts, hyphenators);
  if (measure.align != Align::kJustify) return break_first_fit(prep);
  auto total = break_total_fit(prep);
  std::vector<Line> lines = total ? std::move(*total) : break_first_fit(prep);
  if (measure.max_space_ratio <= 0) return lines;
  for (const Line& l : lines) {
    if (l.justified && l.space_ratio > measure.max_space_ratio) {
      Measure ragged = measure;
      ragged.align = Align::kLeft;
      // Ragged lines keep their natural spacing: squeezed lines next to justified ones
      // would show the uneven colour this fallback is there to avoid.
      ragged.space_shrink = 0;
      ragged.letter_shrink_em = 0;
      PreparedParagraph again(para, ragged, fonts, hyphenators);
      return break_first_fit(again);
    }
  }
  return lines;
}

}  // namespace appeal::text
