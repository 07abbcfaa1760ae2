// libFuzzer: the case reader (JSON syntax, duplicate keys, nesting, numbers, strings, every
// field's checks). Bad input must end in InputError, nothing else.
#include "appeal/case_reader.h"
#include "fuzz_input.h"
#include "common/input_error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::MemFile f(data, size, "case.json");
  if (!f.ok()) return 0;
  try {
    appeal::read_case(f.path());
  } catch (const appeal::InputError&) {
  }
  return 0;
}
