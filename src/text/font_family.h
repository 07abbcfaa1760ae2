// Installed font families, found through fontconfig (the fonts Debian's fonts-* packages
// install): a layout or `--font-family` may name one in place of the bundled PT fonts.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace appeal::text {

// The file of `family`'s face closest to the weight and slant asked for, if the family is
// installed with a scalable face this writer embeds (TrueType or CFF/OpenType); fontconfig
// substitutes another family for an unknown one, which this refuses (nullopt).
std::optional<std::filesystem::path> family_face(const std::string& family, bool bold, bool italic);

// The installed families closest to `family` by name (for "did you mean"), at most `n`.
std::vector<std::string> similar_families(const std::string& family, size_t n = 3);

}  // namespace appeal::text
