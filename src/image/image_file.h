// PNG and JPEG files read for printing: PNG decoded with libpng (alpha kept apart, for a
// soft mask), JPEG kept compressed with its size and colour space read from the frame header.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "common/input_error.h"

namespace appeal::image {

struct ImageData {
  int width = 0, height = 0;
  std::string color_space;  // "DeviceGray" or "DeviceRGB" ("DeviceCMYK" for CMYK JPEGs)
  std::string filter;       // "" (raw samples, to be deflated) or "DCTDecode" (JPEG as is)
  std::string samples;      // 8 bits per component
  std::optional<std::string> alpha;  // raw 8-bit alpha samples, when the PNG has alpha
};

// An image file that cannot be read (bad input, not an internal fault).
class ImageError : public BadInput {
 public:
  ImageError(const std::string& file, const std::string& why)
      : BadInput(file + ": cannot read the image (" + why + ")"), file_(file) {}
  const std::string& file() const { return file_; }

 private:
  std::string file_;
};

// Images larger than this many pixels are refused before decoding (40 million: 8,000 x
// 5,000, far beyond any signature or cover photo at print resolution).
constexpr uint64_t kMaxImagePixels = 40'000'000;

// Throws ImageError naming the file when it cannot be read.
ImageData load_image(const std::string& file);

}  // namespace appeal::image
