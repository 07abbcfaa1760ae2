// Paths to the bundled fonts and converted hyphenation patterns, for text/ tests.
#pragma once
#include <filesystem>

namespace test {
inline std::filesystem::path font_file(const char* name) { return std::filesystem::path(APPEAL_SOURCE_DIR) / "fonts" / name; }
inline std::filesystem::path hyphen_file(const char* name) { return std::filesystem::path(APPEAL_HYPHEN_DIR) / name; }
}  // namespace test
