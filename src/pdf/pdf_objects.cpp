#include "pdf/pdf_objects.h"

#include "text/utf8.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

namespace appeal::pdf {

using namespace PoDoFo;

PdfObject ref(uint32_t num) { return PdfObject(PdfReference(num, 0)); }

PdfObject name(std::string_view n) { return PdfObject(PdfName(std::string(n))); }

PdfObject text(std::string_view utf8) {
  const bool plain = std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
  if (plain) return PdfObject(PdfString(std::string(utf8)));  // PDFDocEncoding, which ASCII is
  // UTF-16BE with its byte order mark, encoded here: PoDoFo 0.9.8's own UTF-8 constructor
  // (PdfString(const pdf_utf8*)) overflows a heap buffer on malformed UTF-8 (found by
  // tests/fuzz/fuzz_pdf_strings under AddressSanitizer); text::to_utf16 replaces it.
  std::string bytes = "\xFE\xFF";
  for (char16_t unit : text::to_utf16(utf8)) {
    bytes += static_cast<char>(unit >> 8);
    bytes += static_cast<char>(unit & 0xFF);
  }
  return PdfObject(PdfString(bytes.data(), static_cast<pdf_long>(bytes.size()), false));
}

PdfObject ascii(std::string_view s) { return PdfObject(PdfString(std::string(s))); }

PdfObject hex_bytes(std::string_view bytes) {
  return PdfObject(PdfString(bytes.data(), static_cast<pdf_long>(bytes.size()), true));
}

PdfObject integer(int64_t v) { return PdfObject(static_cast<pdf_int64>(v)); }

PdfObject number(double v) {
  if (v == std::floor(v) && std::abs(v) < 1e15) return integer(static_cast<int64_t>(v));
  return PdfObject(v);
}

PdfObject date(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "D:%Y%m%d%H%M%SZ", &tm);
  return ascii(buf);
}

PdfArray rect(const Rect& r) {
  PdfArray a;
  for (double v : {r.x_pt, r.y_pt, r.x_pt + r.w_pt, r.y_pt + r.h_pt}) a.push_back(number(v));
  return a;
}

PdfArray refs(const std::vector<uint32_t>& nums) {
  PdfArray a;
  for (uint32_t n : nums) a.push_back(ref(n));
  return a;
}

namespace {

// PoDoFo's own writer (compact mode).
std::string podofo_serialized(const PdfObject& o) {
  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  o.Write(&device, ePdfWriteMode_Compact, nullptr);
  return std::string(buffer.GetBuffer(), device.Tell());
}

// A name as PoDoFo writes it (its #xx escapes, ISO 32000-1 §7.3.5), once per distinct name.
const std::string& name_text(std::string_view raw) {
  thread_local std::unordered_map<std::string, std::string> names;
  auto it = names.find(std::string(raw));
  if (it == names.end()) {
    it = names.emplace(std::string(raw), podofo_serialized(PdfObject(PdfName(std::string(raw))))).first;
  }
  return it->second;
}

// The same bytes as PoDoFo 0.9.8's compact writer, without its cost: PdfOutputDevice
// formats every token through vsnprintf twice, which made serialising a tagged merge's
// structure elements a third of its time (callgrind: 110 M instructions for 200 letters).
// Containers, numbers and references are written here in PoDoFo's layout (a space before
// each number, reference, boolean and null; /Type first in a dictionary, then the keys in
// PoDoFo's order); names (their #xx escapes), strings, reals and raw data are still
// written by PoDoFo, names once per distinct name. tests/pdf/pdf_objects_test.cpp compares
// both writers on random objects.
void write(const PdfObject& o, std::string& out) {
  switch (o.GetDataType()) {
    case ePdfDataType_Bool:
      out += o.GetBool() ? " true" : " false";
      return;
    case ePdfDataType_Number:
      out += ' ';
      out += std::to_string(o.GetNumber());
      return;
    case ePdfDataType_Reference: {
      const PdfReference& r = o.GetReference();
      out += ' ';
      out += std::to_string(r.ObjectNumber());
      out += ' ';
      out += std::to_string(r.GenerationNumber());
      out += " R";
      return;
    }
    case ePdfDataType_Null:
      out += " null";
      return;
    case ePdfDataType_Name:
      out += name_text(o.GetName().GetName());
      return;
    case ePdfDataType_Array:
      out += '[';
      for (const PdfObject& e : o.GetArray()) write(e, out);
      out += ']';
      return;
    case ePdfDataType_Dictionary: {
      const PdfDictionary& d = o.GetDictionary();
      out += "<<";
      const PdfObject* type = d.GetKey(PdfName::KeyType);
      if (type) {
        write(PdfObject(PdfName::KeyType), out);
        write(*type, out);
      }
      for (const auto& [key, value] : d.GetKeys()) {
        if (key == PdfName::KeyType) continue;
        write(PdfObject(key), out);
        write(*value, out);
      }
      out += ">>";
      return;
    }
    default:  // strings, reals, raw data
      out += podofo_serialized(o);
      return;
  }
}

}  // namespace

std::string serialized(const PdfObject& o) {
  std::string out;
  write(o, out);
  return out;
}

std::string podofo_serialization(const PdfObject& o) { return podofo_serialized(o); }

ObjectText& ObjectText::begin_dict() {
  out_ += "<<";
  return *this;
}
ObjectText& ObjectText::end_dict() {
  out_ += ">>";
  return *this;
}
ObjectText& ObjectText::begin_array() {
  out_ += '[';
  return *this;
}
ObjectText& ObjectText::end_array() {
  out_ += ']';
  return *this;
}
ObjectText& ObjectText::key(std::string_view k) { return name(k); }
ObjectText& ObjectText::name(std::string_view n) {
  out_ += name_text(n);
  return *this;
}
ObjectText& ObjectText::ref(uint32_t num) {
  out_ += ' ';
  out_ += std::to_string(num);
  out_ += " 0 R";
  return *this;
}
ObjectText& ObjectText::integer(int64_t v) {
  out_ += ' ';
  out_ += std::to_string(v);
  return *this;
}
ObjectText& ObjectText::value(const PdfObject& o) {
  write(o, out_);
  return *this;
}

}  // namespace appeal::pdf
