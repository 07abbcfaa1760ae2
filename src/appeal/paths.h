// Where the bundled data lives: fonts/, layouts/ and the hyphenation patterns.
#pragma once
#include <filesystem>
#include <string>

#include "text/font_fallback.h"
#include "text/hyphen_catalog.h"

namespace appeal {

// $APPEAL_DATA_DIR if set, else the source tree the binary was built from.
std::filesystem::path data_dir();
std::filesystem::path font_dir();
// Hyphenation dictionaries: $APPEAL_HYPHEN_DIR (if set), the project's own in
// data/hyphen (Kazakh, Turkish), then Debian's /usr/share/hyphen; rules from
// data/hyphenation.json.
text::HyphenCatalog hyphen_catalog();
// Fallback fonts for what the bundled fonts cannot draw: data/font-fallback.json.
text::FontFallback font_fallback();
// A layout name ("din5008-b-a4") resolves in layouts/; a path ending in .json is used as is.
std::filesystem::path layout_path(const std::string& name_or_path);

}  // namespace appeal
