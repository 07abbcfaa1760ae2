#include "pdf/object_writer.h"

#include <cerrno>
#include <cstring>

#include <algorithm>
#include <stdexcept>

#include <xxhash.h>

#include "pdf/deflate.h"
#include "pdf/pdf_objects.h"
#include "pdf/pdf_syntax.h"

namespace appeal::pdf {

namespace {

constexpr uint64_t kInStream = uint64_t{1} << 63;
// Objects per object stream: page dictionaries compress to a few bytes each in a batch
// this size, and a reader that wants one object inflates at most about 16 KiB.
constexpr uint32_t kObjectsPerStream = 200;

}  // namespace

// The file identifier is a 128-bit XXH3 hash of the bytes before it (ISO 32000-1 §14.4
// asks for a digest "such as MD5"; it identifies, it does not secure). OpenSSL's MD5
// cost 2 ms of provider start-up per file, more than writing a one-page letter.
struct ObjectWriter::Digest {
  XXH3_state_t* state = XXH3_createState();
  ~Digest() { XXH3_freeState(state); }
};

ObjectWriter::ObjectWriter(const std::filesystem::path& file, std::string_view version)
    : file_(file),
      out_(file, std::ios::binary | std::ios::trunc),
      deflater_(std::make_unique<Deflater>(6)),
      digest_(std::make_unique<Digest>()) {
  if (!out_) throw WriteError(file.string() + ": cannot create the file: " + std::strerror(errno));
  if (!digest_->state || XXH3_128bits_reset(digest_->state) != XXH_OK) throw std::runtime_error("XXH3 init failed");
  // A comment with bytes > 127 marks the file as binary for transfer tools (§7.5.2).
  write("%PDF-" + std::string(version) + "\n%\xE2\xE3\xCF\xD3\n");
}

ObjectWriter::~ObjectWriter() = default;

void ObjectWriter::write(std::string_view s) {
  out_.write(s.data(), static_cast<std::streamsize>(s.size()));
  XXH3_128bits_update(digest_->state, s.data(), s.size());
  pos_ += s.size();
}

uint32_t ObjectWriter::reserve() {
  places_.push_back(0);
  return static_cast<uint32_t>(places_.size());
}

void ObjectWriter::object(uint32_t num, const PoDoFo::PdfObject& value) { object_text(num, serialized(value)); }

void ObjectWriter::object_text(uint32_t num, std::string_view body) {
  if (places_.at(num - 1) != 0) throw std::logic_error("PDF object " + std::to_string(num) + " written twice");
  // The stream's own number is known only when it is written: until then the place
  // holds the index alone, marked as in a stream.
  places_[num - 1] = kInStream | stream_count_;
  pending_.push_back(num);
  stream_index_ += std::to_string(num) + ' ' + std::to_string(stream_objects_.size()) + ' ';
  stream_objects_ += body;
  stream_objects_ += '\n';
  if (++stream_count_ == kObjectsPerStream) flush_object_stream();
}

void ObjectWriter::direct_object(uint32_t num, const PoDoFo::PdfObject& value) {
  if (places_.at(num - 1) != 0) throw std::logic_error("PDF object " + std::to_string(num) + " written twice");
  places_[num - 1] = pos_;
  write(std::to_string(num) + " 0 obj\n");
  write(serialized(value));
  write("\nendobj\n");
}

void ObjectWriter::flush_object_stream() {
  if (stream_count_ == 0) return;
  const uint32_t stm = reserve();
  for (uint32_t num : pending_) places_[num - 1] |= uint64_t{stm} << 16;
  stream_index_ += stream_objects_;
  PoDoFo::PdfDictionary dict;  // ISO 32000-1 §7.5.7
  dict.AddKey("Type", name("ObjStm"));
  dict.AddKey("N", integer(stream_count_));
  dict.AddKey("First", integer(static_cast<int64_t>(stream_index_.size() - stream_objects_.size())));
  dict.AddKey("Filter", name("FlateDecode"));
  stream(stm, std::move(dict), deflater_->compress(stream_index_));
  stream_index_.clear();
  stream_objects_.clear();
  pending_.clear();
  stream_count_ = 0;
}

void ObjectWriter::stream(uint32_t num, PoDoFo::PdfDictionary dict, std::string_view data) {
  if (places_.at(num - 1) != 0) throw std::logic_error("PDF object " + std::to_string(num) + " written twice");
  places_[num - 1] = pos_;
  dict.AddKey("Length", integer(static_cast<int64_t>(data.size())));
  write(std::to_string(num) + " 0 obj\n");
  write(serialized(PoDoFo::PdfObject(dict)));
  write("stream\n");
  write(data);
  write("\nendstream\nendobj\n");
}

std::string ObjectWriter::content_id() const {
  // The digest so far plus the objects still waiting for their object stream.
  XXH3_state_t* copy = XXH3_createState();
  XXH3_copyState(copy, digest_->state);
  XXH3_128bits_update(copy, stream_index_.data(), stream_index_.size());
  XXH3_128bits_update(copy, stream_objects_.data(), stream_objects_.size());
  XXH128_canonical_t md;  // big-endian bytes: the same ID on every platform
  XXH128_canonicalFromHash(&md, XXH3_128bits_digest(copy));
  XXH3_freeState(copy);
  return hex_upper(std::string_view(reinterpret_cast<const char*>(md.digest), sizeof md.digest));
}

void ObjectWriter::finish(uint32_t root, uint32_t info) {
  flush_object_stream();
  for (size_t i = 0; i < places_.size(); ++i) {
    if (places_[i] == 0) throw std::logic_error("PDF object " + std::to_string(i + 1) + " reserved but never written");
  }
  const std::string id = fixed_id_.empty() ? content_id() : fixed_id_;

  // The xref stream (§7.5.8): rows of type (1 byte), offset or object stream number
  // (`width` bytes), generation or index (2 bytes), PNG-Up predicted so that rows of
  // similar offsets deflate to almost nothing.
  const uint32_t xref = reserve();
  places_[xref - 1] = pos_;
  uint64_t largest = pos_;
  for (uint64_t p : places_) largest = std::max(largest, (p & kInStream) ? (p & ~kInStream) >> 16 : p);
  int width = 1;
  while (width < 8 && (largest >> (8 * width)) != 0) ++width;
  const size_t row = 1 + static_cast<size_t>(width) + 2;
  std::string rows;
  rows.reserve((places_.size() + 1) * (row + 1));
  std::string prev(row, '\0'), cur(row, '\0');
  const auto add_row = [&](uint8_t type, uint64_t field2, uint16_t field3) {
    cur[0] = static_cast<char>(type);
    for (int b = 0; b < width; ++b) cur[1 + b] = static_cast<char>(field2 >> (8 * (width - 1 - b)));
    cur[row - 2] = static_cast<char>(field3 >> 8);
    cur[row - 1] = static_cast<char>(field3 & 0xFF);
    rows += '\x02';  // PNG filter type Up
    for (size_t b = 0; b < row; ++b) rows += static_cast<char>(cur[b] - prev[b]);
    prev.swap(cur);
  };
  add_row(0, 0, 0xFFFF);  // object 0: head of the free list
  for (uint64_t p : places_) {
    if (p & kInStream) {
      add_row(2, (p & ~kInStream) >> 16, static_cast<uint16_t>(p & 0xFFFF));
    } else {
      add_row(1, p, 0);
    }
  }
  places_[xref - 1] = 0;  // stream() records it again
  PoDoFo::PdfDictionary dict;  // the trailer, as an xref stream's dictionary (§7.5.8.2)
  dict.AddKey("Type", name("XRef"));
  dict.AddKey("Size", integer(static_cast<int64_t>(places_.size() + 1)));
  PoDoFo::PdfArray w;
  for (int64_t v : {int64_t{1}, int64_t{width}, int64_t{2}}) w.push_back(integer(v));
  dict.AddKey("W", w);
  dict.AddKey("Root", ref(root));
  dict.AddKey("Info", ref(info));
  std::string id_bytes;
  for (size_t i = 0; i + 1 < id.size(); i += 2) id_bytes += static_cast<char>(std::stoi(id.substr(i, 2), nullptr, 16));
  PoDoFo::PdfArray ids;
  ids.push_back(hex_bytes(id_bytes));
  ids.push_back(hex_bytes(id_bytes));
  dict.AddKey("ID", ids);
  dict.AddKey("Filter", name("FlateDecode"));
  PoDoFo::PdfDictionary parms;
  parms.AddKey("Predictor", integer(12));
  parms.AddKey("Columns", integer(static_cast<int64_t>(row)));
  dict.AddKey("DecodeParms", parms);
  stream(xref, std::move(dict), deflater_->compress(rows));
  write("startxref\n" + std::to_string(places_[xref - 1]) + "\n%%EOF\n");
  out_.flush();
  if (!out_) throw WriteError(file_.string() + ": cannot write the file: " + std::strerror(errno));
  out_.close();
}




}  // namespace appeal::pdf
