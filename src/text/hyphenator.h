// Hyphenation points from libhyphen (TeX-style Liang patterns).
#pragma once
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

namespace appeal::text {

struct HyphenMinima {
  int left = 2;   // letters kept before the hyphen
  int right = 2;  // letters carried to the next line
};

class Hyphenator {
 public:
  // `dict` must be a UTF-8 libhyphen dictionary. Throws std::runtime_error naming the file.
  Hyphenator(const std::filesystem::path& dict, HyphenMinima minima);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  // Byte offsets inside `word` (UTF-8, letters only, any case) where a hyphen may go.
  // Empty when the word is too short or contains characters the patterns do not cover.
  std::vector<size_t> points(std::string_view word) const;

 private:
  struct Dict;
  std::unique_ptr<Dict> dict_;
  HyphenMinima minima_;
};

}  // namespace appeal::text
