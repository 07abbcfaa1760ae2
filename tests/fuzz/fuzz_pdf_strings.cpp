// libFuzzer: the PDF writer's names and text strings as PoDoFo serialises them
// (ISO 32000-1 §7.3.4-7.3.5, §7.9.2.2), on valid UTF-8 and on arbitrary bytes.
#include <string>

#include "pdf/pdf_objects.h"
#include "pdf/pdf_syntax.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  try {
    const std::string name = appeal::pdf::serialized(appeal::pdf::name(s));
    // A name never carries white space, delimiters or bytes outside 0x21-0x7E unescaped.
    for (size_t i = 1; i < name.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(name[i]);
      if (c < 0x21 || c > 0x7E || std::string_view("()<>[]{}/%").find(static_cast<char>(c)) != std::string_view::npos) {
        __builtin_trap();
      }
    }
    // A text string never carries a raw line end (a reader would take it as \n).
    const std::string text = appeal::pdf::serialized(appeal::pdf::text(s));
    if (text.find('\r') != std::string::npos || text.find('\n') != std::string::npos) __builtin_trap();
  } catch (const PoDoFo::PdfError&) {
    // Bytes PoDoFo refuses (not UTF-8) are refused, never written.
  }
  appeal::pdf::utf16be_hex(std::string(s));
  if (size >= sizeof(double)) {
    double v;
    __builtin_memcpy(&v, data, sizeof v);
    appeal::pdf::pdf_number(v);
  }
  return 0;
}
