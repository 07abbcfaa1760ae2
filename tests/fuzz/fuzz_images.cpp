// libFuzzer: the PNG (libpng) and JPEG (marker scan) loaders and the PNG header reader.
#include "image/png_info.h"
#include "fuzz_input.h"
#include "pdf/document.h"
#include "image/image_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::MemFile f(data, size, "image");
  if (!f.ok()) return 0;
  appeal::image::png_size(f.path());
  try {
    appeal::image::load_image(f.path());
  } catch (const appeal::image::ImageError&) {
  }
  return 0;
}
