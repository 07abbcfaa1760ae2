// Optimum-fit line breaking (D. E. Knuth and M. F. Plass, "Breaking Paragraphs into
// Lines", Software—Practice and Experience 11 (1981) 1119–1184; tex.web §813–§890).
// Works on abstract boxes, glue and penalties, so it knows nothing of fonts or text.
#pragma once
#include <cstddef>
#include <optional>
#include <vector>

namespace appeal::text::kp {

constexpr double kInfPenalty = 10000;  // tex.web §157: inf_penalty
constexpr double kForceBreak = -10000;  // eject_penalty

struct Item {
  enum class Kind : unsigned char { kBox, kGlue, kPenalty } kind = Kind::kBox;
  double width = 0;    // points
  double stretch = 0;  // glue; boxes too when their letter spacing may vary
  double shrink = 0;   // glue; boxes too
  double penalty = 0;  // penalty only: cost of breaking here, ±kInfPenalty = never/always
  bool flagged = false;  // penalty only: a hyphen break (for the double/final-hyphen demerits)
  // Penalty only: width the next line starts with when broken here (TeX's post-break list
  // of a discretionary, tex.web §145; here a repeated hyphen, "biało-|-czerwony").
  double post_width = 0;

  static Item box(double w, double stretch = 0, double shrink = 0) { return {Kind::kBox, w, stretch, shrink, 0, false, 0}; }
  static Item glue(double w, double stretch, double shrink) { return {Kind::kGlue, w, stretch, shrink, 0, false, 0}; }
  static Item penalty_item(double w, double p, bool flagged, double post = 0) {
    return {Kind::kPenalty, w, 0, 0, p, flagged, post};
  }
};

struct Params {
  double line_width = 0;
  double tolerance = 200;          // max badness of a line (tex.web \tolerance)
  double line_penalty = 10;        // \linepenalty
  double adj_demerits = 10000;     // fitness classes two apart (\adjdemerits)
  double double_hyphen_demerits = 10000;  // \doublehyphendemerits
  double final_hyphen_demerits = 5000;    // \finalhyphendemerits: hyphen on the last-but-one line
  double emergency_stretch = 0;    // extra stretch per line, as \emergencystretch
  bool allow_flagged = true;       // false: hyphen penalties are not legal breaks (TeX's first pass)
  // Most lines in a row that may end in a hyphen (0 = no limit). Not in TeX, which only
  // discourages runs through double_hyphen_demerits; typesetting manuals (e.g. Bringhurst
  // 2.4.1, Russian GOST 7.62 practice) cap runs at two or three. Kept in the search state,
  // so the optimum is taken among solutions that respect the cap.
  int max_consecutive_hyphens = 2;
};

struct Break {
  size_t index;   // item index of the break (a glue or penalty; the last item for the end)
  double ratio;   // adjustment ratio of the line ending here (stretch > 0, shrink < 0)
  int fitness;    // 0 very loose .. 3 tight (tex.web §817)
};

// The breaks of the optimal solution in order, ending with the paragraph's final item, or
// nullopt when no set of breaks keeps every line within the tolerance. The item list must
// end with a forced break (penalty kForceBreak).
std::optional<std::vector<Break>> optimum_breaks(const std::vector<Item>& items, const Params& params);

// tex.web §108: badness = 100 (t/s)^3, capped at 10000 ("infinitely bad").
double badness(double needed, double available);

}  // namespace appeal::text::kp
