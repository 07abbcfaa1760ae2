#include "pdf/file_id.h"

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include <openssl/evp.h>

namespace appeal::pdf {

void set_content_file_id(const std::filesystem::path& file) {
  std::string bytes;
  {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  const size_t key = bytes.rfind("/ID");
  if (key == std::string::npos) throw std::runtime_error(file.string() + ": no trailer /ID");
  size_t spans[2][2];
  size_t at = key;
  for (auto& span : spans) {
    const size_t open = bytes.find('<', at);
    const size_t close = open == std::string::npos ? open : bytes.find('>', open);
    if (close == std::string::npos || close - open - 1 != 32) {
      throw std::runtime_error(file.string() + ": unexpected trailer /ID form");
    }
    span[0] = open + 1, span[1] = close;
    at = close + 1;
  }
  for (const auto& span : spans) bytes.replace(span[0], 32, 32, '0');

  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned md_len = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), md, &md_len, EVP_md5(), nullptr) != 1 || md_len != 16) {
    throw std::runtime_error("MD5 failed");
  }
  static const char kHex[] = "0123456789ABCDEF";
  std::string hex;
  for (unsigned i = 0; i < md_len; ++i) hex += kHex[md[i] >> 4], hex += kHex[md[i] & 15];
  for (const auto& span : spans) bytes.replace(span[0], 32, hex);

  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error(file.string() + ": cannot rewrite file");
}

}  // namespace appeal::pdf
