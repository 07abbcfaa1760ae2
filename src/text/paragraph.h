// Sets one paragraph into lines of a given measure: break opportunities (UAX #14),
// language binding rules, hyphenation, and justification. Justified text is broken by
// Knuth–Plass total fit (knuth_plass.h); ragged text and very long paragraphs first-fit.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "text/bidi.h"
#include "text/glyph_run.h"
#include "text/hyphenator.h"

namespace appeal::text {

struct StyleSpan {
  SourceSpan span;
  FontId font = 0;
  double size_pt = 0;
  // The font the text asked for, when `font` is a fallback (font_fallback.h): line height
  // and baseline follow it, so a name in Noto Naskh Arabic or Noto CJK, whose ascenders
  // and descenders reach further than PT Sans's, keeps its line on the block's grid.
  std::optional<FontId> requested;
};

struct Paragraph {
  std::string text;               // UTF-8; U+00A0 binds words, U+00AD marks a soft hyphen
  std::string language = "en";    // BCP 47 tag: picks the HyphenatorSet entry and the binding rules
  std::vector<StyleSpan> styles;  // cover text in order without gaps
  // Words never to hyphenate (names of people, places). A word in the text matches when it
  // starts with the entry minus its last letter (entries of 5+ letters), so inflected
  // forms match too: "Мамай" protects "Мамая", "Жанболат" protects "Жанболата".
  std::vector<std::string> unbreakable_words;
  // The language's rules (repeated hyphen, capitalised words) when the caller knows them
  // without loading patterns (a ragged block); else those of the HyphenatorSet entry.
  std::optional<HyphenRules> rules;
  // Paragraph direction (UAX #9): kAuto follows the first strong letter, so an Arabic or
  // Hebrew paragraph is right to left. Lines are reordered for display; a right-to-left
  // paragraph's "left" alignment is its start, the right edge.
  Direction direction = Direction::kAuto;
};

enum class Align { kLeft, kRight, kCenter, kJustify };

struct Measure {
  double width_pt = 0;
  Align align = Align::kJustify;
  bool hyphenate = true;
  // Word-space elasticity as fractions of the natural space: XeTeX's defaults for OpenType
  // fonts (stretch 1/2, shrink 1/3 of the space), so comparisons with XeLaTeX are fair.
  double space_stretch = 0.5;
  double space_shrink = 1.0 / 3;
  // Letter spacing justified lines may use, per gap between two glyphs of a word, in ems
  // (0 turns it off). XeLaTeX has none; InDesign's paragraph composer calls it "letter
  // spacing". Small amounts take slack off the word spaces, so lines keep an even
  // colour. Spent before word spaces stretch beyond their natural stretch.
  double letter_stretch_em = 0.015;
  double letter_shrink_em = 0.005;
  // Knuth–Plass costs, TeX's plain-format values (The TeXbook, ch. 14 and app. B).
  double tolerance = 200;
  double pretolerance = 100;         // first pass, without hyphenation
  double hyphen_penalty = 50;
  double explicit_hyphen_penalty = 50;
  double line_penalty = 10;
  double adj_demerits = 10000;
  double double_hyphen_demerits = 10000;
  // TeX's plain value is 5000; a paragraph whose last line is only the end of a word
  // ("раймын.") reads as a widow, so here the break is avoided unless nothing else sets.
  double final_hyphen_demerits = 1e6;
  double emergency_stretch_em = 3;
  int max_consecutive_hyphens = 2;   // 0: no limit beyond double_hyphen_demerits   // third pass: extra stretch per line, in ems of the text
  // TeX's \uchyph: whether words starting with a capital may be hyphenated, when the
  // language's rules (HyphenRules::hyphenate_capitalized) allow it at all. Words in
  // capitals only (acronyms) never are.
  bool hyphenate_capitalized = true;
  // The loosest word space a justified line may have, as a multiple of the natural space
  // (0: no limit). A paragraph that total fit cannot set within it (a language without
  // patterns, a narrow column, long unbreakable words) is set ragged-right instead: an
  // uneven edge reads better than rivers of white (Bringhurst 2.1.3 on the measure).
  double max_space_ratio = 1.55;
  // Paragraphs with more break candidates than this are set first-fit (memory and time of
  // total fit grow with the number of active breakpoints).
  size_t total_fit_limit = 20000;
  // First-fit only: hyphenate when the line would otherwise stretch its spaces beyond this,
  // and beyond the second value right after a hyphenated line.
  double loose_space_ratio = 1.4;
  double loose_after_hyphen_ratio = 1.9;
};

// Hyphenators by language; a language without an entry is not hyphenated.
using HyphenatorSet = std::map<std::string, const Hyphenator*>;

std::vector<Line> set_paragraph(const Paragraph& para, const Measure& measure, FontCache& fonts,
                                const HyphenatorSet& hyphenators);

}  // namespace appeal::text
