// QR codes (libqrencode) drawn as filled rectangles: vector, sharp at any print size.
#pragma once
#include <string>
#include <vector>

#include "layout/display_list.h"

namespace appeal::layout {

struct QrCode {
  int modules = 0;                // symbol width in modules, without the quiet zone
  std::vector<FilledRect> boxes;   // light background (quiet zone included), then dark runs
};

// The QR code of `text` (byte mode, error correction M) with its 4-module quiet zone,
// `size_pt` wide including that zone, top-left at (x, y). Dark modules in `dark`, the
// background in `light`; runs of dark modules in a row are merged into one rectangle.
// Throws std::invalid_argument when the text is too long for a QR code.
QrCode qr_code(const std::string& text, double x_pt, double y_pt, double size_pt, Ink dark, Ink light);

}  // namespace appeal::layout
