// Deflate (zlib format, for /FlateDecode) through libdeflate: whole-buffer compression
// suits PDF streams, which are always complete before they are written, and is about
// twice as fast as zlib on the many small content streams of a merge (see docs/merge.md).
#pragma once
#include <string>
#include <string_view>

struct libdeflate_compressor;

namespace appeal::pdf {

class Deflater {
 public:
  // libdeflate levels 1-12; 6 is zlib's default trade-off, 12 the smallest output.
  explicit Deflater(int level = 6);
  ~Deflater();
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;
  std::string compress(std::string_view data);

 private:
  libdeflate_compressor* c_;
};

}  // namespace appeal::pdf
