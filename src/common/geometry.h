// The one vocabulary of page geometry and colour, shared by layout/, render/ and pdf/.
// Lengths are doubles in PostScript points with the unit in the name (x_pt); millimetres
// convert with kPtPerMm. Where the origin is depends on the layer: layout/ measures from
// the sheet's top-left corner, as print specifications do; pdf/ from the bottom-left (PDF
// user space, ISO 32000-1 §8.3.2.3); render/ turns one into the other.
#pragma once
#include <cstdint>

namespace appeal {

constexpr double kPtPerMm = 72.0 / 25.4;

struct Rect {
  double x_pt = 0, y_pt = 0, w_pt = 0, h_pt = 0;
  double right_pt() const { return x_pt + w_pt; }
  double bottom_pt() const { return y_pt + h_pt; }  // with the origin at the top
};

// A colour as a layout states it: gray for office printing, CMYK for print shops, or the
// registration colour for printer's marks (every plate at once: PDF's Separation /All,
// ISO 32000-1 §8.6.6.4).
struct Ink {
  enum class Kind : uint8_t { kGray, kCmyk, kRegistration };
  double level = 0;  // kGray: 0 black .. 1 white; kRegistration: the tint, 1 = full
  Kind kind = Kind::kGray;
  double c = 0, m = 0, y = 0, k = 0;  // kCmyk, 0..1

  static Ink gray(double level) { return {level, Kind::kGray}; }
  static Ink cmyk(double c, double m, double y, double k) { return {0, Kind::kCmyk, c, m, y, k}; }
  static Ink registration() { return {1, Kind::kRegistration}; }
  bool operator==(const Ink& o) const {
    return kind == o.kind && level == o.level && c == o.c && m == o.m && y == o.y && k == o.k;
  }
  bool operator!=(const Ink& o) const { return !(*this == o); }
};

// A straight line, stroked.
struct Rule {
  double x1_pt = 0, y1_pt = 0, x2_pt = 0, y2_pt = 0;
  double width_pt = 0.25;
  Ink ink;
  double dash_pt = 0;  // dash and gap length; 0 = solid
};

struct FilledRect {
  Rect rect;
  Ink ink;
};

}  // namespace appeal
