// Hyphenation points from libhyphen (TeX-style Liang patterns).
#pragma once
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

namespace appeal::text {

// A language's hyphenation rules beyond its patterns (data/hyphenation.json).
struct HyphenRules {
  int left = 2;   // letters kept before the hyphen (TeX's \lefthyphenmin)
  int right = 2;  // letters carried to the next line (\righthyphenmin)
  // A line broken at an explicit hyphen starts the next line with a hyphen too
  // ("biało-|-czerwony"): Polish, Portuguese, Croatian typography.
  bool repeat_hyphen = false;
  // Whether words starting with a capital may hyphenate (TeX's \uchyph). Off unless the
  // language capitalises common nouns (German), so names never break.
  bool hyphenate_capitalized = false;
  // The apostrophe is part of a syllable ("па-м’ять": Ukrainian) rather than
  // the edge of an elision or a possessive ("dell’articolo", "Amnesty’s"): whole words go
  // to the patterns instead of the parts between apostrophes.
  bool apostrophe_in_word = false;
};
using HyphenMinima = HyphenRules;

class Hyphenator {
 public:
  // `dict` is a libhyphen dictionary in any charset its first line names ("UTF-8",
  // "ISO8859-2", "KOI8-R": Debian's hyphen-* packages use all of these); it is
  // converted to UTF-8 in memory with ICU. Throws std::runtime_error naming the file.
  Hyphenator(const std::filesystem::path& dict, HyphenRules rules);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  // Byte offsets inside `word` (UTF-8, letters only, any case) where a hyphen may go.
  // Empty when the word is too short or contains characters the patterns do not cover.
  std::vector<size_t> points(std::string_view word) const;
  const HyphenRules& rules() const { return rules_; }

 private:
  struct Dict;
  std::unique_ptr<Dict> dict_;
  HyphenRules rules_;
};

}  // namespace appeal::text
