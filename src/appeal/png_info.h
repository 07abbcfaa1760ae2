// Pixel size of a PNG from its IHDR chunk, to place a signature at its aspect ratio.
#pragma once
#include <filesystem>
#include <optional>
#include <utility>

namespace appeal {

// {width, height} in pixels, or nullopt when the file is not a readable PNG.
std::optional<std::pair<unsigned, unsigned>> png_size(const std::filesystem::path& file);

}  // namespace appeal
