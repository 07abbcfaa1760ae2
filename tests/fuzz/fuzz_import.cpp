// libFuzzer: `appeal import`'s readers and recogniser on any bytes: plain text, HTML, a
// DOCX (ZIP) or a PDF, then the sections, targets, dates and telephone numbers of a UA.
#include "common/input_error.h"
#include "extract/document_text.h"
#include "fuzz_input.h"
#include "importer/ua_import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::MemFile f(data, size, "ua");
  if (!f.ok()) return 0;
  try {
    const appeal::extract::DocumentText doc = appeal::extract::read_document(f.path());
    appeal::importer::ImportOptions options;
    options.today = {2025, 1, 1};
    appeal::importer::import_ua(doc, f.path(), options);
  } catch (const appeal::BadInput&) {
  }
  return 0;
}
