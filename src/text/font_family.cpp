#include "text/font_family.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <memory>
#include <set>

#include "text/utf8.h"

namespace appeal::text {

namespace {

struct PatternDeleter {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;

// fontconfig's own rule for family names: case and spaces do not count (fc-match).
std::string folded(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string pattern_string(FcPattern* p, const char* object, int n = 0) {
  FcChar8* v = nullptr;
  return FcPatternGetString(p, object, n, &v) == FcResultMatch && v ? reinterpret_cast<const char*>(v) : "";
}

// Plain Levenshtein distance on folded names, for suggestions.
size_t distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t prev = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cur = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
      prev = cur;
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::filesystem::path> family_face(const std::string& family, bool bold, bool italic) {
  if (!FcInit()) return std::nullopt;
  Pattern pat(FcPatternCreate());
  FcPatternAddString(pat.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pat.get(), FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pat.get(), FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  FcPatternAddBool(pat.get(), FC_SCALABLE, FcTrue);
  FcConfigSubstitute(nullptr, pat.get(), FcMatchPattern);
  FcDefaultSubstitute(pat.get());
  FcResult result = FcResultNoMatch;
  Pattern match(FcFontMatch(nullptr, pat.get(), &result));
  if (!match || result != FcResultMatch) return std::nullopt;
  // Any of the face's family names (a face may have several, in several languages).
  bool same = false;
  for (int i = 0; !same; ++i) {
    const std::string name = pattern_string(match.get(), FC_FAMILY, i);
    if (name.empty()) break;
    same = folded(name) == folded(family);
  }
  const std::string format = pattern_string(match.get(), FC_FONTFORMAT);
  const std::string file = pattern_string(match.get(), FC_FILE);
  if (!same || file.empty() || (format != "TrueType" && format != "CFF")) return std::nullopt;
  return std::filesystem::path(file);
}

std::vector<std::string> similar_families(const std::string& family, size_t n) {
  std::vector<std::string> out;
  if (!FcInit()) return out;
  Pattern pat(FcPatternCreate());
  std::unique_ptr<FcObjectSet, void (*)(FcObjectSet*)> os(FcObjectSetBuild(FC_FAMILY, nullptr), FcObjectSetDestroy);
  std::unique_ptr<FcFontSet, void (*)(FcFontSet*)> set(FcFontList(nullptr, pat.get(), os.get()), FcFontSetDestroy);
  if (!set) return out;
  std::set<std::string> names;
  for (int i = 0; i < set->nfont; ++i) {
    const std::string name = pattern_string(set->fonts[i], FC_FAMILY);
    if (!name.empty()) names.insert(name);
  }
  std::vector<std::pair<size_t, std::string>> ranked;
  for (const std::string& name : names) ranked.emplace_back(distance(folded(name), folded(family)), name);
  std::sort(ranked.begin(), ranked.end());
  for (size_t i = 0; i < ranked.size() && out.size() < n; ++i) out.push_back(ranked[i].second);
  return out;
}

}  // namespace appeal::text
