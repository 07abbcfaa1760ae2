#include "image/png_info.h"

#include <fstream>
#include <string>

namespace appeal::image {

std::optional<std::pair<unsigned, unsigned>> png_size(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  unsigned char h[24] = {};
  if (!in.read(reinterpret_cast<char*>(h), sizeof h)) return std::nullopt;
  // Signature (8 bytes), then the IHDR chunk: length, "IHDR", width, height (big endian).
  static const unsigned char kSig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  for (int i = 0; i < 8; ++i) {
    if (h[i] != kSig[i]) return std::nullopt;
  }
  if (h[12] != 'I' || h[13] != 'H' || h[14] != 'D' || h[15] != 'R') return std::nullopt;
  const auto be = [&](int at) { return unsigned(h[at]) << 24 | unsigned(h[at + 1]) << 16 | unsigned(h[at + 2]) << 8 | h[at + 3]; };
  const unsigned w = be(16), ht = be(20);
  if (w == 0 || ht == 0) return std::nullopt;
  return std::make_pair(w, ht);
}

bool is_png(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  char magic[8] = {};
  in.read(magic, 8);
  return in && std::string(magic, 8) == "\x89PNG\r\n\x1a\n";
}

}  // namespace appeal::image
