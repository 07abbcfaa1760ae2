// libFuzzer: the layout readers (letters, envelopes, labels, leaflets).
#include "fuzz_input.h"
#include "common/input_error.h"
#include "layout/layout_spec.h"
#include "layout/leaflet_spec.h"
#include "appeal/leaflet_builder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::MemFile f(data, size, "layout.json");
  if (!f.ok()) return 0;
  try {
    appeal::layout::load_layout(f.path());
  } catch (const appeal::InputError&) {
  }
  try {
    appeal::layout::load_leaflet(f.path(), appeal::leaflet_sections());
  } catch (const appeal::InputError&) {
  }
  return 0;
}
