// Font fallback per grapheme cluster: where a span's font cannot draw a cluster (a base
// letter with its marks, UAX #29), the cluster goes to the first fallback font for its
// script in the same style (serif/sans, regular/bold) that draws all of it. The list is
// data (data/font-fallback.json), so every machine with the same packages makes the same
// choice.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "text/font_cache.h"
#include "text/paragraph.h"

namespace appeal::text {

class FontFallback {
 public:
  FontFallback() = default;  // no fallback: every span keeps its font
  // Reads the JSON list; files missing on this machine are skipped. Throws
  // std::runtime_error naming the file when it is not a valid list.
  explicit FontFallback(const std::filesystem::path& list);

  // Registers every fallback font in `fonts` now (FontCache::register_font: ids and
  // files known, faces opened on first use), so later use never adds fonts while another
  // thread reads the cache's file list (the background page renderer).
  void load(FontCache& fonts);

  // `spans` split where their font cannot draw a cluster of `text`, the cluster given to
  // a fallback font. Spans that need nothing come back as they are.
  std::vector<StyleSpan> resolve(FontCache& fonts, std::string_view text, const std::vector<StyleSpan>& spans) const;

  // True when `primary` or a fallback for `cp`'s script in `primary`'s style draws it.
  bool can_draw(FontCache& fonts, FontId primary, char32_t cp) const;

  // What the fallback list holds on this machine, for messages
  // ("font-fallback.json: 31 font families for 37 scripts"); empty without one.
  std::string names() const;

 private:
  struct Entry {
    std::vector<std::string> scripts;           // ISO 15924
    // The entry serves only text that also has a letter of one of these scripts: Han
    // characters take the Japanese face of Noto CJK beside kana, the Korean one beside
    // Hangul, and the Simplified Chinese one otherwise. Empty: always.
    std::vector<std::string> when;
    // Set the fallback at the size where its x-height equals the requested font's, so a
    // Vietnamese "ễ" from Noto Serif inside a PT Serif word is as tall as its neighbours.
    bool match_x_height = false;
    std::map<std::string, FontId> by_style;     // "serif" -> font, after load()
    std::map<std::string, std::pair<std::filesystem::path, unsigned>> files;  // file, face index
  };
  std::string style_of(const FontCache& fonts, FontId primary) const;
  // Size factor for `fallback` standing in for `primary` (1 unless its entry matches x-heights).
  double size_factor(FontCache& fonts, FontId primary, FontId fallback) const;
  // The font that draws all of `cluster` for `primary`, or `primary` when none does;
  // `context` is the whole text the cluster is part of (for `Entry::when`).
  FontId font_for(FontCache& fonts, FontId primary, std::u32string_view cluster, std::u32string_view context) const;

  std::filesystem::path list_;
  std::vector<Entry> entries_;
  std::map<std::string, std::string> styles_;  // bundled font file name -> style
  bool loaded_ = false;
};

}  // namespace appeal::text
