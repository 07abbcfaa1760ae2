// libFuzzer: the senders CSV reader (quotes, delimiters, encodings, every column's checks).
#include "appeal/senders.h"
#include "fuzz_input.h"
#include "common/input_error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::MemFile f(data, size, "senders.csv");
  if (!f.ok()) return 0;
  try {
    appeal::read_senders(f.path());
  } catch (const appeal::InputError&) {
  }
  return 0;
}
