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

// Gives every style of `styles` (of the layout file `layout`) the file of its installed family: `font_family` (the
// `--font-family` option) for every style, each keeping its weight and slant (a font file
// named "...Bold..." is bold), else a style's own "family". An unknown family is a
// UsageError (--font-family) or an InputError at /styles/NAME/family, with the installed
// families nearest by name. Returns the families used ("" none), for notes.
std::string resolve_font_families(const std::filesystem::path& layout,
                                  std::map<std::string, layout::TextStyleSpec>& styles, const std::string& font_family);

}  // namespace appeal::app
