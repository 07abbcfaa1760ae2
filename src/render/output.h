// The output format of a run: PDF (render/pdf_output.h) or the text trace of the same
// pages (render/trace.h). The application writes every document through these two calls
// and never knows which writer is behind them.
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "layout/document.h"
#include "render/page_stream.h"
#include "render/pdf_output.h"
#include "text/font_cache.h"

namespace appeal::render {

enum class Format { kPdf, kTrace };

struct OutputSettings {
  Format format = Format::kPdf;
  PdfSettings pdf;
  // The file name extension of the format: ".pdf" or ".trace".
  std::string extension() const { return format == Format::kTrace ? ".trace" : ".pdf"; }
};

void write_document(const layout::Document& doc, const text::FontCache& fonts, const OutputSettings& settings,
                    const std::filesystem::path& file);

std::unique_ptr<PageStream> open_page_stream(const layout::DocumentHead& head, const text::FontCache& fonts,
                                             const OutputSettings& settings, const std::filesystem::path& file);

}  // namespace appeal::render
