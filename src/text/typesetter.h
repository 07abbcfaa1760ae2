// Fonts and hyphenation patterns for a run of documents, loaded once and shared by every
// paragraph set with it (one per thread: FreeType faces and HarfBuzz fonts are not shared
// across threads).
#pragma once
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "text/font_cache.h"
#include "text/font_fallback.h"
#include "text/hyphen_catalog.h"
#include "text/hyphenator.h"

namespace appeal::text {

class Typesetter {
 public:
  Typesetter(std::filesystem::path font_dir, HyphenCatalog hyphenation);
  FontCache& fonts() { return fonts_; }
  FontId font(const std::string& file_name);  // loads fonts/<file_name> once
  // Hyphenation patterns including those of `language`, loaded on first use: loading
  // both dictionaries was half the start-up time of a one-language run.
  const HyphenatorSet& hyphenators(const std::string& language);
  // The language's hyphenation rules (data/hyphenation.json), without loading patterns.
  const HyphenRules& hyphen_rules(const std::string& language);
  // Fonts for what a block's own font cannot draw (text/font_fallback.h); loads them all.
  void set_fallback(FontFallback fallback);
  const FontFallback& fallback() const { return fallback_; }
  // Whether `font`, or a fallback font in its style, draws `cp`.
  bool can_draw(FontId font, char32_t cp) { return fallback_.can_draw(fonts_, font, cp); }
  // Starts loading the patterns of `language` on another thread, so the 10 ms libhyphen
  // takes to parse them overlap reading the case and senders; hyphenators() waits for it.
  void preload_hyphenators(const std::string& language);
  // False while the patterns of `language` are still loading: work that sets only
  // unhyphenated text can go first.
  bool hyphenators_ready(const std::string& language) const;
  // Waits for patterns still loading (preloaded but never used), so no thread outlives
  // the work that started it.
  void finish_loading();
  // Waits for loads still running and drops their results (errors included).
  void join_loading() noexcept {
    loading_.clear();
    by_file_.clear();
  }

 private:
  std::filesystem::path font_dir_;
  HyphenCatalog catalog_;
  FontCache fonts_;
  HyphenatorSet hyphen_set_;
  std::map<std::string, HyphenRules> rules_;
  FontFallback fallback_;
  std::map<std::string, FontId> by_name_;  // font() by file name, without building paths
  std::map<std::string, std::shared_future<std::shared_ptr<const Hyphenator>>> loading_;  // by language
  std::map<std::string, std::shared_future<std::shared_ptr<const Hyphenator>>> by_file_;  // one load per file
  std::vector<std::shared_ptr<const Hyphenator>> held_;
};

}  // namespace appeal::text
