// Fonts loaded once per process: FreeType for metrics and coverage, HarfBuzz for shaping.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace appeal::text {

using FontId = uint32_t;  // index into FontCache; stable for the cache's lifetime

// Vertical metrics in font units; divide by units_per_em and multiply by the size in pt.
struct FontMetrics {
  int units_per_em = 1000;
  int ascender = 0;   // hhea ascender, positive above the baseline
  int descender = 0;  // hhea descender, negative below the baseline
  int cap_height = 0;
  int x_height = 0;
};

class FontError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct FontCacheImpl;  // holds the FreeType library and the faces; see font_cache.cpp

class FontCache {
 public:
  FontCache();
  ~FontCache();
  FontCache(const FontCache&) = delete;
  FontCache& operator=(const FontCache&) = delete;

  // Loads a TrueType/OpenType file, or face `index` of a collection (.ttc); loading the
  // same face twice gives the same id. Throws FontError naming the file when it cannot be
  // read or parsed.
  FontId load(const std::filesystem::path& file, unsigned index = 0);
  // The same id without opening the file yet: it opens on first use (metrics, coverage,
  // shaping), and path() and face_index() are known at once.
  FontId register_font(const std::filesystem::path& file, unsigned index = 0);

  const std::filesystem::path& path(FontId id) const;
  unsigned face_index(FontId id) const;  // within a collection; 0 for a single font
  const std::string& postscript_name(FontId id) const;
  const FontMetrics& metrics(FontId id) const;
  // True when the font's cmap maps `cp` to a real glyph (not .notdef).
  bool has_code_point(FontId id, char32_t cp) const;
  // The glyph the cmap maps `cp` to; 0 when none.
  uint32_t glyph_of(FontId id, char32_t cp) const;
  size_t size() const;

  FontCacheImpl& impl() { return *impl_; }

 private:
  std::unique_ptr<FontCacheImpl> impl_;
};

}  // namespace appeal::text
