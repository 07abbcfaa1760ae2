// Total-fit line breaking: turns the paragraph's tokens into Knuth–Plass items (boxes, glue,
// penalties), finds the optimum breaks, then builds the lines, splitting hyphenated words.
#include <algorithm>
#include <cmath>

#include "text/knuth_plass.h"
#include "text/paragraph_tokens.h"

namespace appeal::text {

namespace {

// Where an item came from, to turn chosen breaks back into token positions.
struct Origin {
  size_t token = 0;
  uint32_t hyphen_at = 0;  // > 0: a hyphenation point inside the token at this byte
};

struct ItemList {
  std::vector<kp::Item> items;
  std::vector<Origin> origins;
  void add(const kp::Item& item, Origin o) {
    items.push_back(item);
    origins.push_back(o);
  }
};

// A "fil" glue: stretches without limit so a line that must end early (the last line, a
// hard break) costs nothing (TeX's \parfillskip).
constexpr double kFil = 1e6;

// Cost of breaking at a space the language rules bind, in the last pass only: a chain of
// bound words wider than the measure must break somewhere, and a costly break inside the
// chain is better than giving the whole paragraph up to first fit.
constexpr double kRelaxedBindingPenalty = 5000;

ItemList make_items(PreparedParagraph& prep, bool with_hyphenation, bool relax_binding) {
  const Measure& m = prep.measure();
  const std::vector<Token>& tokens = prep.tokens();
  ItemList list;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (t.glue) {
      if (t.forced) {
        list.add(kp::Item::penalty_item(0, kp::kInfPenalty, false), {k});
        list.add(kp::Item::glue(0, kFil, 0), {k});
        list.add(kp::Item::penalty_item(0, kp::kForceBreak, false), {k});
        continue;
      }
      if (!t.breakable) list.add(kp::Item::penalty_item(0, relax_binding ? kRelaxedBindingPenalty : kp::kInfPenalty, false), {k});
      list.add(kp::Item::glue(t.width_pt, t.width_pt * m.space_stretch, t.width_pt * m.space_shrink), {k});
      continue;
    }
    const std::vector<uint32_t> points = with_hyphenation ? prep.hyphen_points(t) : std::vector<uint32_t>{};
    // Letter spacing: each gap between two glyphs of the box may stretch or shrink a little.
    const double up = m.letter_stretch_em * t.style->size_pt, down = m.letter_shrink_em * t.style->size_pt;
    double done = 0;
    size_t glyphs_done = 0;
    for (uint32_t p : points) {
      const double before = prep.width_before(t, p);
      const size_t glyphs = prep.glyphs_before(t, p);
      const double gaps = static_cast<double>(glyphs - glyphs_done);
      list.add(kp::Item::box(before - done, gaps * up, gaps * down), {k});
      list.add(kp::Item::penalty_item(prep.hyphen_width(*t.style), m.hyphen_penalty, true), {k, p});
      done = before;
      glyphs_done = glyphs;
    }
    const double gaps = t.glyphs.size() > glyphs_done ? static_cast<double>(t.glyphs.size() - glyphs_done - 1) : 0;
    list.add(kp::Item::box(t.width_pt - done, gaps * up, gaps * down), {k});
    if (t.forced) {
      list.add(kp::Item::penalty_item(0, kp::kInfPenalty, false), {k});
      list.add(kp::Item::glue(0, kFil, 0), {k});
      list.add(kp::Item::penalty_item(0, kp::kForceBreak, false), {k});
    } else if (t.breakable && k + 1 < tokens.size() && !tokens[k + 1].glue) {
      // A break after a hyphen or dash inside a compound ("Kassym-|Jomart") or after '/'.
      // Names stay whole too when they have a hyphen of their own ("Kassym-Jomart",
      // "Jean-Marie"): a break there is a last resort.
      const double cost = prep.is_name_hyphen(t) ? (relax_binding ? kRelaxedBindingPenalty : kp::kInfPenalty)
                          : t.ends_with_hyphen   ? m.explicit_hyphen_penalty
                                                 : 100;
      list.add(kp::Item::penalty_item(0, cost, t.ends_with_hyphen, prep.post_break_width(t)), {k});
    }
  }
  list.add(kp::Item::penalty_item(0, kp::kInfPenalty, false), {tokens.size()});
  list.add(kp::Item::glue(0, kFil, 0), {tokens.size()});
  list.add(kp::Item::penalty_item(0, kp::kForceBreak, false), {tokens.size()});
  return list;
}

}  // namespace

std::optional<std::vector<Line>> break_total_fit(PreparedParagraph& prep) {
  const Measure& m = prep.measure();
  kp::Params params;
  params.line_width = m.width_pt;
  params.line_penalty = m.line_penalty;
  params.adj_demerits = m.adj_demerits;
  params.double_hyphen_demerits = m.double_hyphen_demerits;
  params.final_hyphen_demerits = m.final_hyphen_demerits;
  params.max_consecutive_hyphens = m.max_consecutive_hyphens;

  // TeX's passes (tex.web §863): without hyphenation at \pretolerance, then with it at
  // \tolerance, then with \emergencystretch, and last accepting any badness.
  double em = 0;
  for (const Token& t : prep.tokens()) em = std::max(em, t.style->size_pt);
  struct Pass {
    bool hyphenate;
    double tolerance, emergency;
    bool relax_binding;
  };
  const Pass passes[] = {{false, m.pretolerance, 0, false},
                         {true, m.tolerance, 0, false},
                         {true, m.tolerance, m.emergency_stretch_em * em, false},
                         {true, 10000, m.emergency_stretch_em * em, false},
                         {true, 10000, m.emergency_stretch_em * em, true}};
  std::optional<std::vector<kp::Break>> breaks;
  ItemList list;
  for (const Pass& pass : passes) {
    if (pass.hyphenate && !m.hyphenate && pass.tolerance == m.tolerance && pass.emergency == 0) continue;
    list = make_items(prep, pass.hyphenate && m.hyphenate, pass.relax_binding);
    if (list.items.size() > m.total_fit_limit) return std::nullopt;
    params.tolerance = pass.tolerance;
    params.emergency_stretch = pass.emergency;
    breaks = kp::optimum_breaks(list.items, params);
    if (breaks) break;
  }
  if (!breaks) return std::nullopt;  // an unbreakable box wider than the measure

  // Cut the token list at the breaks: glue breaks drop the glue, hyphen breaks split a box.
  const std::vector<Token>& tokens = prep.tokens();
  std::vector<Line> lines;
  std::vector<Token> line_tokens;
  size_t next_token = 0;
  std::optional<Token> carried;  // tail of a word hyphenated at the previous break
  uint32_t broken_word_end = 0;  // end of the last word broken at its own hyphen or slash
  for (size_t b = 0; b < breaks->size(); ++b) {
    const Origin& o = list.origins[(*breaks)[b].index];
    line_tokens.clear();
    if (carried) {
      // A break inside the carried word itself (a line holding one fragment) is not worth
      // a special case: its marks are dropped and the original token is split below.
      if (!(o.hyphen_at > 0 && o.token + 1 == next_token)) line_tokens.push_back(std::move(*carried));
      carried.reset();
    }
    const bool last = b + 1 == breaks->size();
    const size_t stop = last ? tokens.size() : o.token;
    // Pieces of a word broken on an earlier line extract through that line's head.
    const auto piece = [&](Token t) {
      if (!t.glue && t.span.begin < broken_word_end && t.hyphen == HyphenRole::kNone) t.hyphen = HyphenRole::kContinuation;
      return t;
    };
    for (size_t k = next_token; k < stop && k < tokens.size(); ++k) line_tokens.push_back(piece(tokens[k]));
    if (o.hyphen_at > 0 && !last) {
      auto [head, tail] = prep.split(tokens[o.token], o.hyphen_at);
      if (head.span.begin < broken_word_end) head.hyphen = tail.hyphen = HyphenRole::kContinuation;
      line_tokens.push_back(std::move(head));
      carried = std::move(tail);
      next_token = o.token + 1;
    } else if (!last && o.token < tokens.size() && !tokens[o.token].glue) {
      // A break after a box (hyphen, slash, hard break); inside a word, the word is
      // marked to extract whole and the next line may start with a repeated hyphen.
      Token head = piece(tokens[o.token]);
      next_token = o.token + 1;
      if (!head.forced && next_token < tokens.size() && !tokens[next_token].glue) {
        Token next = tokens[next_token];
        const uint32_t end = prep.word_end(tokens, o.token);
        prep.break_inside_word(head, next, end);
        broken_word_end = std::max(broken_word_end, end);
        carried = std::move(next);
        ++next_token;
      }
      line_tokens.push_back(std::move(head));
    } else {
      next_token = o.token + 1;  // a glue break: the glue itself is dropped
    }
    const bool ends_paragraph = last || (o.token < tokens.size() && tokens[o.token].forced);
    lines.push_back(build_line(prep, line_tokens, 0, line_tokens.size(), ends_paragraph));
  }
  return lines;
}

}  // namespace appeal::text
