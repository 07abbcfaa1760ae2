// Writes a PDF file object by object, straight to disk: each object is written once, when
// it is complete, and only its offset is kept. Memory stays flat however many pages a
// file has (PoDoFo 0.9.8's streamed writer keeps every dictionary until Close() and
// re-sorts its xref on every object: see docs/merge.md).
#pragma once
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace appeal::pdf {

class ObjectWriter {
 public:
  // Writes the header (%PDF-1.7 and a binary comment line, ISO 32000-1 §7.5.2).
  explicit ObjectWriter(const std::filesystem::path& file);
  ~ObjectWriter();
  ObjectWriter(const ObjectWriter&) = delete;
  ObjectWriter& operator=(const ObjectWriter&) = delete;

  uint32_t reserve();  // a new object number, to be written later
  // "N 0 obj <body> endobj"; `body` is a complete PDF object (e.g. "<</Type/Page>>").
  void object(uint32_t num, std::string_view body);
  // A stream object: `dict` holds the dictionary's entries without << >> and /Length.
  void stream(uint32_t num, std::string_view dict, std::string_view data);
  // Writes the xref table and the trailer. The /ID is the MD5 of everything written
  // before it, so the same content gives the same bytes.
  void finish(uint32_t root, uint32_t info);

 private:
  void write(std::string_view s);
  std::filesystem::path file_;
  std::ofstream out_;
  std::vector<uint64_t> offsets_;  // by object number - 1; 0 = reserved, not written
  uint64_t pos_ = 0;
  struct Md5;
  std::unique_ptr<Md5> md5_;
};

// "<</A 1>>" style helpers for the few syntactic forms the writer needs.
std::string pdf_ref(uint32_t num);                // "12 0 R"
std::string pdf_name(std::string_view name);      // "/Name" with #xx escapes (§7.3.5)
std::string pdf_text_string(std::string_view utf8);  // <FEFF...> (UTF-16BE, §7.9.2.2)
std::string pdf_rect(double x, double y, double w, double h);  // "[x y x+w y+h]"

}  // namespace appeal::pdf
