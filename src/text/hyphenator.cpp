#include "text/hyphenator.h"

#include <cstdlib>
#include <stdexcept>
#include <string>

#include <hyphen.h>

#include "text/utf8.h"

namespace appeal::text {

struct Hyphenator::Dict {
  HyphenDict* d = nullptr;
  ~Dict() {
    if (d) hnj_hyphen_free(d);
  }
};

Hyphenator::Hyphenator(const std::filesystem::path& dict, HyphenMinima minima)
    : dict_(std::make_unique<Dict>()), minima_(minima) {
  dict_->d = hnj_hyphen_load(dict.c_str());
  if (!dict_->d) throw std::runtime_error(dict.string() + ": cannot load hyphenation patterns");
  if (!dict_->d->utf8) throw std::runtime_error(dict.string() + ": dictionary is not UTF-8");
}

Hyphenator::~Hyphenator() = default;

std::vector<size_t> Hyphenator::points(std::string_view word) const {
  const std::u32string chars = to_u32(word);
  const int n = static_cast<int>(chars.size());
  if (n < minima_.left + minima_.right) return {};
  const std::string lower = to_utf8(to_lower(chars));
  // In UTF-8 mode libhyphen reports one entry per character, not per byte (hyphen.c
  // hnj_hyphen_hyphenate2 converts positions back); checked against hyph_ru_RU.dic.
  std::vector<char> hyphens(lower.size() + 5, 0);
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  const int rc = hnj_hyphen_hyphenate2(dict_->d, lower.c_str(), static_cast<int>(lower.size()),
                                       hyphens.data(), nullptr, &rep, &pos, &cut);
  if (rep) {  // non-standard hyphenation (e.g. "ck" -> "k-k"); our patterns have none
    for (size_t i = 0; i < lower.size(); ++i) free(rep[i]);
    free(rep);
    free(pos);
    free(cut);
    return {};
  }
  if (rc != 0) return {};

  std::vector<size_t> out;
  size_t byte = 0;
  for (int i = 0; i < n - 1; ++i) {
    std::string one;
    append_utf8(one, chars[i]);
    byte += one.size();
    const int left = i + 1, right = n - left;
    if ((hyphens[i] & 1) && left >= minima_.left && right >= minima_.right) out.push_back(byte);
  }
  return out;
}

}  // namespace appeal::text
