// Output descriptions as text: every page's fonts, glyph ids with their text and positions
// to 0.01 pt, rules, boxes, images and page boxes, one item per line. What a PDF would
// show, in a form a diff can read: the golden tests (tests/golden/) compare it, as SILE's
// debug outputter and libraqm's test dumps do, and `appeal ... --trace` writes it for
// anyone comparing two layouts.
#pragma once
#include <filesystem>
#include <string>

#include "layout/document.h"
#include "render/page_stream.h"
#include "text/font_cache.h"

namespace appeal::render {

// The whole document as text.
std::string trace_document(const layout::Document& doc, const text::FontCache& fonts);

// Writes trace_document to `file` (OutputError when it cannot).
void write_trace(const layout::Document& doc, const text::FontCache& fonts, const std::filesystem::path& file);

// The trace of a document whose pages come one letter at a time (a merge); written at
// finish().
std::unique_ptr<PageStream> open_trace_stream(const layout::DocumentHead& head, const text::FontCache& fonts,
                                              const std::filesystem::path& file);

}  // namespace appeal::render
