#include "pdf/deflate.h"

#include <stdexcept>

namespace appeal::pdf {

Deflater::Deflater(int window_bits, int mem_level) {
  if (deflateInit2(&zs_, Z_DEFAULT_COMPRESSION, Z_DEFLATED, window_bits, mem_level, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("zlib: deflateInit failed");
  }
}

Deflater::~Deflater() { deflateEnd(&zs_); }

std::string Deflater::compress(std::string_view data) {
  deflateReset(&zs_);
  std::string out(deflateBound(&zs_, data.size()), '\0');
  zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs_.avail_in = static_cast<uInt>(data.size());
  zs_.next_out = reinterpret_cast<Bytef*>(out.data());
  zs_.avail_out = static_cast<uInt>(out.size());
  if (deflate(&zs_, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("zlib: deflate failed");
  out.resize(out.size() - zs_.avail_out);
  return out;
}

}  // namespace appeal::pdf
