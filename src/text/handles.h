// Owners for the C handles of FreeType and HarfBuzz: each handle gets its owner on
// the line where it is created, so no path can leak or double-free it.
#pragma once
#include <memory>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

namespace appeal::text {

template <auto Destroy>
struct CDeleter {
  template <class T>
  void operator()(T* p) const noexcept {
    if (p) Destroy(p);
  }
};
using HbFont = std::unique_ptr<hb_font_t, CDeleter<hb_font_destroy>>;
using HbFace = std::unique_ptr<hb_face_t, CDeleter<hb_face_destroy>>;
using HbBlob = std::unique_ptr<hb_blob_t, CDeleter<hb_blob_destroy>>;
using HbBuffer = std::unique_ptr<hb_buffer_t, CDeleter<hb_buffer_destroy>>;
using FtLib = std::unique_ptr<FT_LibraryRec_, CDeleter<FT_Done_FreeType>>;
using FtFace = std::unique_ptr<FT_FaceRec_, CDeleter<FT_Done_Face>>;

}  // namespace appeal::text
