// zlib deflate with one stream reused for every call: deflateInit allocates a 256 KiB
// window each time, which dominated writing many small content streams.
#pragma once
#include <string>
#include <string_view>

#include <zlib.h>

namespace appeal::pdf {

class Deflater {
 public:
  Deflater();
  ~Deflater();
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;
  std::string compress(std::string_view data);

 private:
  z_stream zs_{};
};

}  // namespace appeal::pdf
