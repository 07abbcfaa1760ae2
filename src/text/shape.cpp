#include "text/shape.h"

#include <algorithm>

#include "text/font_cache_impl.h"
#include "text/itemize.h"

namespace appeal::text {

namespace {

// Kerning and standard ligatures are HarfBuzz defaults; named here so the choice is visible.
const hb_feature_t kFeatures[] = {
    {HB_TAG('k', 'e', 'r', 'n'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('l', 'i', 'g', 'a'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
};

// Bounds the cache (about 1 KiB an entry): a merge of 100,000 senders, each with a
// unique e-mail address, must keep memory flat. A letter's own words number a few
// hundred; with 20,000 entries a 100,000-letter merge peaked at 35 MB, with 4,000 at
// 23.5 MB and no slower.
constexpr size_t kMaxCachedTexts = 4000;

const std::vector<CachedGlyph>& shape_cached(FontCacheImpl& cache, FontId font_id, const ShapeRequest& req,
                                             std::string_view sub, hb_script_t script, bool rtl) {
  std::string& key = cache.key;
  key.clear();
  key.append(reinterpret_cast<const char*>(&font_id), sizeof font_id);
  key.append(reinterpret_cast<const char*>(&script), sizeof script);
  key += rtl ? 'R' : 'L';
  key += req.language;
  key += '\0';
  key += sub;
  if (auto it = cache.shaped.find(key); it != cache.shaped.end()) return it->second;
  if (cache.shaped.size() >= kMaxCachedTexts) cache.shaped.clear();

  LoadedFont& font = cache.get(font_id);
  HbBuffer buf(hb_buffer_create());
  hb_buffer_set_cluster_level(buf.get(), HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES);
  // Shaped without the surrounding text as context, so one result serves every occurrence;
  // Latin, Cyrillic and the other scripts we set have no shaping across word boundaries.
  hb_buffer_add_utf8(buf.get(), sub.data(), static_cast<int>(sub.size()), 0, static_cast<int>(sub.size()));
  // Right-to-left runs (Arabic, Hebrew, neutrals between them) shape right to left:
  // HarfBuzz then returns the glyphs in visual order (left to right as drawn), which is
  // how a line places them after bidi reordering, and mirrors brackets.
  hb_buffer_set_direction(buf.get(), rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  hb_buffer_set_script(buf.get(), script);
  hb_buffer_set_language(buf.get(), hb_language_from_string(req.language.c_str(), -1));
  hb_shape(font.hb.get(), buf.get(), kFeatures, sizeof kFeatures / sizeof kFeatures[0]);

  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf.get(), &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf.get(), nullptr);
  // A cluster ends where the next cluster (in text order) begins. Clusters ascend in an LTR
  // buffer and descend in an RTL one, so look the next one up among all of them.
  std::vector<uint32_t> starts(n);
  for (unsigned i = 0; i < n; ++i) starts[i] = info[i].cluster;
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  std::vector<CachedGlyph> glyphs;
  glyphs.reserve(n);
  for (unsigned i = 0; i < n; ++i) {
    CachedGlyph g{info[i].codepoint, pos[i].x_advance, pos[i].x_offset, pos[i].y_offset, info[i].cluster, info[i].cluster};
    if (i == 0 || info[i - 1].cluster != info[i].cluster) {  // the cluster's first glyph carries its text
      const auto next = std::upper_bound(starts.begin(), starts.end(), info[i].cluster);
      g.cluster_end = next == starts.end() ? static_cast<uint32_t>(sub.size()) : *next;
    }
    glyphs.push_back(g);
  }
  return cache.shaped.emplace(key, std::move(glyphs)).first->second;
}

void shape_run(FontCacheImpl& cache, const ShapeRequest& req, std::string_view text, const ScriptRun& run,
               std::vector<Glyph>& out) {
  const std::string_view sub = text.substr(run.span.begin, run.span.end - run.span.begin);
  const bool rtl = req.bidi ? req.bidi->at(run.span.begin) % 2 == 1
                            : hb_script_get_horizontal_direction(run.script) == HB_DIRECTION_RTL;
  const std::vector<CachedGlyph>& glyphs = shape_cached(cache, req.font, req, sub, run.script, rtl);
  const double scale = req.size_pt / cache.get(req.font).metrics.units_per_em;
  out.reserve(out.size() + glyphs.size());
  for (const CachedGlyph& c : glyphs) {
    Glyph g;
    g.gid = c.gid;
    g.advance_pt = c.x_advance * scale;
    g.dx_pt = c.x_offset * scale;
    g.dy_pt = c.y_offset * scale;
    g.text = {run.span.begin + c.cluster_begin, run.span.begin + c.cluster_end};
    out.push_back(g);
  }
}

}  // namespace

std::vector<Glyph> shape(FontCache& fonts, const ShapeRequest& req, std::string_view text,
                         SourceSpan span) {
  std::vector<Glyph> out;
  for (const ScriptRun& run : itemize_scripts(text, span)) shape_run(fonts.impl(), req, text, run, out);
  return out;
}

double advance_of(const std::vector<Glyph>& glyphs) {
  double w = 0;
  for (const Glyph& g : glyphs) w += g.advance_pt;
  return w;
}

}  // namespace appeal::text
