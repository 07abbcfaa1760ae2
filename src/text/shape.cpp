#include "text/shape.h"

#include "text/font_cache_impl.h"
#include "text/itemize.h"

namespace appeal::text {

namespace {

// Kerning and standard ligatures are HarfBuzz defaults; named here so the choice is visible.
const hb_feature_t kFeatures[] = {
    {HB_TAG('k', 'e', 'r', 'n'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('l', 'i', 'g', 'a'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
};

void shape_run(LoadedFont& font, const ShapeRequest& req, std::string_view text,
               const ScriptRun& run, std::vector<Glyph>& out) {
  HbBuffer buf(hb_buffer_create());
  hb_buffer_set_cluster_level(buf.get(), HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  // Give HarfBuzz the whole text as context so shaping at span edges sees its neighbours.
  hb_buffer_add_utf8(buf.get(), text.data(), static_cast<int>(text.size()), run.span.begin,
                     static_cast<int>(run.span.end - run.span.begin));
  hb_buffer_set_direction(buf.get(), HB_DIRECTION_LTR);
  hb_buffer_set_script(buf.get(), run.script);
  hb_buffer_set_language(buf.get(), hb_language_from_string(req.language.c_str(), -1));
  hb_shape(font.hb.get(), buf.get(), kFeatures, sizeof kFeatures / sizeof kFeatures[0]);

  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf.get(), &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf.get(), nullptr);
  const double scale = req.size_pt / font.metrics.units_per_em;
  for (unsigned i = 0; i < n; ++i) {
    Glyph g;
    g.gid = info[i].codepoint;
    g.advance_pt = pos[i].x_advance * scale;
    g.dx_pt = pos[i].x_offset * scale;
    g.dy_pt = pos[i].y_offset * scale;
    const bool first_of_cluster = i == 0 || info[i - 1].cluster != info[i].cluster;
    if (first_of_cluster) {
      uint32_t end = run.span.end;
      for (unsigned j = i + 1; j < n; ++j) {
        if (info[j].cluster != info[i].cluster) {
          end = info[j].cluster;
          break;
        }
      }
      g.text = {info[i].cluster, end};
    } else {
      g.text = {info[i].cluster, info[i].cluster};
    }
    out.push_back(g);
  }
}

}  // namespace

std::vector<Glyph> shape(FontCache& fonts, const ShapeRequest& req, std::string_view text,
                         SourceSpan span) {
  std::vector<Glyph> out;
  LoadedFont& font = *fonts.impl().fonts.at(req.font);
  for (const ScriptRun& run : itemize_scripts(text, span)) shape_run(font, req, text, run, out);
  return out;
}

double advance_of(const std::vector<Glyph>& glyphs) {
  double w = 0;
  for (const Glyph& g : glyphs) w += g.advance_pt;
  return w;
}

}  // namespace appeal::text
