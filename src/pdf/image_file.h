// PNG and JPEG files turned into PDF image XObjects (ISO 32000-1 §8.9.5): PNG decoded
// with libpng (alpha split into a soft mask, §11.6.5.3), JPEG passed through (DCTDecode).
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace appeal::pdf {

struct ImageData {
  int width = 0, height = 0;
  std::string color_space;  // "DeviceGray" or "DeviceRGB" ("DeviceCMYK" for CMYK JPEGs)
  std::string filter;       // "" (raw samples, to be deflated) or "DCTDecode" (JPEG as is)
  std::string samples;      // 8 bits per component
  std::optional<std::string> alpha;  // raw 8-bit alpha samples, when the PNG has alpha
};

// Images larger than this many pixels are refused before decoding (40 million: 8,000 x
// 5,000, far beyond any signature or cover photo at print resolution).
constexpr uint64_t kMaxImagePixels = 40'000'000;

// Throws ImageError (document.h) naming the file when it cannot be read.
ImageData load_image(const std::string& file);

}  // namespace appeal::pdf
