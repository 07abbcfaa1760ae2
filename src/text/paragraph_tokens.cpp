#include "text/paragraph_tokens.h"

#include <algorithm>

#include <hb.h>

#include "text/language_rules.h"
#include "text/line_breaks.h"
#include "text/shape.h"
#include "text/utf8.h"

namespace appeal::text {

namespace {

constexpr char32_t kSoftHyphen = 0x00AD;

bool is_space(char32_t c) { return c == 0x20 || c == 0xA0 || c == 0x09; }
bool is_hard_break(char32_t c) { return c == 0x0A || c == 0x2028 || c == 0x0D; }
// Apostrophes inside a word: elision ("dell’articolo", "l’accusa"), possessives
// ("Amnesty’s"), Ukrainian "м’яко", modifier letter apostrophe (U+02BC).
bool is_apostrophe(char32_t c) { return c == U'\'' || c == 0x2019 || c == 0x02BC; }

bool is_hyphen_like(char32_t c) { return c == U'-' || c == 0x2010 || c == 0x2013 || c == 0x2014; }

hb_unicode_general_category_t category(char32_t c) {
  return hb_unicode_general_category(hb_unicode_funcs_get_default(), c);
}

bool is_letter(char32_t c) {
  switch (category(c)) {
    case HB_UNICODE_GENERAL_CATEGORY_LOWERCASE_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_TITLECASE_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_OTHER_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_MODIFIER_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
      return true;
    default:
      return false;
  }
}

// Scripts whose letters join: spacing them apart would break the joins, so justification
// leaves their words alone (UAX #24 script values).
bool is_cursive(char32_t c) {
  if (c < 0x0590) return false;
  switch (hb_unicode_script(hb_unicode_funcs_get_default(), c)) {
    case HB_SCRIPT_ARABIC:
    case HB_SCRIPT_SYRIAC:
    case HB_SCRIPT_NKO:
    case HB_SCRIPT_MONGOLIAN:
    case HB_SCRIPT_MANDAIC:
    case HB_SCRIPT_ADLAM:
      return true;
    default:
      return false;
  }
}

bool is_upper(char32_t c) {
  const auto cat = category(c);
  return cat == HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER || cat == HB_UNICODE_GENERAL_CATEGORY_TITLECASE_LETTER;
}

}  // namespace

PreparedParagraph::PreparedParagraph(const Paragraph& p, const Measure& m, FontCache& f, const HyphenatorSet& h)
    : para_(p), measure_(m), fonts_(f) {
  if (auto it = h.find(p.language); it != h.end() && it->second) {
    rules_ = &it->second->rules();
    if (m.hyphenate) hyphenator_ = it->second;
  }
  if (p.rules) rules_ = &*p.rules;
  for (const std::string& w : p.unbreakable_words) {
    std::u32string stem = to_lower(to_u32(w));
    if (stem.size() >= 5) stem.pop_back();
    if (!stem.empty()) protected_stems_.push_back(std::move(stem));
  }
  tokenize();
}

std::vector<Glyph> PreparedParagraph::shape_span(const StyleSpan& style, SourceSpan span) {
  std::vector<Glyph> g = shape(fonts_, {style.font, style.size_pt, para_.language, &bidi_}, para_.text, span);
  // Soft hyphens are invisible unless a line breaks at them.
  g.erase(std::remove_if(g.begin(), g.end(),
                         [&](const Glyph& x) {
                           size_t p = x.text.begin;
                           return !x.text.empty() && next_code_point(para_.text, p) == kSoftHyphen;
                         }),
          g.end());
  return g;
}

const StyleSpan& PreparedParagraph::style_at(uint32_t byte) const {
  for (const StyleSpan& s : para_.styles) {
    if (byte >= s.span.begin && byte < s.span.end) return s;
  }
  return para_.styles.back();
}

void PreparedParagraph::push_box(uint32_t begin, uint32_t end, bool breakable, bool forced) {
  if (begin >= end) return;
  Token t;
  t.span = {begin, end};
  t.style = &style_at(begin);
  t.glyphs = shape_span(*t.style, t.span);
  t.width_pt = advance_of(t.glyphs);
  t.breakable = breakable;
  t.forced = forced;
  size_t p = end - 1;
  while (p > begin && (static_cast<unsigned char>(para_.text[p]) & 0xC0) == 0x80) --p;
  const char32_t last = next_code_point(para_.text, p);
  t.ends_with_hyphen = is_hyphen_like(last);
  t.ends_with_repeatable = last == U'-' || last == 0x2010;
  bool first_letter = true;
  for (size_t q = begin; q < end;) {
    const char32_t c = next_code_point(para_.text, q);
    if (is_letter(c) && first_letter) {
      t.capitalized = is_upper(c);
      first_letter = false;
    }
    t.cursive = t.cursive || is_cursive(c);
  }
  tokens_.push_back(std::move(t));
}

namespace {

// URLs and e-mail addresses break where the Chicago Manual of Style (17th ed., 6.17) puts
// their breaks: after a slash, a colon, "=" or "&"; before a period, comma, hyphen,
// underscore, "?", "#", "%", "~", "=" or "&". Never after a hyphen of their own (a
// reader would type "pilne--akcje" for a Polish break at "pilne-" with its repeated
// hyphen), never with an added one.
// Returns the byte ranges of the URLs and addresses it found.
std::vector<SourceSpan> break_urls_properly(const std::string& s, std::vector<BreakAfter>& brk) {
  std::vector<SourceSpan> urls;
  static const std::string_view kAfter = "/:=&", kBefore = ".,-_?#%~=&";
  size_t word = 0;
  while (word < s.size()) {
    size_t end = s.find_first_of(" \n\t", word);
    if (end == std::string::npos) end = s.size();
    const std::string_view w(s.data() + word, end - word);
    const bool url = w.find("://") != std::string_view::npos || w.rfind("www.", 0) == 0 ||
                     w.find('@') != std::string_view::npos;
    if (url) {
      urls.push_back({static_cast<uint32_t>(word), static_cast<uint32_t>(end)});
      for (size_t i = word; i + 1 < end; ++i) {
        if (brk[i] == BreakAfter::kMandatory) continue;
        const bool after = kAfter.find(s[i]) != std::string_view::npos && !(s[i] == '/' && s[i + 1] == '/') &&
                           !(s[i] == ':' && s[i + 1] == '/');
        const bool before = kBefore.find(s[i + 1]) != std::string_view::npos && s[i] != '/';
        brk[i] = after || before ? BreakAfter::kAllowed : BreakAfter::kNo;
      }
    }
    word = end + 1;
  }
  return urls;
}

}  // namespace

void PreparedParagraph::tokenize() {
  const std::string& s = para_.text;
  bidi_ = resolve_bidi(s, para_.direction);  // before shaping: levels set each piece's direction
  std::vector<BreakAfter> brk = line_break_opportunities(s, para_.language);
  urls_ = break_urls_properly(s, brk);
  const std::vector<uint32_t> bound = binding_spaces(s, para_.language);
  uint32_t box_begin = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    const uint32_t at = static_cast<uint32_t>(pos);
    const char32_t c = next_code_point(s, pos);
    const uint32_t after = static_cast<uint32_t>(pos);
    // A box also ends where the bidi level changes ("2023." at the end of an Arabic
    // sentence: the digits run left to right, the full stop belongs to the Arabic), so
    // each box has one level and one direction.
    const bool style_edge = after < s.size() && (&style_at(after) != &style_at(at) || bidi_.at(after) != bidi_.at(at));
    if (is_space(c) || is_hard_break(c)) {
      push_box(box_begin, at, false, false);
      Token g;
      g.glue = true;
      g.span = {at, after};
      g.style = &style_at(at);
      g.forced = is_hard_break(c);
      if (!g.forced) g.glyphs = shape_span(*g.style, g.span);
      g.width_pt = advance_of(g.glyphs);
      g.breakable = g.forced || (c != 0xA0 && brk[after - 1] != BreakAfter::kNo &&
                                 !std::binary_search(bound.begin(), bound.end(), at));
      tokens_.push_back(std::move(g));
      box_begin = after;
    } else if (c != kSoftHyphen && after < s.size() && brk[after - 1] != BreakAfter::kNo) {
      push_box(box_begin, after, true, brk[after - 1] == BreakAfter::kMandatory);  // e.g. after "-"
      box_begin = after;
    } else if (style_edge) {
      push_box(box_begin, after, false, false);
      box_begin = after;
    }
  }
  push_box(box_begin, static_cast<uint32_t>(s.size()), true, false);
  for (Token& t : tokens_) t.level = bidi_.at(t.span.begin);
}

// The letters of a box without leading/trailing punctuation; nullopt when the box is not
// a plain word (digits, '@', '/', '.' inside: numbers, e-mail addresses, URLs) or when it
// starts with a capital and capitals are not hyphenated.
std::optional<SourceSpan> PreparedParagraph::word_core(const Token& t) const {
  const std::string& s = para_.text;
  std::vector<std::pair<uint32_t, char32_t>> cps;
  for (size_t p = t.span.begin; p < t.span.end;) {
    const uint32_t at = static_cast<uint32_t>(p);
    cps.push_back({at, next_code_point(s, p)});
  }
  size_t first = 0, last = cps.size();
  while (first < last && !is_letter(cps[first].second)) ++first;
  while (last > first && !is_letter(cps[last - 1].second)) --last;
  if (first >= last) return std::nullopt;
  // The whole box must be the word plus ordinary punctuation around it.
  for (size_t k = 0; k < cps.size(); ++k) {
    const char32_t c = cps[k].second;
    const bool inside = k >= first && k < last;
    if (inside && !is_letter(c) && c != kSoftHyphen && !is_apostrophe(c)) return std::nullopt;
    if (!inside && (c == U'@' || c == U'/' || (c >= U'0' && c <= U'9'))) return std::nullopt;
  }
  // Capitalised words (names, "Amnesty International") break only where the language
  // capitalises common nouns (German) and the measure allows it.
  const bool capitals = measure_.hyphenate_capitalized && hyphenator_ && hyphenator_->rules().hyphenate_capitalized;
  if (!capitals && is_upper(cps[first].second)) return std::nullopt;
  bool all_caps = true;
  std::u32string lower;
  for (size_t k = first; k < last; ++k) {
    all_caps = all_caps && is_upper(cps[k].second);
    lower += cps[k].second;
  }
  if (all_caps) return std::nullopt;  // acronyms: DPK, ООН
  lower = to_lower(lower);
  for (const std::u32string& stem : protected_stems_) {
    if (lower.compare(0, stem.size(), stem) == 0) return std::nullopt;
  }
  return SourceSpan{cps[first].first, last < cps.size() ? cps[last].first : t.span.end};
}

std::vector<uint32_t> PreparedParagraph::hyphen_points(const Token& t) const {
  if (t.glue || t.hyphen != HyphenRole::kNone) return {};
  if (in_url(t)) return {};  // URLs: never an added hyphen
  // The first part of a hyphenated compound ("avukat-", "Kassym-") breaks at its own
  // hyphen only: a second break inside it would split the compound's extraction and
  // reads badly (Duden, Die deutsche Rechtschreibung, "Worttrennung am Zeilenende").
  if (t.ends_with_hyphen) return {};
  const auto core = word_core(t);
  if (!core) return {};
  std::vector<uint32_t> out;
  const std::string_view word(para_.text.data() + core->begin, core->end - core->begin);
  // Explicit soft hyphens override the patterns, as in TeX.
  for (size_t p = 0; p < word.size();) {
    if (next_code_point(word, p) == kSoftHyphen && p < word.size()) out.push_back(core->begin + static_cast<uint32_t>(p));
  }
  if (!out.empty() || !hyphenator_) return out;
  // Patterns see the letters between apostrophes, each part on its own with the
  // language's minima: "dell’ar-ti-co-lo", never a break at the apostrophe itself; in
  // Ukrainian the apostrophe is inside a syllable and the word goes whole.
  if (rules_ && rules_->apostrophe_in_word) {
    for (size_t h : hyphenator_->points(word)) out.push_back(static_cast<uint32_t>(core->begin + h));
    return out;
  }
  size_t part = 0;
  for (size_t p = 0; p <= word.size();) {
    const size_t at = p;
    const bool end = p == word.size();
    const char32_t c = end ? 0 : next_code_point(word, p);
    if (!end && !is_apostrophe(c)) continue;
    for (size_t h : hyphenator_->points(word.substr(part, at - part))) {
      out.push_back(static_cast<uint32_t>(core->begin + part + h));
    }
    if (end) break;
    part = p;
  }
  return out;
}

// Glyphs of clusters that start before `point`. Right-to-left tokens hold their glyphs in
// visual order (clusters descending), so each glyph is judged by its cluster, not its place;
// a cluster's later glyphs (empty text) belong to the cluster of the glyph before them.
double PreparedParagraph::width_before(const Token& t, uint32_t point) const {
  double w = 0;
  uint32_t cluster = t.span.begin;
  for (const Glyph& g : t.glyphs) {
    if (!g.text.empty()) cluster = g.text.begin;
    if (cluster < point) w += g.advance_pt;
  }
  return w;
}

size_t PreparedParagraph::glyphs_before(const Token& t, uint32_t point) const {
  size_t n = 0;
  uint32_t cluster = t.span.begin;
  for (const Glyph& g : t.glyphs) {
    if (!g.text.empty()) cluster = g.text.begin;
    if (cluster < point) ++n;
  }
  return n;
}

double PreparedParagraph::hyphen_width(const StyleSpan& style) {
  return advance_of(shape(fonts_, {style.font, style.size_pt, para_.language}, "-", {0, 1}));
}

bool PreparedParagraph::in_url(const Token& t) const {
  for (const SourceSpan& u : urls_) {
    if (t.span.begin < u.end && t.span.end > u.begin) return true;
  }
  return false;
}

std::pair<Token, Token> PreparedParagraph::split(const Token& t, uint32_t point, bool with_hyphen) {
  const StyleSpan& style = *t.style;
  // PT Serif has no U+2010, so the inserted hyphen is U+002D.
  std::vector<Glyph> hyphen;
  if (with_hyphen) hyphen = shape(fonts_, {style.font, style.size_pt, para_.language}, "-", {0, 1});
  for (Glyph& g : hyphen) g.text = {};  // inserted: no source text
  Token head = t, tail = t;
  head.glyphs = shape_span(style, {t.span.begin, point});
  head.glyphs.insert(head.glyphs.end(), hyphen.begin(), hyphen.end());
  head.width_pt = advance_of(head.glyphs);
  head.word = t.span;
  head.span.end = point;
  head.breakable = true;
  head.forced = false;
  // A piece of a word already broken once extracts through that first break's text.
  head.hyphen = t.hyphen == HyphenRole::kContinuation ? HyphenRole::kContinuation : HyphenRole::kInserted;
  tail.span.begin = point;
  tail.glyphs = shape_span(style, tail.span);
  tail.width_pt = advance_of(tail.glyphs);
  tail.hyphen = HyphenRole::kContinuation;
  return {std::move(head), std::move(tail)};
}

bool PreparedParagraph::is_name_hyphen(const Token& t) const {
  if (!t.capitalized || !t.ends_with_hyphen) return false;
  if (!(rules_ && rules_->hyphenate_capitalized)) return true;
  // German: a capitalised compound is a noun unless it is one of the case's names.
  std::u32string lower;
  for (size_t p = t.span.begin; p < t.span.end;) {
    const char32_t c = next_code_point(para_.text, p);
    if (is_letter(c)) lower += c;
  }
  lower = to_lower(lower);
  for (const std::u32string& stem : protected_stems_) {
    if (lower.compare(0, stem.size(), stem) == 0) return true;
  }
  return false;
}

double PreparedParagraph::post_break_width(const Token& t) {
  if (!rules_ || !rules_->repeat_hyphen || !t.ends_with_repeatable) return 0;
  return hyphen_width(*t.style);
}

uint32_t PreparedParagraph::word_end(const std::vector<Token>& tokens, size_t k) const {
  uint32_t end = tokens[k].span.end;
  for (size_t j = k; j < tokens.size() && !tokens[j].glue; ++j) {
    end = tokens[j].span.end;
    if (tokens[j].forced) break;
  }
  return end;
}

void PreparedParagraph::break_inside_word(Token& head, Token& next, uint32_t word_end) {
  if (head.glue || next.glue || next.hyphen != HyphenRole::kNone) return;
  if (head.hyphen == HyphenRole::kNone) {
    head.hyphen = HyphenRole::kExplicit;
    head.word = {head.span.begin, word_end};
  } else if (head.hyphen != HyphenRole::kContinuation) {
    return;
  }
  next.hyphen = HyphenRole::kContinuation;
  if (post_break_width(head) > 0) {
    // The repeated hyphen is drawn, not text: the word extracts once, through head.
    std::vector<Glyph> hyphen = shape(fonts_, {next.style->font, next.style->size_pt, para_.language}, "-", {0, 1});
    for (Glyph& g : hyphen) g.text = {};
    next.glyphs.insert(next.glyphs.begin(), hyphen.begin(), hyphen.end());
    next.width_pt = advance_of(next.glyphs);
  }
}

Line build_line(PreparedParagraph& prep, const std::vector<Token>& tokens, size_t begin, size_t end, bool last) {
  const Measure& measure = prep.measure();
  while (end > begin && tokens[end - 1].glue) --end;  // trailing spaces take no room
  while (begin < end && tokens[begin].glue && !tokens[begin].forced) ++begin;  // TeX drops glue after a break
  Line line;
  double natural = 0, glue_w = 0, letter_up = 0, letter_down = 0;
  for (size_t k = begin; k < end; ++k) {
    const Token& t = tokens[k];
    natural += t.width_pt;
    if (t.glue) glue_w += t.width_pt;
    const double gaps = t.glue || t.cursive || t.glyphs.empty() ? 0 : static_cast<double>(t.glyphs.size() - 1);
    letter_up += gaps * measure.letter_stretch_em * t.style->size_pt;
    letter_down += gaps * measure.letter_shrink_em * t.style->size_pt;
  }
  // Justified lines fill the measure; any line that is too long (the last one, a ragged one)
  // shrinks to fit as the breaker allowed for.
  const bool justify = measure.align == Align::kJustify && !last;
  const bool fill = justify || natural > measure.width_pt;
  double slack = fill ? measure.width_pt - natural : 0;
  // Letter spacing takes its share in proportion to its elasticity, never beyond its limit;
  // word spaces take the rest (they alone stretch without limit, as in TeX).
  double per_gap = 0;  // extra advance per gap between glyphs, as a fraction of its limit
  if (justify && glue_w > 0) {
    const double words_up = glue_w * measure.space_stretch, words_down = glue_w * measure.space_shrink;
    const double letters = slack > 0 ? letter_up : letter_down;
    const double words = slack > 0 ? words_up : words_down;
    if (letters > 0) {
      const double share = std::min(letters, std::abs(slack) * letters / (letters + words));
      per_gap = (slack > 0 ? share : -share) / letters;  // -1 .. 1
      slack -= slack > 0 ? share : -share;
    }
  }
  double ratio = 1;
  if (fill && glue_w > 0) ratio = (glue_w + slack) / glue_w;
  line.justified = ratio != 1 || per_gap != 0;
  line.space_ratio = ratio;
  line.hyphenated = end > begin && tokens[end - 1].hyphen == HyphenRole::kInserted;

  // Tokens are placed in visual order: a line with right-to-left words, or of a
  // right-to-left paragraph, is reordered by its tokens' levels (UAX #9, L2). Trailing
  // spaces are already gone, so rule L1 has nothing left to reset.
  std::vector<size_t> order(end - begin);
  bool reorder = prep.base_level() != 0;
  for (size_t k = begin; k < end; ++k) {
    order[k - begin] = k - begin;
    reorder = reorder || tokens[k].level != 0;
  }
  if (reorder) {
    std::vector<uint8_t> levels(end - begin);
    for (size_t k = begin; k < end; ++k) levels[k - begin] = tokens[k].level;
    order = visual_order(levels);
  }

  double x = 0;
  for (size_t i : order) {
    const Token& t = tokens[begin + i];
    GlyphRun* run = line.runs.empty() ? nullptr : &line.runs.back();
    if (!run || t.hyphen != HyphenRole::kNone || run->hyphen != HyphenRole::kNone || run->font != t.style->font ||
        run->size_pt != t.style->size_pt || run->rtl != (t.level % 2 == 1)) {
      line.runs.push_back({});
      run = &line.runs.back();
      run->font = t.style->font;
      run->size_pt = t.style->size_pt;
      run->x_pt = x;
      run->source = t.span;
      run->hyphen = t.hyphen;
      run->word = t.word;
      run->rtl = t.level % 2 == 1;
    }
    const double track = t.cursive ? 0
                                   : per_gap * t.style->size_pt *
                                         (per_gap > 0 ? measure.letter_stretch_em : measure.letter_shrink_em);
    for (size_t gi = 0; gi < t.glyphs.size(); ++gi) {
      Glyph g = t.glyphs[gi];
      if (t.glue) g.advance_pt *= ratio;
      else if (gi + 1 < t.glyphs.size()) g.advance_pt += track;
      x += g.advance_pt;
      run->glyphs.push_back(g);
    }
    run->source.begin = std::min(run->source.begin, t.span.begin);
    run->source.end = std::max(run->source.end, t.span.end);
    const FontMetrics& m = prep.fonts().metrics(t.style->requested.value_or(t.style->font));
    line.ascent_pt = std::max(line.ascent_pt, m.ascender * t.style->size_pt / m.units_per_em);
    line.descent_pt = std::max(line.descent_pt, -m.descender * t.style->size_pt / m.units_per_em);
  }
  line.width_pt = x;
  const double room = measure.width_pt - x;
  // A right-to-left paragraph starts at the right: its ragged and last lines align there.
  Align align = measure.align == Align::kJustify ? Align::kLeft : measure.align;
  if (prep.base_level() % 2 == 1 && align == Align::kLeft) align = Align::kRight;
  const double shift = align == Align::kRight ? room : align == Align::kCenter ? room / 2 : 0;
  if (shift > 0) {
    for (GlyphRun& r : line.runs) r.x_pt += shift;
  }
  return line;
}

}  // namespace appeal::text
