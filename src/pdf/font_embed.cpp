#include <climits>
#include "pdf/font_embed.h"

#include <set>

#include "pdf/pdf_objects.h"
#include "pdf/tounicode_cmap.h"
#include "pdf/run_cache.h"
#include "text/utf8.h"

#include <cmath>
#include <sstream>
#include <stdexcept>

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include "pdf/deflate.h"
#include "pdf/object_writer.h"
#include "pdf/pdf_syntax.h"

#include <algorithm>
#include <cstdio>
#include <vector>


namespace appeal::pdf {

namespace {

// Whether a CFF table's Top DICT has the ROS operator (12 30), i.e. the font is CID-keyed
// (Adobe Technical Note #5176, "The Compact Font Format Specification", sections 5, 8, 9
// and 18): its glyphs are selected by CID through the charset. Written by hand: HarfBuzz
// has no public call for it and FreeType's would need a second face of the font.
bool cff_is_cid_keyed(const unsigned char* d, size_t n) {
  if (n < 4) return false;
  size_t p = d[2];  // header size
  // Skips an INDEX (count, offSize, offsets, data); returns the data of its first item.
  const auto index = [&](size_t& at, size_t* first_begin, size_t* first_end) {
    if (at + 2 > n) return false;
    const size_t count = (d[at] << 8) | d[at + 1];
    at += 2;
    if (count == 0) return true;
    if (at + 1 > n) return false;
    const size_t off_size = d[at++];
    if (off_size < 1 || off_size > 4 || at + (count + 1) * off_size > n) return false;
    const auto offset = [&](size_t i) {
      size_t v = 0;
      for (size_t b = 0; b < off_size; ++b) v = (v << 8) | d[at + i * off_size + b];
      return v;
    };
    const size_t data = at + (count + 1) * off_size - 1;  // offsets count from 1
    if (first_begin) *first_begin = data + offset(0), *first_end = data + offset(1);
    at = data + offset(count);
    return at <= n;
  };
  size_t begin = 0, end = 0;
  if (!index(p, nullptr, nullptr) || !index(p, &begin, &end) || end > n) return false;  // Name, Top DICT
  for (size_t q = begin; q < end;) {
    const unsigned b = d[q];
    if (b == 12) {
      if (q + 1 < end && d[q + 1] == 30) return true;
      q += 2;
    } else if (b <= 21) {
      q += 1;
    } else if (b == 28) {
      q += 3;
    } else if (b == 29) {
      q += 5;
    } else if (b == 30) {  // real: nibbles up to an 0xf
      for (++q; q < end && (d[q] & 0x0F) != 0x0F && (d[q] & 0xF0) != 0xF0; ++q) {
      }
      ++q;
    } else if (b >= 32 && b <= 246) {
      q += 1;
    } else if (b >= 247 && b <= 254) {
      q += 2;
    } else {
      return false;
    }
  }
  return false;
}

template <auto Destroy>
struct CDeleter {
  template <class T>
  void operator()(T* p) const noexcept {
    if (p) Destroy(p);
  }
};
using HbBlob = std::unique_ptr<hb_blob_t, CDeleter<hb_blob_destroy>>;
using HbFace = std::unique_ptr<hb_face_t, CDeleter<hb_face_destroy>>;
using HbFont = std::unique_ptr<hb_font_t, CDeleter<hb_font_destroy>>;
using HbSubsetInput = std::unique_ptr<hb_subset_input_t, CDeleter<hb_subset_input_destroy>>;

// The font program of a subset holding `keep`, deflated.
RunCache::Program make_subset(hb_face_t* face, const std::filesystem::path& file, const std::set<uint32_t>& keep,
                                 bool cid_keyed, Deflater& deflater) {
  HbSubsetInput input(hb_subset_input_create_or_fail());
  if (!input) throw std::runtime_error("out of memory creating a font subset");
  hb_set_t* glyphs = hb_subset_input_glyph_set(input.get());
  for (uint32_t gid : keep) hb_set_add(glyphs, gid);
  // Content streams written earlier show glyph ids as CIDs. A TrueType subset keeps the
  // glyph ids (CIDToGIDMap /Identity); a CID-keyed CFF (Noto CJK) need not, because a
  // CIDFontType0 finds each glyph by its CID through the CFF charset (ISO 32000-1
  // §9.7.4.2), and HarfBuzz keeps the original CIDs there: retaining the ids of a
  // 65,000-glyph face would embed 65,000 empty glyphs and their metrics (150 KB a face).
  // Hinting is dropped: PDF viewers' rasterisers ignore it and it doubles the subset.
  // A name-keyed CFF keeps its glyph ids: a CIDFontType0 uses CIDs as glyph ids then.
  hb_subset_input_set_flags(input.get(), (cid_keyed ? 0u : static_cast<unsigned>(HB_SUBSET_FLAGS_RETAIN_GIDS)) | HB_SUBSET_FLAGS_NO_HINTING |
                                             HB_SUBSET_FLAGS_DESUBROUTINIZE);
  // Layout and vertical tables serve shaping and vertical text, which the PDF does not
  // redo: only outlines and horizontal metrics are needed to draw.
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t t : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
                     HB_TAG('v', 'm', 't', 'x'), HB_TAG('v', 'h', 'e', 'a'), HB_TAG('V', 'O', 'R', 'G')}) {
    hb_set_add(drop, t);
  }
  HbFace subset(hb_subset_or_fail(face, input.get()));
  if (!subset) throw std::runtime_error(file.string() + ": HarfBuzz could not subset the font");
  // TrueType outlines embed as FontFile2 of a CIDFontType2. CFF outlines make a
  // CIDFontType0 (ISO 32000-1 §9.9, Table 126, and §9.7.4.2): a CID-keyed CFF (Noto CJK)
  // as the bare CFF table (FontFile3 /CIDFontType0C), so readers find glyphs by CID
  // through its charset (poppler draws nothing for the OpenType wrapper of a subset that
  // renumbered its glyphs); a name-keyed CFF, whose glyph ids are kept, in its OpenType
  // wrapper (FontFile3 /OpenType).
  HbBlob data(cid_keyed ? hb_face_reference_table(subset.get(), HB_TAG('C', 'F', 'F', ' '))
                        : hb_face_reference_blob(subset.get()));
  unsigned data_len = 0;
  const char* data_ptr = hb_blob_get_data(data.get(), &data_len);
  return {deflater.compress(std::string_view(data_ptr, data_len)), data_len};
}

}  // namespace

// A font file opened with HarfBuzz: immutable once made, so the files of a run share it.
struct OpenFace {
  HbBlob blob;
  HbFace face;
  HbFont font;
  int upem = 1000;
  std::string ps_name;
};

OpenFace open_face(const FontFace& ff) {
  OpenFace f;
  f.blob.reset(hb_blob_create_from_file_or_fail(ff.file.c_str()));
  if (!f.blob) throw std::runtime_error(ff.file.string() + ": cannot read font");
  f.face.reset(hb_face_create(f.blob.get(), ff.index));
  f.font.reset(hb_font_create(f.face.get()));
  f.upem = static_cast<int>(hb_face_get_upem(f.face.get()));
  hb_font_set_scale(f.font.get(), f.upem, f.upem);
  char name[128] = {0};
  unsigned len = sizeof name - 1;
  hb_ot_name_get_utf8(f.face.get(), HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, name);
  f.ps_name = len ? std::string(name, len) : ff.file.stem().string();
  return f;
}

struct EmbeddedFont::Impl {
  std::filesystem::path file;
  unsigned index = 0;
  std::shared_ptr<const OpenFace> open;
  hb_face_t* face = nullptr;  // open's
  hb_font_t* font = nullptr;
  int upem = 1000;
  std::string ps_name;
  std::map<uint32_t, std::string> used;  // gid -> text; sorted, so output is deterministic
  uint32_t type0 = 0;  // object number, 0 until first used
  // /W widths by gid, filled on first use: every glyph of a merge asks for its width.
  mutable std::vector<int> widths;
};

EmbeddedFont::EmbeddedFont(const FontFace& face, std::string resource_name, RunCache* cache)
    : impl_(std::make_unique<Impl>()), resource_name_(std::move(resource_name)) {
  impl_->file = face.file;
  impl_->index = face.index;
  const auto open = [&] { return open_face(face); };
  impl_->open = cache ? cache->shared<OpenFace>("face:" + face.file.string() + "#" + std::to_string(face.index), open)
                      : std::make_shared<const OpenFace>(open());
  impl_->face = impl_->open->face.get();
  impl_->font = impl_->open->font.get();
  impl_->upem = impl_->open->upem;
  impl_->ps_name = impl_->open->ps_name;
}

EmbeddedFont::~EmbeddedFont() = default;

int EmbeddedFont::width_1000(uint32_t gid) const {
  constexpr int kUnknown = INT_MIN;
  if (gid >= impl_->widths.size()) impl_->widths.resize(gid + 1, kUnknown);
  int& w = impl_->widths[gid];
  if (w == kUnknown) {
    // round(advance × 1000 / unitsPerEm): PDF/A requires /W to match the font program.
    const hb_position_t adv = hb_font_get_glyph_h_advance(impl_->font, gid);
    w = static_cast<int>(std::lround(adv * 1000.0 / impl_->upem));
  }
  return w;
}

bool EmbeddedFont::use(uint32_t gid, const std::string& text) {
  auto it = impl_->used.find(gid);
  if (it == impl_->used.end()) {
    impl_->used.emplace(gid, text);
    return true;
  }
  if (it->second.empty() && !text.empty()) {
    it->second = text;  // a glyph first seen without text (2nd glyph of a cluster) gains it
    return true;
  }
  return text.empty() || it->second == text;
}

uint32_t EmbeddedFont::object(ObjectWriter& out) {
  if (!impl_->type0) impl_->type0 = out.reserve();
  return impl_->type0;
}

void EmbeddedFont::finish(ObjectWriter& out, Deflater& deflater, RunCache* cache) {
  if (!impl_->type0) return;  // registered but never drawn
  Impl& m = *impl_;
  m.used.emplace(0, "");  // .notdef is always in a subset

  // The glyphs to embed: those drawn, and with a cache those of the run's shared text.
  // /W and ToUnicode cover them all (a shared glyph maps to its character), so files
  // drawing the same text the same way write the same font objects.
  std::set<uint32_t> keep;
  std::map<uint32_t, std::string> text_of = m.used;
  for (const auto& [gid, text] : m.used) keep.insert(gid);
  if (cache) {
    for (char32_t c : cache->shared_text(m.file.filename().string())) {
      hb_codepoint_t gid = 0;
      if (!hb_font_get_nominal_glyph(m.font, c, &gid) || gid == 0) continue;
      keep.insert(gid);
      std::string& text = text_of[gid];
      if (text.empty()) text::append_utf8(text, c);
    }
  }
  hb_blob_t* cff_table = hb_face_reference_table(m.face, HB_TAG('C', 'F', 'F', ' '));
  unsigned cff_len = 0;
  const auto* cff_data = reinterpret_cast<const unsigned char*>(hb_blob_get_data(cff_table, &cff_len));
  const bool cff = cff_len > 0;
  const bool cid_keyed = cff && cff_is_cid_keyed(cff_data, cff_len);
  hb_blob_destroy(cff_table);

  const auto make_program = [&] { return make_subset(m.face, m.file, keep, cid_keyed, deflater); };
  std::shared_ptr<const RunCache::Program> program;
  if (cache) {
    std::string key = m.file.string() + '#' + std::to_string(m.index);
    for (uint32_t gid : keep) key += ',' + std::to_string(gid);
    program = cache->font_program(key, make_program);
  } else {
    program = std::make_shared<const RunCache::Program>(make_program());
  }

  // Subset tag (ISO 32000-1 §9.6.4): six capitals, here from a hash of the glyph set so
  // the same glyphs give the same name in every run.
  uint64_t h = 1469598103934665603ull;
  for (uint32_t gid : keep) h = (h ^ gid) * 1099511628211ull;
  std::string tag;
  for (int i = 0; i < 6; ++i, h /= 26) tag += static_cast<char>('A' + h % 26);
  using PoDoFo::PdfArray;
  using PoDoFo::PdfDictionary;
  using PoDoFo::PdfObject;
  const PdfObject base_font = name(tag + "+" + m.ps_name);

  hb_font_extents_t ext{};
  hb_font_get_h_extents(m.font, &ext);
  hb_position_t cap = 0;
  hb_ot_metrics_get_position(m.font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap);
  const auto em = [&](double v) { return integer(std::lround(v * 1000.0 / m.upem)); };

  const uint32_t file = out.reserve(), desc = out.reserve(), cid = out.reserve(), to_unicode = out.reserve();
  PdfDictionary program_dict;
  if (cid_keyed) {
    program_dict.AddKey("Subtype", name("CIDFontType0C"));
  } else if (cff) {
    program_dict.AddKey("Subtype", name("OpenType"));
  } else {
    program_dict.AddKey("Length1", integer(program->length));
  }
  program_dict.AddKey("Filter", name("FlateDecode"));
  out.stream(file, std::move(program_dict), program->deflated);

  PdfArray bbox;
  hb_blob_t* head = hb_face_reference_table(m.face, HB_TAG('h', 'e', 'a', 'd'));
  unsigned head_len = 0;
  const auto* hd = reinterpret_cast<const unsigned char*>(hb_blob_get_data(head, &head_len));
  for (int off : {36, 38, 40, 42}) {
    const int16_t v = head_len >= 44 ? static_cast<int16_t>((hd[off] << 8) | hd[off + 1]) : 0;
    bbox.push_back(em(v));
  }
  hb_blob_destroy(head);
  const float slant = hb_style_get_value(m.font, HB_STYLE_TAG_SLANT_ANGLE);
  PdfDictionary descriptor;  // §9.8
  descriptor.AddKey("Type", name("FontDescriptor"));
  descriptor.AddKey("FontName", base_font);
  // Flags: Symbolic (4), as Identity-keyed CID fonts are, plus Italic (64) (§9.8.2).
  descriptor.AddKey("Flags", integer(4 | (slant != 0.f ? 64 : 0)));
  descriptor.AddKey("FontBBox", bbox);
  descriptor.AddKey("ItalicAngle", integer(std::lround(slant)));
  descriptor.AddKey("Ascent", em(ext.ascender));
  descriptor.AddKey("Descent", em(ext.descender));
  descriptor.AddKey("CapHeight", em(cap));
  descriptor.AddKey("StemV", integer(80));  // not in TrueType; 80 is the usual stand-in
  descriptor.AddKey(cff ? "FontFile3" : "FontFile2", ref(file));
  out.object(desc, PdfObject(descriptor));

  PdfArray w;  // c [w1 w2 ...] for each run of consecutive CIDs (§9.7.4.3)
  for (auto it = keep.begin(); it != keep.end();) {
    const uint32_t first = *it;
    PdfArray widths;
    for (uint32_t next = first; it != keep.end() && *it == next; ++it, ++next) widths.push_back(integer(width_1000(next)));
    w.push_back(integer(first));
    w.push_back(widths);
  }
  PdfDictionary cid_font;  // §9.7.4
  cid_font.AddKey("Type", name("Font"));
  cid_font.AddKey("Subtype", name(cff ? "CIDFontType0" : "CIDFontType2"));
  cid_font.AddKey("BaseFont", base_font);
  PdfDictionary system;
  system.AddKey("Registry", ascii("Adobe"));
  system.AddKey("Ordering", ascii("Identity"));
  system.AddKey("Supplement", integer(0));
  cid_font.AddKey("CIDSystemInfo", system);
  cid_font.AddKey("FontDescriptor", ref(desc));
  cid_font.AddKey("DW", integer(1000));
  cid_font.AddKey("W", w);
  if (!cff) cid_font.AddKey("CIDToGIDMap", name("Identity"));
  out.object(cid, PdfObject(cid_font));

  const std::string cmap_text = to_unicode_cmap(text_of);
  PdfDictionary cmap_dict;
  cmap_dict.AddKey("Filter", name("FlateDecode"));
  out.stream(to_unicode, std::move(cmap_dict),
             cache ? *cache->deflated(cmap_text, [&] { return deflater.compress(cmap_text); }) : deflater.compress(cmap_text));

  PdfDictionary type0;  // §9.7.6
  type0.AddKey("Type", name("Font"));
  type0.AddKey("Subtype", name("Type0"));
  type0.AddKey("BaseFont", base_font);
  type0.AddKey("Encoding", name("Identity-H"));
  type0.AddKey("DescendantFonts", refs({cid}));
  type0.AddKey("ToUnicode", ref(to_unicode));
  out.object(m.type0, PdfObject(type0));
}

}  // namespace appeal::pdf
