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

// A dictionary or array written entry by entry, in the bytes serialized() gives the same
// PoDoFo object, without building it: for the objects a tagged merge writes by the
// thousand (structure elements, parent-tree arrays). Dictionary keys must come in
// PoDoFo's order: /Type first, then by name.
class ObjectText {
 public:
  ObjectText& begin_dict();
  ObjectText& end_dict();
  ObjectText& begin_array();
  ObjectText& end_array();
  ObjectText& key(std::string_view k);
  ObjectText& ref(uint32_t num);
  ObjectText& integer(int64_t v);
  ObjectText& name(std::string_view n);
  ObjectText& value(const PoDoFo::PdfObject& o);  // anything else: text strings, ...
  const std::string& str() const { return out_; }

 private:
  std::string out_;
};

// The object as written into the file: PoDoFo's compact mode, byte for byte.
std::string serialized(const PoDoFo::PdfObject& o);
// PoDoFo's own compact writer, which serialized() matches (for tests).
std::string podofo_serialization(const PoDoFo::PdfObject& o);

}  // namespace appeal::pdf
