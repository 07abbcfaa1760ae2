// Pixel size of a PNG from its IHDR chunk, to place a signature at its aspect ratio.
#pragma once
#include <filesystem>
#include <optional>
#include <utility>

namespace appeal::image {

// {width, height} in pixels, or nullopt when the file is not a readable PNG.
std::optional<std::pair<unsigned, unsigned>> png_size(const std::filesystem::path& file);

// Whether the file starts with the PNG signature (ISO/IEC 15948 §5.2).
bool is_png(const std::filesystem::path& file);

}  // namespace appeal::image
