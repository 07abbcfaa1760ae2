// libFuzzer: the PNG (libpng) and JPEG (marker scan) loaders and the PNG header reader.
#include "appeal/png_info.h"
#include "fuzz_input.h"
#include "pdf/document.h"
#include "pdf/image_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::MemFile f(data, size, "image");
  if (!f.ok()) return 0;
  appeal::png_size(f.path());
  try {
    appeal::pdf::load_image(f.path());
  } catch (const appeal::pdf::ImageError&) {
  }
  return 0;
}
