#include "text/font_cache.h"

#include "text/font_cache_impl.h"

#include FT_TRUETYPE_TABLES_H

namespace appeal::text {

FontCache::FontCache() : impl_(std::make_unique<FontCacheImpl>()) {
  FT_Library lib = nullptr;
  if (FT_Init_FreeType(&lib) != 0) throw FontError("cannot initialise FreeType");
  impl_->library.reset(lib);
}

FontCache::~FontCache() = default;

FontId FontCache::load(const std::filesystem::path& file, unsigned index) {
  const FontId id = register_font(file, index);
  impl_->get(id);  // opened now: a bad file fails here, naming itself
  return id;
}

FontId FontCache::register_font(const std::filesystem::path& file, unsigned index) {
  // By name: every styled block asks for its font, and a fallback list registers a hundred.
  std::string key = file.native();
  key += '#' + std::to_string(index);
  if (auto it = impl_->by_file.find(key); it != impl_->by_file.end()) return it->second;
  auto font = std::make_unique<LoadedFont>();
  font->file = file;
  font->index = index;
  impl_->fonts.push_back(std::move(font));
  const auto id = static_cast<FontId>(impl_->fonts.size() - 1);
  impl_->by_file.emplace(std::move(key), id);
  return id;
}

LoadedFont& FontCacheImpl::get(FontId id) {
  LoadedFont& font = *fonts.at(id);
  if (font.hb) return font;
  const std::filesystem::path& file = font.file;
  FT_Face face = nullptr;
  if (FT_New_Face(library.get(), file.c_str(), static_cast<FT_Long>(font.index), &face) != 0) {
    throw FontError(file.string() + ": cannot open font");
  }
  font.ft.reset(face);
  if (!FT_IS_SCALABLE(face)) throw FontError(file.string() + ": not a scalable font");

  HbBlob blob(hb_blob_create_from_file_or_fail(file.c_str()));
  if (!blob) throw FontError(file.string() + ": cannot read font");
  HbFace hb_face(hb_face_create(blob.get(), font.index));
  HbFont hb(hb_font_create(hb_face.get()));
  const int upem = static_cast<int>(hb_face_get_upem(hb_face.get()));
  hb_font_set_scale(hb.get(), upem, upem);

  FontMetrics& m = font.metrics;
  m.units_per_em = upem;
  m.ascender = face->ascender;
  m.descender = face->descender;
  if (auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2))) {
    m.cap_height = os2->sCapHeight;
    m.x_height = os2->sxHeight;
  }
  const char* ps = FT_Get_Postscript_Name(face);
  font.postscript_name = ps ? ps : file.stem().string();
  font.hb = std::move(hb);  // last: a font with `hb` set is complete
  return font;
}

const std::filesystem::path& FontCache::path(FontId id) const { return impl_->fonts.at(id)->file; }

unsigned FontCache::face_index(FontId id) const { return impl_->fonts.at(id)->index; }

const std::string& FontCache::postscript_name(FontId id) const { return impl_->get(id).postscript_name; }

const FontMetrics& FontCache::metrics(FontId id) const { return impl_->get(id).metrics; }

bool FontCache::has_code_point(FontId id, char32_t cp) const {
  return FT_Get_Char_Index(impl_->get(id).ft.get(), cp) != 0;
}

uint32_t FontCache::glyph_of(FontId id, char32_t cp) const { return FT_Get_Char_Index(impl_->get(id).ft.get(), cp); }

size_t FontCache::size() const { return impl_->fonts.size(); }

}  // namespace appeal::text
