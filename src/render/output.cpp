#include "render/output.h"

#include "render/trace.h"

namespace appeal::render {

void write_document(const layout::Document& doc, const text::FontCache& fonts, const OutputSettings& settings,
                    const std::filesystem::path& file) {
  if (settings.format == Format::kTrace) {
    write_trace(doc, fonts, file);
  } else {
    write_pdf(doc, fonts, settings.pdf, file);
  }
}

std::unique_ptr<PageStream> open_page_stream(const layout::DocumentHead& head, const text::FontCache& fonts,
                                             const OutputSettings& settings, const std::filesystem::path& file) {
  if (settings.format == Format::kTrace) return open_trace_stream(head, fonts, file);
  return std::make_unique<PdfStream>(head, fonts, settings.pdf, file);
}

}  // namespace appeal::render
