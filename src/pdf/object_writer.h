// Writes a PDF file object by object, straight to disk: each object is written once, when
// it is complete, and only its place is kept. Memory stays flat however many pages a
// file has (PoDoFo 0.9.8's streamed writer keeps every dictionary until Close() and
// re-sorts its xref on every object: see docs/merge.md).
//
// Objects that are not streams go into compressed object streams and the cross-reference
// table is a compressed xref stream (ISO 32000-1 §7.5.7, §7.5.8): in a merge the page
// dictionaries and xref entries were a third of the file.
#pragma once
#include <stdexcept>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/input_error.h"

namespace PoDoFo {
class PdfObject;
class PdfDictionary;
}  // namespace PoDoFo

namespace appeal::pdf {

// The output file cannot be created or written (no permission, disk full): the user's to
// fix, so callers report it as such, not as a bug. what() names the file and the reason.
class WriteError : public OutputError {
 public:
  using OutputError::OutputError;
};


class Deflater;

class ObjectWriter {
 public:
  // Writes the header (%PDF-<version> and a binary comment line, ISO 32000-1 §7.5.2).
  explicit ObjectWriter(const std::filesystem::path& file, std::string_view version = "1.7");
  ~ObjectWriter();
  ObjectWriter(const ObjectWriter&) = delete;
  ObjectWriter& operator=(const ObjectWriter&) = delete;

  uint32_t reserve();  // a new object number, to be written later
  // Object `num`, a PoDoFo object (pdf/pdf_objects.h), serialised by PoDoFo and stored
  // in an object stream.
  void object(uint32_t num, const PoDoFo::PdfObject& value);
  // The same, already serialised (pdf/pdf_objects.h ObjectText).
  void object(uint32_t num, std::string_view serialized) { object_text(num, serialized); }
  // The same, written directly in the file, never in an object stream: for an object
  // whose bytes are patched after writing (a signature's /Contents and /ByteRange).
  void direct_object(uint32_t num, const PoDoFo::PdfObject& value);
  // A stream object: `dict` without /Length (added here), `data` as stored (already
  // filtered as /Filter says).
  void stream(uint32_t num, PoDoFo::PdfDictionary dict, std::string_view data);
  // Writes the last object stream and the xref stream with the trailer entries. The /ID
  // is a hash of everything written before it, so the same content gives the same bytes.
  void finish(uint32_t root, uint32_t info);
  // 32 hex digits identifying what was written so far (XXH3-128 of the bytes, pending
  // objects included): the trailer /ID unless fix_id() set one.
  std::string content_id() const;
  // The trailer /ID to write (e.g. the content_id() the XMP metadata already carries).
  void fix_id(std::string id) { fixed_id_ = std::move(id); }

 private:
  void write(std::string_view s);
  void flush_object_stream();
  void object_text(uint32_t num, std::string_view body);  // body: a serialised object
  std::filesystem::path file_;
  std::ofstream out_;
  // By object number - 1: 0 = reserved, not written; else an offset in the file, or with
  // kInStream set, the object stream's number (high bits) and the index in it (low 16).
  std::vector<uint64_t> places_;
  uint64_t pos_ = 0;
  std::string stream_index_, stream_objects_;  // the object stream being filled
  std::vector<uint32_t> pending_;              // the numbers of the objects in it
  uint32_t stream_count_ = 0;
  std::unique_ptr<Deflater> deflater_;
  struct Digest;
  std::unique_ptr<Digest> digest_;
  std::string fixed_id_;
};

}  // namespace appeal::pdf
