#include "text/hyphenator.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include <hyphen.h>
#include <unicode/ucnv.h>

#include "text/utf8.h"

namespace appeal::text {

namespace {

// The charset names of libhyphen dictionaries (first line) as ICU knows them.
std::string icu_charset(std::string name) {
  if (name.rfind("ISO8859-", 0) == 0) name.insert(3, "-");  // ISO8859-2 -> ISO-8859-2
  if (name == "microsoft-cp1251") name = "windows-1251";
  return name;
}

// The dictionary's text as UTF-8 with "UTF-8" as its first line: libhyphen matches bytes,
// so the dictionary's charset must be the words' (hyphen.c, hnj_hyphen_load_file).
std::string utf8_dictionary(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot load hyphenation patterns");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const size_t eol = text.find('\n');
  std::string charset = text.substr(0, eol);
  while (!charset.empty() && (charset.back() == '\r' || charset.back() == ' ')) charset.pop_back();
  if (charset == "UTF-8") return text;
  const std::string body = eol == std::string::npos ? std::string() : text.substr(eol + 1);
  std::string out(body.size() * 4 + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = ucnv_convert("UTF-8", icu_charset(charset).c_str(), out.data(), static_cast<int32_t>(out.size()),
                                 body.data(), static_cast<int32_t>(body.size()), &status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(file.string() + ": cannot convert hyphenation patterns from " + charset + " (" +
                             u_errorName(status) + ")");
  }
  out.resize(static_cast<size_t>(n));
  return "UTF-8\n" + out;
}

}  // namespace

struct Hyphenator::Dict {
  HyphenDict* d = nullptr;
  ~Dict() {
    if (d) hnj_hyphen_free(d);
  }
};

Hyphenator::Hyphenator(const std::filesystem::path& dict, HyphenRules rules)
    : dict_(std::make_unique<Dict>()), rules_(rules) {
  std::string text = utf8_dictionary(dict);
  FILE* f = fmemopen(text.data(), text.size(), "r");
  if (!f) throw std::runtime_error(dict.string() + ": cannot load hyphenation patterns");
  dict_->d = hnj_hyphen_load_file(f);
  fclose(f);
  if (!dict_->d) throw std::runtime_error(dict.string() + ": cannot load hyphenation patterns");
  if (!dict_->d->utf8) throw std::runtime_error(dict.string() + ": dictionary is not UTF-8");
}

Hyphenator::~Hyphenator() = default;

std::vector<size_t> Hyphenator::points(std::string_view word) const {
  const std::u32string chars = to_u32(word);
  const int n = static_cast<int>(chars.size());
  if (n < rules_.left + rules_.right) return {};
  const std::string lower = to_utf8(to_lower(chars));
  // In UTF-8 mode libhyphen reports one entry per character, not per byte (hyphen.c
  // hnj_hyphen_hyphenate2 converts positions back); checked against hyph_ru_RU.dic.
  std::vector<char> hyphens(lower.size() + 5, 0);
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  const int rc = hnj_hyphen_hyphenate2(dict_->d, lower.c_str(), static_cast<int>(lower.size()),
                                       hyphens.data(), nullptr, &rep, &pos, &cut);
  // Non-standard hyphenation ("Schiffahrt" -> "Schiff-fahrt", Hungarian "ssz" -> "sz-sz")
  // changes letters at the break; the text must extract exactly as written, so those
  // points are not used. Standard points in the same word still are.
  std::vector<bool> changed(static_cast<size_t>(n), false);
  if (rep) {
    // After hyphen.c's UTF-8 conversion the arrays are indexed by character, but
    // allocated (and NULL-padded) per byte.
    for (size_t i = 0; i < lower.size(); ++i) {
      if (!rep[i]) continue;
      if (i < changed.size()) changed[i] = true;
      free(rep[i]);
    }
    free(rep);
    free(pos);
    free(cut);
  }
  if (rc != 0) return {};

  std::vector<size_t> out;
  size_t byte = 0;
  for (int i = 0; i < n - 1; ++i) {
    std::string one;
    append_utf8(one, chars[i]);
    byte += one.size();
    const int left = i + 1, right = n - left;
    if ((hyphens[i] & 1) && !changed[static_cast<size_t>(i)] && left >= rules_.left && right >= rules_.right) {
      out.push_back(byte);
    }
  }
  return out;
}

}  // namespace appeal::text
