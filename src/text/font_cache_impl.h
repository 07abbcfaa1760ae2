// Private to src/text: the handles behind FontCache, for shape.cpp.
#pragma once
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "text/font_cache.h"
#include "text/handles.h"

namespace appeal::text {

struct LoadedFont {  // members die in reverse order: the hb font before the face
  // Empty `hb` until opened (FontCacheImpl::get): a fallback list names a hundred fonts
  // (Noto CJK collections among them) and a run opens the few its text needs.
  std::filesystem::path file;
  unsigned index = 0;  // face within a collection
  std::string postscript_name;
  FontMetrics metrics;
  FtFace ft;
  HbFont hb;  // scale = units_per_em, so positions come out in font units
};

// One shaped glyph in font units, clusters relative to the start of the shaped text.
struct CachedGlyph {
  uint32_t gid;
  int32_t x_advance, x_offset, y_offset;
  uint32_t cluster_begin, cluster_end;  // end == begin: not the cluster's first glyph
};

struct FontCacheImpl {
  // The font, opened on first use (FontCache::register_font only names it). Only the
  // thread that typesets calls this; other threads read a font's file and index alone.
  LoadedFont& get(FontId id);

  FtLib library;  // declared first: must outlive every face
  std::vector<std::unique_ptr<LoadedFont>> fonts;
  std::unordered_map<std::string, FontId> by_file;  // "path#index" -> id
  // Shaping results by font, script, language and text, in font units so every size
  // shares them. Words repeat across a paragraph and across the letters of a merge.
  std::unordered_map<std::string, std::vector<CachedGlyph>> shaped;
  std::string key;  // the lookup key, reused so a cache hit allocates nothing
};

}  // namespace appeal::text
