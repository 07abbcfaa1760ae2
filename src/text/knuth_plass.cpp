#include "text/knuth_plass.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace appeal::text::kp {

double badness(double needed, double available) {
  if (needed <= 0) return 0;
  if (available <= 0) return 10000;
  const double r = needed / available;
  return r > 4.65 ? 10000 : std::min(10000.0, 100 * r * r * r);  // 100 × 4.65³ > 10000
}

namespace {

struct Node {
  size_t position = 0;  // item index of the break
  int fitness = 1;      // class of the line that ends here
  bool flagged = false;
  int hyphen_run = 0;  // lines in a row ending in a hyphen, this one included
  double ratio = 0;
  double demerits = 0;
  double total_w = 0, total_y = 0, total_z = 0;  // sums of items before the next line's start
  std::shared_ptr<const Node> previous;
};

// tex.web §817: fitness classes from the adjustment ratio.
int fitness_of(double ratio) {
  if (ratio < -0.5) return 3;  // tight
  if (ratio <= 0.5) return 2;  // decent
  if (ratio <= 1) return 1;    // loose
  return 0;                    // very loose
}

}  // namespace

std::optional<std::vector<Break>> optimum_breaks(const std::vector<Item>& items, const Params& p) {
  using Kind = Item::Kind;
  if (items.empty()) return std::vector<Break>{};
  const size_t n = items.size();
  const double kInf = std::numeric_limits<double>::infinity();

  std::vector<std::shared_ptr<const Node>> active{std::make_shared<Node>()};
  double sum_w = 0, sum_y = 0, sum_z = 0;  // totals of the items before item i

  const auto legal = [&](size_t i) {
    const Item& it = items[i];
    if (it.kind == Kind::kPenalty) {
      if (it.penalty >= kInfPenalty) return false;
      return p.allow_flagged || !it.flagged;
    }
    return it.kind == Kind::kGlue && i > 0 && items[i - 1].kind == Kind::kBox;
  };

  for (size_t i = 0; i < n; ++i) {
    const Item& item = items[i];
    if (legal(i)) {
      const bool is_pen = item.kind == Kind::kPenalty;
      const double pen = is_pen ? item.penalty : 0;
      const bool forced = is_pen && pen <= kForceBreak;
      const bool flagged = is_pen && item.flagged;
      const bool last = i + 1 == n;
      constexpr int kRuns = 8;
      std::shared_ptr<Node> best[4][kRuns];
      std::vector<std::shared_ptr<const Node>> keep;
      keep.reserve(active.size() + 4);

      for (const auto& a : active) {
        const double width = sum_w - a->total_w + (is_pen ? item.width : 0);
        double ratio = 0;
        if (width < p.line_width) {
          const double stretch = sum_y - a->total_y + p.emergency_stretch;
          ratio = stretch > 0 ? (p.line_width - width) / stretch : kInf;
        } else if (width > p.line_width) {
          const double shrink = sum_z - a->total_z;
          ratio = shrink > 0 ? (p.line_width - width) / shrink : -kInf;
        }
        // A line that cannot shrink enough stays too long for every later break (§851);
        // a forced break ends every line before it.
        if (ratio >= -1 && !forced) keep.push_back(a);
        if (ratio < -1) continue;
        const double bad = badness(std::abs(ratio), 1);
        if (bad > p.tolerance && !(forced && std::isinf(ratio) && p.tolerance >= 10000)) continue;

        double d = std::pow(p.line_penalty + bad, 2);  // tex.web §859
        if (pen >= 0) d += pen * pen;
        else if (!forced) d -= pen * pen;
        if (a->flagged) {
          if (flagged) d += p.double_hyphen_demerits;
          else if (last) d += p.final_hyphen_demerits;
        }
        const int run = flagged ? a->hyphen_run + 1 : 0;
        if (flagged && p.max_consecutive_hyphens > 0 && run > p.max_consecutive_hyphens) continue;
        const int slot = std::min(run, kRuns - 1);
        const int fit = fitness_of(ratio);
        if (std::abs(fit - a->fitness) > 1) d += p.adj_demerits;
        d += a->demerits;
        std::shared_ptr<Node>& best_slot = best[fit][slot];
        if (!best_slot || d < best_slot->demerits) {
          auto node = std::make_shared<Node>();
          node->position = i;
          node->fitness = fit;
          node->flagged = flagged;
          node->hyphen_run = run;
          node->ratio = ratio;
          node->demerits = d;
          node->previous = a;
          best_slot = node;
        }
      }

      // The next line starts after the break with glue and penalties discarded (§837).
      double tw = sum_w, ty = sum_y, tz = sum_z;
      for (size_t k = i; k < n; ++k) {
        const Item& it = items[k];
        if (it.kind == Kind::kBox) break;
        if (it.kind == Kind::kGlue) tw += it.width, ty += it.stretch, tz += it.shrink;
        if (it.kind == Kind::kPenalty && it.penalty <= kForceBreak && k > i) break;
      }
      for (auto& by_run : best) {
        for (auto& node : by_run) {
          if (!node) continue;
          // Post-break material counts against the next line (tex.web §840).
          node->total_w = tw - (item.kind == Kind::kPenalty ? item.post_width : 0), node->total_y = ty, node->total_z = tz;
          keep.push_back(node);
        }
      }
      active.swap(keep);
      if (active.empty()) return std::nullopt;  // no feasible breaks within the tolerance
    }
    sum_w += item.kind == Kind::kPenalty ? 0 : item.width;
    if (item.kind != Kind::kPenalty) sum_y += item.stretch, sum_z += item.shrink;
  }

  const Node* end = nullptr;
  for (const auto& a : active) {
    if (a->position == n - 1 && (!end || a->demerits < end->demerits)) end = a.get();
  }
  if (!end) return std::nullopt;
  std::vector<Break> out;
  for (const Node* node = end; node && node->previous; node = node->previous.get()) {
    out.push_back({node->position, node->ratio, node->fitness});
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace appeal::text::kp
