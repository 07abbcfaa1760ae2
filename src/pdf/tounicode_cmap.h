// The ToUnicode CMap of a font (ISO 32000-1 §9.10.3): a CMap program (Adobe Technical
// Note #5411, a PostScript-like language, not PDF object syntax) mapping each glyph id
// to the text it stands for, so text copies out of the PDF.
#pragma once
#include <cstdint>
#include <map>
#include <string>

namespace appeal::pdf {

// `text_of`: glyph id -> UTF-8; glyph 0 and empty texts are left out (never map .notdef).
std::string to_unicode_cmap(const std::map<uint32_t, std::string>& text_of);

}  // namespace appeal::pdf
