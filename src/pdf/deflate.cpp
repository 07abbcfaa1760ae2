#include "pdf/deflate.h"

#include <stdexcept>

#include <libdeflate.h>

namespace appeal::pdf {

Deflater::Deflater(int level) : c_(libdeflate_alloc_compressor(level)) {
  if (!c_) throw std::runtime_error("libdeflate: cannot create a compressor at level " + std::to_string(level));
}

Deflater::~Deflater() { libdeflate_free_compressor(c_); }

std::string Deflater::compress(std::string_view data) {
  std::string out(libdeflate_zlib_compress_bound(c_, data.size()), '\0');
  const size_t n = libdeflate_zlib_compress(c_, data.data(), data.size(), out.data(), out.size());
  if (n == 0) throw std::logic_error("libdeflate: output larger than its own bound");
  out.resize(n);
  return out;
}

}  // namespace appeal::pdf
