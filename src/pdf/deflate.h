// zlib deflate with one stream reused for every call: deflateInit allocates a 256 KiB
// window each time, which dominated writing many small content streams.
#pragma once
#include <string>
#include <string_view>

#include <zlib.h>

namespace appeal::pdf {

class Deflater {
 public:
  // zlib's defaults (32 KiB window, memLevel 8) suit fonts and images. For the many small
  // streams of a merge, a 4 KiB window and memLevel 4 compress as well and make the
  // per-stream reset (which clears the hash table) 32 times cheaper.
  explicit Deflater(int window_bits = 15, int mem_level = 8);
  ~Deflater();
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;
  std::string compress(std::string_view data);

 private:
  z_stream zs_{};
};

}  // namespace appeal::pdf
