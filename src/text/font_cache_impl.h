// Private to src/text: the handles behind FontCache, for shape.cpp.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "text/font_cache.h"
#include "text/handles.h"

namespace appeal::text {

struct LoadedFont {  // members die in reverse order: the hb font before the face
  std::filesystem::path file;
  std::string postscript_name;
  FontMetrics metrics;
  FtFace ft;
  HbFont hb;  // scale = units_per_em, so positions come out in font units
};

struct FontCacheImpl {
  FtLib library;  // declared first: must outlive every face
  std::vector<std::unique_ptr<LoadedFont>> fonts;
};

}  // namespace appeal::text
