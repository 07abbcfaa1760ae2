#include "appeal/gettext_catalog.h"

#include <cstdint>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace appeal {

std::map<std::string, std::string> read_mo_catalog(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return {};
  const std::string b((std::istreambuf_iterator<char>(in)), {});
  // GNU gettext manual, "The Format of GNU MO Files": magic, revision, N, O, T.
  const auto u32 = [&](size_t at, bool swap) -> uint32_t {
    if (at + 4 > b.size()) throw std::runtime_error(file.string() + ": truncated .mo file");
    const auto* p = reinterpret_cast<const unsigned char*>(b.data() + at);
    return swap ? (uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3])
                : (uint32_t(p[3]) << 24 | uint32_t(p[2]) << 16 | uint32_t(p[1]) << 8 | p[0]);
  };
  bool swap = false;
  if (u32(0, false) != 0x950412de) {
    if (u32(0, true) != 0x950412de) throw std::runtime_error(file.string() + ": not a .mo file");
    swap = true;
  }
  const uint32_t n = u32(8, swap), originals = u32(12, swap), translations = u32(16, swap);
  std::map<std::string, std::string> out;
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t olen = u32(originals + 8 * i, swap), ooff = u32(originals + 8 * i + 4, swap);
    const uint32_t tlen = u32(translations + 8 * i, swap), toff = u32(translations + 8 * i + 4, swap);
    if (size_t(ooff) + olen > b.size() || size_t(toff) + tlen > b.size()) {
      throw std::runtime_error(file.string() + ": corrupt .mo file");
    }
    std::string id = b.substr(ooff, olen), str = b.substr(toff, tlen);
    if (id.empty()) continue;  // the header entry
    // Plural forms are NUL-separated; country names have none, keep the first form.
    str = str.substr(0, str.find('\0'));
    out.emplace(std::move(id), std::move(str));
  }
  return out;
}

}  // namespace appeal
