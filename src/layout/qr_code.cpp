#include "layout/qr_code.h"

#include <memory>
#include <stdexcept>

#include <qrencode.h>

namespace appeal::layout {

namespace {

constexpr int kQuietZone = 4;  // modules on each side (ISO/IEC 18004 §6.3.8)

struct QrDelete {
  void operator()(QRcode* q) const { QRcode_free(q); }
};

}  // namespace

QrCode qr_code(const std::string& text, double x_pt, double y_pt, double size_pt, Ink dark, Ink light) {
  // Version 0: the smallest symbol that holds the text; case-sensitive 8-bit data.
  std::unique_ptr<QRcode, QrDelete> q(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M));
  if (!q) throw std::invalid_argument("cannot encode \"" + text + "\" as a QR code (too long?)");
  QrCode out;
  out.modules = q->width;
  const double unit = size_pt / (q->width + 2 * kQuietZone);
  out.boxes.push_back({{x_pt, y_pt, size_pt, size_pt}, light});
  for (int row = 0; row < q->width; ++row) {
    int col = 0;
    while (col < q->width) {
      if (!(q->data[row * q->width + col] & 1)) {
        ++col;
        continue;
      }
      const int start = col;
      while (col < q->width && (q->data[row * q->width + col] & 1)) ++col;
      out.boxes.push_back({{x_pt + (kQuietZone + start) * unit, y_pt + (kQuietZone + row) * unit,
                            (col - start) * unit, unit}, dark});
    }
  }
  return out;
}

}  // namespace appeal::layout
