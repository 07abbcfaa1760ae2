// Typed PDF objects: everything the writer puts into a file is built as PoDoFo 0.9.8
// objects (PdfDictionary, PdfArray, PdfName, PdfString, PdfReference, numbers) and
// serialised by PoDoFo (names' #xx escapes, strings' escapes, numbers in the C locale).
// Only the container (object_writer.cpp) writes framing by hand: the header,
// "N 0 obj"/"endobj", stream/endstream, startxref.
#pragma once
#include <podofo.h>

#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include "common/geometry.h"

namespace appeal::pdf {

PoDoFo::PdfObject ref(uint32_t num);                   // 12 0 R
PoDoFo::PdfObject name(std::string_view name);         // /Name (ISO 32000-1 §7.3.5)
PoDoFo::PdfObject text(std::string_view utf8);         // a text string, UTF-16BE when not ASCII (§7.9.2.2)
PoDoFo::PdfObject ascii(std::string_view s);           // a byte string, e.g. (PDF/X-4)
PoDoFo::PdfObject hex_bytes(std::string_view bytes);   // <0A1B...>
PoDoFo::PdfObject integer(int64_t v);
PoDoFo::PdfObject number(double v);                    // an integer when whole, else a real
PoDoFo::PdfObject date(std::time_t t);                 // (D:YYYYMMDDHHmmSSZ), UTC (§7.9.4)
PoDoFo::PdfArray rect(const Rect& r);                  // [x y x+w y+h] (§7.9.5)
PoDoFo::PdfArray refs(const std::vector<uint32_t>& nums);

// The object as written into the file (PoDoFo's compact mode).
std::string serialized(const PoDoFo::PdfObject& o);

}  // namespace appeal::pdf
