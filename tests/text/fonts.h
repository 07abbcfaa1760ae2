// Paths to the bundled fonts and Debian's hyphenation patterns, for text/ tests.
#pragma once
#include <filesystem>

#include "text/hyphen_catalog.h"

namespace test {
inline std::filesystem::path font_file(const char* name) { return std::filesystem::path(APPEAL_SOURCE_DIR) / "fonts" / name; }
inline std::filesystem::path hyphen_file(const char* name) { return std::filesystem::path(APPEAL_HYPHEN_DIR) / name; }
// The catalog `appeal` uses: the project's own patterns, then Debian's, with the rules
// of data/hyphenation.json.
inline appeal::text::HyphenCatalog hyphen_catalog() {
  const std::filesystem::path src(APPEAL_SOURCE_DIR);
  return appeal::text::HyphenCatalog({src / "data" / "hyphen", APPEAL_HYPHEN_DIR}, src / "data" / "hyphenation.json");
}
}  // namespace test
