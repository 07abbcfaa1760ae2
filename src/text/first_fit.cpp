// First-fit line breaking: fill each line as far as it goes. Used for ragged text and as
// the fallback when total fit finds no solution or the paragraph is too long for it.
#include "text/paragraph_tokens.h"

#include <algorithm>

namespace appeal::text {

namespace {

class FirstFit {
 public:
  explicit FirstFit(PreparedParagraph& prep) : prep_(prep), m_(prep.measure()), tokens_(prep.tokens()) {}

  std::vector<Line> run() {
    std::vector<Line> lines;
    size_t i = 0;
    while (i < tokens_.size()) {
      while (i < tokens_.size() && tokens_[i].glue && !tokens_[i].forced) ++i;
      if (i >= tokens_.size()) break;
      const auto [end, next] = find_break(i);
      const bool last = next >= tokens_.size() || tokens_[end - 1].forced;
      // A break between two boxes of one word ("Kassym-|Jomart", "and/|or").
      if (!last && end == next && end > i && !tokens_[end - 1].glue && !tokens_[end].glue) {
        const uint32_t word_end = prep_.word_end(tokens_, end - 1);
        prep_.break_inside_word(tokens_[end - 1], tokens_[end], word_end);
        // The rest of the word extracts through the head: every later piece is a
        // continuation, and none is hyphenated again.
        for (size_t k = end + 1; k < tokens_.size() && !tokens_[k].glue && tokens_[k].span.begin < word_end; ++k) {
          if (tokens_[k].hyphen == HyphenRole::kNone) tokens_[k].hyphen = HyphenRole::kContinuation;
        }
      }
      lines.push_back(build_line(prep_, tokens_, i, end, last));
      const HyphenRole role = end > i ? tokens_[end - 1].hyphen : HyphenRole::kNone;
      const bool hyphen_line = role == HyphenRole::kInserted || (role == HyphenRole::kExplicit && tokens_[end - 1].ends_with_hyphen);
      hyphen_run_ = hyphen_line ? hyphen_run_ + 1 : 0;
      i = next;
    }
    return lines;
  }

 private:
  double shrink_of(const Token& t) const { return t.glue ? t.width_pt * m_.space_shrink : 0; }

  // Space ratio of a line of natural width `w` with `glue_w` of word space set to the measure.
  double ratio_for(double w, double glue_w) const {
    if (glue_w <= 0) return w <= m_.width_pt ? 1e9 : 0;
    return (glue_w + m_.width_pt - w) / glue_w;
  }

  // Returns [end, next): the line holds tokens [start, end); the next line starts at `next`.
  std::pair<size_t, size_t> find_break(size_t start) {
    double w = 0, glue_w = 0, shrink = 0;
    bool have_break = false;
    size_t best_end = 0, best_next = 0;
    double best_w = 0, best_glue = 0;
    for (size_t j = start; j < tokens_.size(); ++j) {
      const Token& t = tokens_[j];
      if (t.glue) {
        if (t.forced) return {j + 1, j + 1};
        if (t.breakable) have_break = true, best_end = j, best_next = j + 1, best_w = w, best_glue = glue_w;
        w += t.width_pt, glue_w += t.width_pt, shrink += shrink_of(t);
        continue;
      }
      if (w + t.width_pt - shrink > m_.width_pt && !have_break && j == start) {
        // A box wider than the whole measure (a long compound without pattern points, a
        // long URL part): hyphenate it where the patterns allow, else cut it at the last
        // character that fits, so no text leaves its frame. The word still extracts whole.
        const double room = m_.width_pt;
        if (try_hyphenate(j, room) || emergency_split(j, room)) return {j + 1, j + 1};
      }
      if (w + t.width_pt - shrink > m_.width_pt && j > start) {
        // Box j does not fit. Hyphenate it when the line would otherwise be loose.
        const bool after_hyphen = start > 0 && tokens_[start - 1].hyphen == HyphenRole::kInserted;
        const double bar = after_hyphen ? m_.loose_after_hyphen_ratio : m_.loose_space_ratio;
        const bool loose = !have_break || ratio_for(best_w, best_glue) > bar;
        // The same cap on hyphenated lines in a row as total fit keeps (knuth_plass.h).
        const bool capped = m_.max_consecutive_hyphens > 0 && hyphen_run_ >= m_.max_consecutive_hyphens && have_break;
        if (loose && !capped && try_hyphenate(j, m_.width_pt - (w - shrink))) return {j + 1, j + 1};
        if (have_break) return {best_end, best_next};
        return {j, j};  // nothing breakable before: the box starts a new line
      }
      w += t.width_pt;
      if (t.forced) return {j + 1, j + 1};
      // A name's own hyphen only when the line has no other break yet.
      if (t.breakable && !(have_break && prep_.is_name_hyphen(t))) {
        have_break = true, best_end = j + 1, best_next = j + 1, best_w = w, best_glue = glue_w;
      }
    }
    return {tokens_.size(), tokens_.size()};
  }

  // Splits box j at the last hyphenation point whose head (with its hyphen) fits `room`.
  bool try_hyphenate(size_t j, double room) {
    // Never the paragraph's last word: its tail alone on the last line reads as a widow
    // (what total fit's final-hyphen demerits avoid).
    bool last_word = true;
    for (size_t k = j + 1; k < tokens_.size() && last_word; ++k) last_word = tokens_[k].glue && !tokens_[k].forced;
    if (last_word) return false;
    const std::vector<uint32_t> points = prep_.hyphen_points(tokens_[j]);
    for (auto p = points.rbegin(); p != points.rend(); ++p) {
      auto [head, tail] = prep_.split(tokens_[j], *p);
      if (head.width_pt > room) continue;
      tokens_[j] = std::move(head);
      tokens_.insert(tokens_.begin() + static_cast<long>(j) + 1, std::move(tail));
      return true;
    }
    return false;
  }

  // Splits box j at the last character boundary whose head (with a hyphen, none in a URL)
  // fits `room`; false when not even one character fits.
  bool emergency_split(size_t j, double room) {
    const Token& t = tokens_[j];
    const bool url = prep_.in_url(t);
    const double hyphen = url ? 0 : prep_.hyphen_width(*t.style);
    std::vector<uint32_t> starts;  // cluster starts in text order (RTL glyphs are reversed)
    for (const Glyph& g : t.glyphs) {
      if (!g.text.empty() && g.text.begin > t.span.begin) starts.push_back(g.text.begin);
    }
    std::sort(starts.begin(), starts.end());
    uint32_t best = 0;
    for (uint32_t at : starts) {
      if (prep_.width_before(t, at) + hyphen > room) break;
      best = at;
    }
    if (best == 0) return false;
    auto [head, tail] = prep_.split(t, best, !url);
    tokens_[j] = std::move(head);
    tokens_.insert(tokens_.begin() + static_cast<long>(j) + 1, std::move(tail));
    return true;
  }

  PreparedParagraph& prep_;
  const Measure& m_;
  int hyphen_run_ = 0;  // lines in a row so far that end in a hyphen
  std::vector<Token>& tokens_;
};

}  // namespace

std::vector<Line> break_first_fit(PreparedParagraph& prep) { return FirstFit(prep).run(); }

}  // namespace appeal::text
