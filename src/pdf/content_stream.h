// Turns one Page's items into content-stream operators (ISO 32000-1 §8, §9.4).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "pdf/font_embed.h"
#include "pdf/page.h"

namespace appeal::pdf {

// `fonts` is indexed by FontRef. Records every drawn glyph in its font (for subsetting and
// ToUnicode) and returns the operators.
// Images are drawn as /<image_names[file]> Do; the caller registers them in resources.
// Forms are drawn as /Fm<n+1> Do.
std::string build_content(const Page& page, std::vector<std::unique_ptr<EmbeddedFont>>& fonts,
                          const std::map<std::string, std::string>& image_names);

std::string form_name(FormRef form);

// The resource name of the registration colour space (Ink::Kind::kRegistration), which the
// document defines in its resources when a page uses it.
extern const char* const kRegistrationColorSpace;

// UTF-8 -> "<FEFF....>" hex string for text outside fonts (ActualText).
std::string utf16_hex_string(const std::string& utf8);

}  // namespace appeal::pdf
