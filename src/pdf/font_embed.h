// One TrueType font as a PDF Type0/CIDFontType2 font (ISO 32000-1 §9.7), embedded as a
// HarfBuzz subset that keeps glyph ids (CID = GID, /CIDToGIDMap /Identity).
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "pdf/page.h"

namespace appeal::pdf {

class ObjectWriter;
class Deflater;
class RunCache;

class EmbeddedFont {
 public:
  // With a cache, the font file is opened once for the run.
  EmbeddedFont(const FontFace& face, std::string resource_name, RunCache* cache = nullptr);
  ~EmbeddedFont();
  EmbeddedFont(const EmbeddedFont&) = delete;
  EmbeddedFont& operator=(const EmbeddedFont&) = delete;

  const std::string& resource_name() const { return resource_name_; }
  // Advance in 1/1000 em as the /W array states it; content streams position against it.
  int width_1000(uint32_t gid) const;

  // Records that `gid` is drawn standing for `text`. Returns false when the glyph already
  // maps to different text (e.g. one glyph shared by two code points): the caller then
  // marks that glyph with /ActualText, because ToUnicode holds one mapping per glyph.
  bool use(uint32_t gid, const std::string& text);

  // The object number of the Type0 font dictionary, reserved on first use; resources
  // refer to it before finish() writes it.
  uint32_t object(ObjectWriter& out);

  // Subsets the font to the used glyphs and writes the Type0 font, its CIDFontType2,
  // descriptor, FontFile2 and ToUnicode. Throws std::runtime_error if HarfBuzz cannot
  // subset the face. Does nothing for a font never drawn. With a cache, the subset also
  // holds the glyphs of the cache's shared text and is made once per run.
  void finish(ObjectWriter& out, Deflater& deflater, RunCache* cache = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string resource_name_;
};

}  // namespace appeal::pdf
