#include "appeal/coverage.h"

#include "appeal/case_model.h"
#include "common/input_error.h"
#include "common/json_reader.h"
#include "text/utf8.h"

namespace appeal {

namespace {

void walk(const std::filesystem::path& file, const nlohmann::json& v, const std::string& ptr,
          const CanDraw& can_draw, const std::string& fonts_named) {
  if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) walk(file, it.value(), ptr + "/" + pointer_escape(it.key()), can_draw, fonts_named);
  } else if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i) walk(file, v[i], ptr + "/" + std::to_string(i), can_draw, fonts_named);
  } else if (v.is_string()) {
    const std::string& s = v.get_ref<const std::string&>();
    // A placeholder of `appeal import` is never printed: the commands refuse it first, with
    // a message that says what to translate (refuse_placeholders).
    if (s.find(kImportPlaceholder) != std::string::npos) return;
    size_t column = 0;
    for (size_t pos = 0; pos < s.size();) {
      const char32_t c = text::next_code_point(s, pos);
      ++column;
      // Line breaks, tabs and soft hyphens are layout instructions, not glyphs.
      if (c < 0x20 || c == 0xAD) continue;
      if (!can_draw(c)) {
        std::string shown;
        text::append_utf8(shown, c);
        throw InputError(file, ptr,
                         text::code_point_name(c) + " '" + shown + "' (character " + std::to_string(column) +
                             ") cannot be drawn by any installed font (" + fonts_named + ")");
      }
    }
  }
}

}  // namespace

void check_drawable(const std::filesystem::path& file, const nlohmann::json& doc, const CanDraw& can_draw,
                    const std::string& fonts_named) {
  walk(file, doc, "", can_draw, fonts_named);
}

}  // namespace appeal
