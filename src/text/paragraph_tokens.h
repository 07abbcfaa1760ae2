// Private to src/text: a paragraph cut into boxes (words and word pieces) and glue (word
// spaces), shaped once. Both line breakers work on this.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "text/paragraph.h"

namespace appeal::text {

struct Token {
  bool glue = false;
  SourceSpan span;
  const StyleSpan* style = nullptr;
  std::vector<Glyph> glyphs;
  double width_pt = 0;
  bool breakable = false;  // glue: a line may end here; box: a line may end after it
  bool forced = false;     // a line must end after this token
  bool ends_with_hyphen = false;  // box whose break_after follows a hyphen or dash
  bool ends_with_repeatable = false;  // ... a hyphen (U+002D, U+2010) a language may repeat
  bool capitalized = false;  // box whose first letter is a capital ("Kassym-" of a name)
  HyphenRole hyphen = HyphenRole::kNone;
  SourceSpan word;         // for a kInserted box: the whole hyphenated word
  uint8_t level = 0;       // bidi embedding level (UAX #9) of its first character; odd: RTL
  bool cursive = false;    // joined script (Arabic): no letter spacing inside
};

class PreparedParagraph {
 public:
  PreparedParagraph(const Paragraph& p, const Measure& m, FontCache& f, const HyphenatorSet& h);

  std::vector<Token>& tokens() { return tokens_; }
  const Paragraph& para() const { return para_; }
  const Measure& measure() const { return measure_; }
  FontCache& fonts() { return fonts_; }

  // Byte offsets where box `t` may be hyphenated (empty: names, numbers, URLs, no patterns).
  std::vector<uint32_t> hyphen_points(const Token& t) const;
  // Width of the part of box `t` before byte `point`, from its whole-word shaping.
  double width_before(const Token& t, uint32_t point) const;
  size_t glyphs_before(const Token& t, uint32_t point) const;
  double hyphen_width(const StyleSpan& style);
  // Splits box `t` at `point` into the head (with an inserted hyphen, unless told not
  // to: a URL) and the tail.
  std::pair<Token, Token> split(const Token& t, uint32_t point, bool with_hyphen = true);
  // Whether box `t` is part of a URL or e-mail address.
  bool in_url(const Token& t) const;
  // A line ends between boxes `head` and `next` of one word ("Kassym-|Jomart"): marks
  // them so the word, which ends at byte `word_end`, extracts whole from `head` (unless
  // `head` is itself the continuation of an earlier break in the word: a URL broken twice),
  // and starts `next` with a repeated hyphen where the language wants one ("biało-|-czerwony").
  void break_inside_word(Token& head, Token& next, uint32_t word_end);
  // Where the word that box `k` belongs to ends: the end of the last box before a glue.
  uint32_t word_end(const std::vector<Token>& tokens, size_t k) const;
  // Width a line break after box `t` adds to the next line (the repeated hyphen).
  double post_break_width(const Token& t);
  const HyphenRules* rules() const { return rules_; }
  // Paragraph level (UAX #9): 1 when the paragraph reads right to left.
  uint8_t base_level() const { return bidi_.base; }
  // A name's own hyphen ("Kassym-|Jomart"): a line breaks there only when nothing else
  // works, unless the language hyphenates capitalised words (German nouns).
  bool is_name_hyphen(const Token& t) const;

 private:
  std::vector<Glyph> shape_span(const StyleSpan& style, SourceSpan span);
  const StyleSpan& style_at(uint32_t byte) const;
  void push_box(uint32_t begin, uint32_t end, bool breakable, bool forced);
  void tokenize();
  std::optional<SourceSpan> word_core(const Token& t) const;

  const Paragraph& para_;
  const Measure& measure_;
  FontCache& fonts_;
  const Hyphenator* hyphenator_ = nullptr;
  const HyphenRules* rules_ = nullptr;  // the language's, even when not hyphenating
  std::vector<Token> tokens_;
  BidiLevels bidi_;
  std::vector<std::u32string> protected_stems_;  // lower case
  std::vector<SourceSpan> urls_;                 // URLs and e-mail addresses in the text
};

// Builds a line from tokens [begin, end); `last` lines are not justified.
Line build_line(PreparedParagraph& prep, const std::vector<Token>& tokens, size_t begin, size_t end, bool last);

// The two breakers: each returns the lines, splitting hyphenated boxes as needed.
std::vector<Line> break_first_fit(PreparedParagraph& prep);
std::optional<std::vector<Line>> break_total_fit(PreparedParagraph& prep);

}  // namespace appeal::text
