#include "text/paragraph.h"

#include <algorithm>
#include <optional>
#include <cmath>

#include <hb.h>

#include "text/line_breaks.h"
#include "text/shape.h"
#include "text/utf8.h"

namespace appeal::text {

namespace {

constexpr char32_t kSoftHyphen = 0x00AD;

bool is_space(char32_t c) { return c == 0x20 || c == 0xA0 || c == 0x09; }
bool is_hard_break(char32_t c) { return c == 0x0A || c == 0x2028 || c == 0x0D; }

bool is_letter(char32_t c) {
  switch (hb_unicode_general_category(hb_unicode_funcs_get_default(), c)) {
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

bool is_upper(char32_t c) {
  const auto cat = hb_unicode_general_category(hb_unicode_funcs_get_default(), c);
  return cat == HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER || cat == HB_UNICODE_GENERAL_CATEGORY_TITLECASE_LETTER;
}

// A box is an unbreakable piece of text (a word or part of one); glue is a word space.
struct Token {
  bool glue = false;
  SourceSpan span;
  const StyleSpan* style = nullptr;
  std::vector<Glyph> glyphs;
  double width_pt = 0;
  bool breakable = false;  // glue: a line may end here; box: a line may end after it
  bool forced = false;     // a line must end after this token
  HyphenRole hyphen = HyphenRole::kNone;
  SourceSpan word;         // for a kInserted box: the whole hyphenated word
};

class Setter {
 public:
  Setter(const Paragraph& p, const Measure& m, FontCache& f, const HyphenatorSet& h)
      : para_(p), measure_(m), fonts_(f) {
    const std::string primary = p.language.substr(0, p.language.find('-'));
    if (auto it = h.find(primary); it != h.end() && m.hyphenate) hyphenator_ = it->second;
  }

  std::vector<Line> run() {
    tokenize();
    std::vector<Line> lines;
    size_t i = 0;
    while (i < tokens_.size()) {
      while (i < tokens_.size() && tokens_[i].glue && !tokens_[i].forced) ++i;  // TeX drops glue at a break
      if (i >= tokens_.size()) break;
      const auto [end, next] = find_break(i);
      const bool last = next >= tokens_.size() || tokens_[end - 1].forced;
      lines.push_back(build_line(i, end, last));
      i = next;
    }
    return lines;
  }

 private:
  std::vector<Glyph> shape_span(const StyleSpan& style, SourceSpan span) {
    std::vector<Glyph> g = shape(fonts_, {style.font, style.size_pt, para_.language}, para_.text, span);
    // Soft hyphens are invisible unless a line breaks at them.
    g.erase(std::remove_if(g.begin(), g.end(),
                           [&](const Glyph& x) {
                             size_t p = x.text.begin;
                             return !x.text.empty() && next_code_point(para_.text, p) == kSoftHyphen;
                           }),
            g.end());
    return g;
  }

  const StyleSpan& style_at(uint32_t byte) const {
    for (const StyleSpan& s : para_.styles) {
      if (byte >= s.span.begin && byte < s.span.end) return s;
    }
    return para_.styles.back();
  }

  void push_box(uint32_t begin, uint32_t end, bool breakable, bool forced) {
    if (begin >= end) return;
    Token t;
    t.span = {begin, end};
    t.style = &style_at(begin);
    t.glyphs = shape_span(*t.style, t.span);
    t.width_pt = advance_of(t.glyphs);
    t.breakable = breakable;
    t.forced = forced;
    tokens_.push_back(std::move(t));
  }

  void tokenize() {
    const std::string& s = para_.text;
    const std::vector<BreakAfter> brk = line_break_opportunities(s, para_.language);
    uint32_t box_begin = 0;
    size_t pos = 0;
    while (pos < s.size()) {
      const uint32_t at = static_cast<uint32_t>(pos);
      const char32_t c = next_code_point(s, pos);
      const uint32_t after = static_cast<uint32_t>(pos);
      const bool style_edge = after < s.size() && &style_at(after) != &style_at(at);
      if (is_space(c) || is_hard_break(c)) {
        push_box(box_begin, at, false, false);
        Token g;
        g.glue = true;
        g.span = {at, after};
        g.style = &style_at(at);
        g.forced = is_hard_break(c);
        if (!g.forced) g.glyphs = shape_span(*g.style, g.span);
        g.width_pt = advance_of(g.glyphs);
        g.breakable = c != 0xA0 && brk[after - 1] != BreakAfter::kNo;
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
    for (Token& t : tokens_) {
      if (t.glue && t.forced) t.breakable = true;
    }
  }

  double shrink_of(const Token& t) const { return t.glue ? t.width_pt * (1 - measure_.min_space_ratio) : 0; }

  // Space ratio of a line of natural width `w` with `glue_w` of word space when set to the measure.
  double ratio_for(double w, double glue_w) const {
    if (glue_w <= 0) return w <= measure_.width_pt ? 1e9 : 0;
    return (glue_w + measure_.width_pt - w) / glue_w;
  }

  // Returns [end, next): the line holds tokens [start, end); the next line starts at `next`.
  std::pair<size_t, size_t> find_break(size_t start) {
    double w = 0, glue_w = 0, shrink = 0;
    size_t best_end = 0, best_next = 0;  // last feasible break seen
    double best_w = 0, best_glue = 0;
    for (size_t j = start; j < tokens_.size(); ++j) {
      const Token& t = tokens_[j];
      if (t.glue) {
        if (t.forced) return {j + 1, j + 1};
        if (t.breakable) {
          best_end = j, best_next = j + 1, best_w = w, best_glue = glue_w;
        }
        w += t.width_pt, glue_w += t.width_pt, shrink += shrink_of(t);
        continue;
      }
      if (w + t.width_pt - shrink > measure_.width_pt && j > start) {
        // Box j does not fit. Hyphenate it when the line would otherwise be loose.
        const bool after_hyphen = start > 0 && tokens_[start - 1].hyphen == HyphenRole::kInserted;
        const double bar = after_hyphen ? measure_.loose_after_hyphen_ratio : measure_.loose_space_ratio;
        const bool loose = best_end == 0 || ratio_for(best_w, best_glue) > bar;
        if (loose && try_hyphenate(j, measure_.width_pt - (w - shrink))) return {j + 1, j + 1};
        if (best_end != 0) return {best_end, best_next};
        return {j, j};  // nothing breakable: the box starts a new line
      }
      w += t.width_pt;
      if (t.forced) return {j + 1, j + 1};
      if (t.breakable) best_end = j + 1, best_next = j + 1, best_w = w, best_glue = glue_w;
    }
    return {tokens_.size(), tokens_.size()};
  }

  // The letters of a box without leading/trailing punctuation, as a byte range.
  std::optional<SourceSpan> word_core(const Token& t) const {
    const std::string& s = para_.text;
    uint32_t b = t.span.begin, e = t.span.end;
    std::vector<std::pair<uint32_t, char32_t>> cps;
    for (size_t p = b; p < e;) {
      const uint32_t at = static_cast<uint32_t>(p);
      cps.push_back({at, next_code_point(s, p)});
    }
    size_t first = 0, last = cps.size();
    while (first < last && !is_letter(cps[first].second)) ++first;
    while (last > first && !is_letter(cps[last - 1].second)) --last;
    if (first >= last) return std::nullopt;
    if (!measure_.hyphenate_capitalized && is_upper(cps[first].second)) return std::nullopt;
    for (size_t k = first; k < last; ++k) {
      if (!is_letter(cps[k].second) && cps[k].second != kSoftHyphen) return std::nullopt;  // digits, '@', '/'
    }
    b = cps[first].first;
    e = last < cps.size() ? cps[last].first : t.span.end;
    return SourceSpan{b, e};
  }

  std::vector<uint32_t> hyphen_points(const Token& t, SourceSpan core) const {
    std::vector<uint32_t> out;
    const std::string_view word(para_.text.data() + core.begin, core.end - core.begin);
    // Explicit soft hyphens override the patterns, as in TeX.
    for (size_t p = 0; p < word.size();) {
      if (next_code_point(word, p) == kSoftHyphen && p < word.size()) out.push_back(core.begin + p);
    }
    if (!out.empty() || !hyphenator_) return out;
    (void)t;
    for (size_t p : hyphenator_->points(word)) out.push_back(static_cast<uint32_t>(core.begin + p));
    return out;
  }

  // Splits box j at the last hyphenation point whose prefix plus a hyphen fits `room`.
  bool try_hyphenate(size_t j, double room) {
    Token& t = tokens_[j];
    if (t.glue || t.hyphen != HyphenRole::kNone) return false;
    const auto core = word_core(t);
    if (!core) return false;
    const std::vector<uint32_t> points = hyphen_points(t, *core);
    const StyleSpan& style = *t.style;
    std::vector<Glyph> hyphen = shape(fonts_, {style.font, style.size_pt, para_.language}, "-", {0, 1});
    for (Glyph& g : hyphen) g.text = {};  // inserted: no source text
    for (auto p = points.rbegin(); p != points.rend(); ++p) {
      std::vector<Glyph> head = shape_span(style, {t.span.begin, *p});
      head.insert(head.end(), hyphen.begin(), hyphen.end());
      const double w = advance_of(head);
      if (w > room) continue;
      Token rest;
      rest.span = {*p, t.span.end};
      rest.style = t.style;
      rest.glyphs = shape_span(style, rest.span);
      rest.width_pt = advance_of(rest.glyphs);
      rest.breakable = t.breakable;
      rest.forced = t.forced;
      rest.hyphen = HyphenRole::kContinuation;
      t.glyphs = std::move(head);
      t.width_pt = w;
      t.word = {t.span.begin, t.span.end};
      t.span.end = *p;
      t.breakable = true;
      t.forced = false;
      t.hyphen = HyphenRole::kInserted;
      tokens_.insert(tokens_.begin() + static_cast<long>(j) + 1, std::move(rest));
      return true;
    }
    return false;
  }

  Line build_line(size_t begin, size_t end, bool last) {
    while (end > begin && tokens_[end - 1].glue) --end;  // trailing spaces take no room
    Line line;
    double natural = 0, glue_w = 0;
    for (size_t k = begin; k < end; ++k) {
      natural += tokens_[k].width_pt;
      if (tokens_[k].glue) glue_w += tokens_[k].width_pt;
    }
    double ratio = 1;
    if (measure_.align == Align::kJustify && !last && glue_w > 0) ratio = ratio_for(natural, glue_w);
    line.justified = ratio != 1;
    line.space_ratio = ratio;
    line.hyphenated = end > begin && tokens_[end - 1].hyphen == HyphenRole::kInserted;

    double x = 0;
    for (size_t k = begin; k < end; ++k) {
      const Token& t = tokens_[k];
      const bool own_run = t.hyphen != HyphenRole::kNone;
      GlyphRun* run = line.runs.empty() ? nullptr : &line.runs.back();
      if (!run || own_run || run->hyphen != HyphenRole::kNone || run->font != t.style->font ||
          run->size_pt != t.style->size_pt) {
        line.runs.push_back({});
        run = &line.runs.back();
        run->font = t.style->font;
        run->size_pt = t.style->size_pt;
        run->x_pt = x;
        run->source = {t.span.begin, t.span.begin};
        run->hyphen = t.hyphen;
        run->word = t.word;
      }
      for (Glyph g : t.glyphs) {
        if (t.glue) g.advance_pt *= ratio;
        x += g.advance_pt;
        run->glyphs.push_back(g);
      }
      run->source.end = t.span.end;
      const FontMetrics& m = fonts_.metrics(t.style->font);
      line.ascent_pt = std::max(line.ascent_pt, m.ascender * t.style->size_pt / m.units_per_em);
      line.descent_pt = std::max(line.descent_pt, -m.descender * t.style->size_pt / m.units_per_em);
    }
    line.width_pt = x;
    const double slack = measure_.width_pt - x;
    const double shift = measure_.align == Align::kRight ? slack : measure_.align == Align::kCenter ? slack / 2 : 0;
    if (shift > 0) {
      for (GlyphRun& r : line.runs) r.x_pt += shift;
    }
    return line;
  }

  const Paragraph& para_;
  const Measure& measure_;
  FontCache& fonts_;
  const Hyphenator* hyphenator_ = nullptr;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Line> set_paragraph(const Paragraph& para, const Measure& measure, FontCache& fonts,
                                const HyphenatorSet& hyphenators) {
  if (para.text.empty() || para.styles.empty()) return {};
  return Setter(para, measure, fonts, hyphenators).run();
}

}  // namespace appeal::text
