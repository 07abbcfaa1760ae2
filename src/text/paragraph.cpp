#include "text/paragraph.h"

#include <algorithm>

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
  const auto loose = [&](const std::vector<Line>& set) {
    return std::any_of(set.begin(), set.end(),
                       [&](const Line& l) { return l.justified && l.space_ratio > measure.max_space_ratio; });
  };
  if (loose(lines) && measure.letter_stretch_em > 0) {
    // A second chance before giving up justification: twice the letter spacing (still
    // under 3 % of the em, within what book typographers allow a narrow column, e.g.
    // Bringhurst 2.1.11) takes slack off the word spaces.
    Measure wider = measure;
    wider.letter_stretch_em = measure.letter_stretch_em * 2;
    PreparedParagraph again(para, wider, fonts, hyphenators);
    if (auto second = break_total_fit(again); second && !loose(*second)) return std::move(*second);
  }
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
