// What the fonts of a layout can draw, asked before anything is set: every input string
// is checked against it so a character no font has is an error at its JSON pointer or
// CSV cell, never a blank box on paper.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "appeal/coverage.h"
#include "layout/flow.h"
#include "layout/layout_spec.h"

namespace appeal::app {

class FontCoverage {
 public:
  // The fonts of every style of the layout, loaded into `ts`.
  FontCoverage(text::Typesetter& ts, const std::map<std::string, layout::TextStyleSpec>& styles);
  // True when every style's font (or a fallback) draws `c`; each code point looked up once.
  // The function refers to this object, which must outlive it.
  CanDraw can_draw();
  // "PTSerif-Regular.ttf, PTSans-Bold.ttf; fallbacks: ...", for messages.
  const std::string& font_names() const { return names_; }
  // The layout's font files, for the typesetters of other threads.
  const std::vector<std::string>& font_files() const { return files_; }
  // Code points can_draw was asked that a layout font itself lacks (a fallback draws
  // them), in code point order: what a font family of one's own choice does not cover.
  std::vector<char32_t> drawn_by_fallback() const;

 private:
  text::Typesetter& ts_;
  std::vector<text::FontId> fonts_;
  std::vector<std::string> files_;
  std::string names_;
  std::map<char32_t, bool> seen_;
  std::vector<char32_t> fallback_only_;
};

}  // namespace appeal::app
