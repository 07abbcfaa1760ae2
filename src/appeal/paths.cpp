#include "appeal/paths.h"

#include <cstdlib>

namespace appeal {

namespace {
std::filesystem::path env_or(const char* var, const char* fallback) {
  const char* v = std::getenv(var);
  return (v && *v) ? std::filesystem::path(v) : std::filesystem::path(fallback);
}
}  // namespace

std::filesystem::path data_dir() { return env_or("APPEAL_DATA_DIR", APPEAL_SOURCE_DIR); }
std::filesystem::path font_dir() { return data_dir() / "fonts"; }
text::HyphenCatalog hyphen_catalog() {
  std::vector<std::filesystem::path> dirs;
  if (const char* v = std::getenv("APPEAL_HYPHEN_DIR"); v && *v) dirs.emplace_back(v);
  dirs.push_back(data_dir() / "data" / "hyphen");
  dirs.emplace_back("/usr/share/hyphen");
  return text::HyphenCatalog(dirs, data_dir() / "data" / "hyphenation.json");
}

std::filesystem::path layout_path(const std::string& name_or_path) {
  const std::filesystem::path p(name_or_path);
  if (p.extension() == ".json") return p;
  return data_dir() / "layouts" / (name_or_path + ".json");
}

}  // namespace appeal

namespace appeal {
// APPEAL_FONT_FALLBACK names another list (a site's own fonts, or a test's short one).
text::FontFallback font_fallback() {
  const char* v = std::getenv("APPEAL_FONT_FALLBACK");
  return text::FontFallback(v && *v ? std::filesystem::path(v) : data_dir() / "data" / "font-fallback.json");
}
}  // namespace appeal
