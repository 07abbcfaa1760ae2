// Layout files (layouts/*.json) as a run picks them: by name or path, of the right kind
// for the subcommand, with fonts that exist.
#pragma once
#include <filesystem>
#include <map>
#include <string>

#include "layout/layout_spec.h"

namespace appeal::app {

// What a layout file is for: "leaflet", "label", "letter" or "envelope"; "" when the file
// cannot be read as JSON.
std::string layout_kind_of(const std::filesystem::path& file);

// --layout as a path: a name from layouts/ of the given kind, or a JSON file. UsageError
// for an unknown name or a layout of another kind, listing the ones that fit.
std::filesystem::path resolve_layout(const std::string& name, const std::string& kind);

// Every style's font must be one of fonts/: a layout naming another is bad input at its
// pointer (InputError), never a FreeType error later.
void check_layout_fonts(const std::filesystem::path& layout, const std::map<std::string, layout::TextStyleSpec>& styles);

}  // namespace appeal::app
