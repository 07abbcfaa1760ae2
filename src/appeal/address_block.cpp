#include "appeal/address_block.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <functional>
#include <iostream>
#include <mutex>
#include <set>

#include "common/input_error.h"
#include "text/bidi.h"

namespace appeal {

using layout::Block;
using layout::LayoutSpec;
using text::Typesetter;

Block styled(std::string text, const std::string& lang, const LayoutSpec& spec, const std::string& style,
             Typesetter& ts) {
  const layout::TextStyleSpec& s = spec.style(style);
  return layout::make_block(std::move(text), lang, ts.font(s.font), s.size_pt, s.leading_pt);
}

Block ragged(Block b) {
  b.measure.align = text::Align::kLeft;
  b.measure.hyphenate = false;
  return b;
}

namespace {

std::atomic<bool> g_notes{true};

// A set line the frame holds as it is: no wider than the measure and not cut inside a
// word (the engine's emergency break for a word wider than the measure adds a hyphen).
bool clean(const layout::SetBlock& s, double width_pt) {
  for (const text::Line& l : s.lines) {
    if (l.width_pt > width_pt + layout::kFitTolerancePt || l.hyphenated) return false;
    for (const text::GlyphRun& r : l.runs) {
      if (r.hyphen != text::HyphenRole::kNone) return false;
    }
  }
  return true;
}

std::string trim(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return std::string(s);
}

// Where to wrap `line` so its head fits `width`: after the last separator (", " or " · ")
// whose head fits, else after the last space whose head fits; 0 when no head fits.
// Postal addresses are lists of parts, and a part kept whole reads and sorts better
// (UPU S42 treats each address element as a unit).
const std::string kDot = "\u00B7";

}  // namespace

std::string format_pt(double pt) {
  char buf[32];                                          // not a length: a buffer
  std::snprintf(buf, sizeof buf, "%g", std::round(pt * 100) / 100);  // not a length: two decimals
  return buf;
}

namespace {

size_t wrap_point(const std::string& line, const std::function<double(const std::string&)>& width_of, double width) {
  size_t best_sep = 0, best_space = 0;
  for (size_t p = line.find(' '); p != std::string::npos; p = line.find(' ', p + 1)) {
    const std::string head = trim(std::string_view(line).substr(0, p));
    if (head.empty()) continue;
    if (width_of(head) > width) break;  // heads only grow
    best_space = p + 1;
    const bool dot = line.compare(p + 1, kDot.size(), kDot) == 0;  // " · " joins a return line's parts
    const bool sep = head.back() == ',' || head.back() == ';' || dot;
    if (sep) best_sep = dot ? p + 1 + kDot.size() + 1 : p + 1;
  }
  // A separator break that leaves a very short head would waste the line: take it only
  // when it uses at least half the measure.
  if (best_sep && width_of(trim(std::string_view(line).substr(0, best_sep))) >= width / 2) return best_sep;  // not a length: half
  return best_space ? best_space : best_sep;
}

// Sets one line into `out` at `size`, wrapped as needed. False when a word is wider than
// the measure (of the continuation, after its indent).
bool set_wrapped(const std::string& line, const std::string& lang, text::FontId font, double size, double lead,
                 double width, double indent, text::Direction dir, FittedLines& out, Typesetter& ts) {
  const auto block = [&](std::string text) {
    Block b = ragged(layout::make_block(std::move(text), lang, font, size, lead));
    b.direction = dir;
    return b;
  };
  out.blocks.push_back(block(line));
  layout::SetBlock whole = layout::set_block(out.blocks.back(), width, ts);
  if (whole.lines.size() <= 1 && clean(whole, width)) {
    out.set.push_back(std::move(whole));
    return true;
  }
  out.blocks.pop_back();
  const auto width_of = [&](const std::string& s) {
    Block b = ragged(layout::make_block(s, lang, font, size, lead));
    const layout::SetBlock one = layout::set_block(b, layout::kUnboundedPt, ts);
    return one.lines.empty() ? 0.0 : one.lines.front().width_pt;
  };
  const size_t at = wrap_point(line, width_of, width);
  if (at == 0) return false;
  out.blocks.push_back(block(trim(std::string_view(line).substr(0, at))));
  layout::SetBlock head = layout::set_block(out.blocks.back(), width, ts);
  if (head.lines.size() != 1 || !clean(head, width)) return false;
  out.set.push_back(std::move(head));
  // The rest, indented so a reader (and a sorting machine) sees one address element (on
  // the right for a right-to-left block).
  out.blocks.push_back(block(trim(std::string_view(line).substr(at))));
  layout::SetBlock tail = layout::set_block(out.blocks.back(), width - indent, ts);
  if (!clean(tail, width - indent)) return false;
  if (dir != text::Direction::kRtl) {
    for (text::Line& l : tail.lines) {
      for (text::GlyphRun& r : l.runs) r.x_pt += indent;
    }
  }
  out.set.push_back(std::move(tail));
  return true;
}

}  // namespace

void set_address_notes(bool on) { g_notes = on; }

std::optional<FittedLines> fit_lines(const std::vector<std::string>& lines, const std::string& lang,
                                     const layout::TextStyleSpec& style, const layout::FitSpec& fit,
                                     const Rect& frame, Typesetter& ts, size_t* bad_line, layout::Role role) {
  const text::FontId font = ts.font(style.font);
  const auto with_role = [role](FittedLines& out) {
    for (Block& b : out.blocks) b.role = role;  // the set blocks point at these
    return std::move(out);
  };
  // One direction for the whole block, that of its first line (the name): a sender in
  // Arabic gets every line aligned right, the Latin country line included (UAX #9, P2-P3).
  const text::Direction dir = lines.empty() || text::resolve_bidi(lines.front(), text::Direction::kAuto).base == 0
                                  ? text::Direction::kLtr
                                  : text::Direction::kRtl;
  const double min_size = fit.min_size_pt > 0 ? std::min(fit.min_size_pt, style.size_pt) : style.size_pt;
  // The common case first, at the cost of one paragraph: every line fits as it is.
  {
    std::string joined;
    for (const std::string& l : lines) joined += (joined.empty() ? "" : "\n") + l;
    FittedLines out;
    out.size_pt = style.size_pt;
    out.leading_pt = style.leading_pt;
    Block b = ragged(layout::make_block(std::move(joined), lang, font, style.size_pt, style.leading_pt));
    b.direction = dir;
    out.blocks.push_back(std::move(b));
    layout::SetBlock set = layout::set_block(out.blocks.back(), frame.w_pt, ts);
    if (set.lines.size() == lines.size() && clean(set, frame.w_pt)) {
      out.set.push_back(std::move(set));
      if (layout::stacked_height(out.set) <= frame.h_pt + layout::kFitTolerancePt) return with_role(out);
    }
  }
  for (double size = style.size_pt;; size = std::max(min_size, size - layout::kShrinkStepPt)) {
    // Size and leading go down together, reaching both minima at once: "smaller and tighter".
    const double min_lead = fit.min_leading_pt > 0 ? std::min(fit.min_leading_pt, style.leading_pt)
                                                   : style.leading_pt * min_size / style.size_pt;
    const double t = style.size_pt > min_size ? (style.size_pt - size) / (style.size_pt - min_size) : 0;
    const double lead = style.leading_pt - t * (style.leading_pt - min_lead);
    const double indent = fit.indent_pt > 0 ? fit.indent_pt : size;
    FittedLines out;
    out.size_pt = size;
    out.leading_pt = lead;
    size_t failed = lines.size();
    for (size_t i = 0; i < lines.size() && failed == lines.size(); ++i) {
      if (!set_wrapped(lines[i], lang, font, size, lead, frame.w_pt, indent, dir, out, ts)) failed = i;
    }
    if (failed == lines.size() && layout::stacked_height(out.set) <= frame.h_pt + layout::kFitTolerancePt) {
      return with_role(out);
    }
    if (size <= min_size) {
      if (bad_line) *bad_line = failed;
      return std::nullopt;
    }
  }
}

FittedLines address_blocks(const Case& c, size_t ti, const std::string& lang, const LayoutSpec& spec, Typesetter& ts,
                           const std::optional<Origin>& origin, const Rect& frame) {
  const Target& t = c.targets.at(ti);
  const RecipientBlock r = format_recipient(t.address, lang, origin);
  const std::string ptr = "/targets/" + std::to_string(t.index) + "/address/lines/" + r.lines_language;
  const layout::TextStyleSpec& style = spec.style("address");
  const auto pt = format_pt;
  size_t bad = 0;
  if (auto fitted = fit_lines(r.lines, lang, style, spec.address_fit, frame, ts, &bad)) {
    // Say so when an address had to shrink: the user may prefer to shorten it. Once per
    // address and layout, though envelopes and labels fit it for every sender.
    if (fitted->size_pt < style.size_pt && g_notes) {
      const std::string note = "note: " + std::filesystem::path(c.source_file).filename().string() + ": the address of target \"" + t.id +
                               "\" (" + lang + ") is set at " + pt(fitted->size_pt) + " pt on leading " +
                               pt(fitted->leading_pt) + " pt to fit layout " + spec.name +
                               " (normally " + pt(style.size_pt) + " pt)";
      static std::mutex mu;
      static std::set<std::string> said;
      std::lock_guard<std::mutex> lock(mu);
      if (said.insert(note).second) std::cerr << note << "\n";
    }
    return std::move(*fitted);
  }

  const double min_size = spec.address_fit.min_size_pt > 0 ? spec.address_fit.min_size_pt : style.size_pt;
  const auto mm = [](double pt) { return std::to_string(static_cast<int>(std::lround(pt / kPtPerMm))); };
  const std::string field = "the address field of layout " + spec.name + " (" + mm(frame.w_pt) + " x " + mm(frame.h_pt) +
                            " mm) even at " + pt(min_size) + " pt";
  const std::string who = "target \"" + t.id + "\" (" + lang + ")";
  if (bad < r.lines.size()) {
    const std::string where = "/targets/" + std::to_string(t.index) + r.sources.at(bad);
    throw UnfittableAddress(c.source_file, where,
                     "address line \"" + r.lines[bad] + "\" of " + who + " has a word wider than " + field);
  }
  throw UnfittableAddress(c.source_file, ptr,
                   std::to_string(r.lines.size()) + " address lines" + (r.country_line ? " (with the country line)" : "") +
                       " of " + who + " do not fit " + field);
}

}  // namespace appeal
