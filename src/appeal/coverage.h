// Finds characters the fonts cannot draw before anything is rendered, so the message can
// point at the JSON value that holds them instead of leaving a blank box on paper.
#pragma once
#include <filesystem>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

namespace appeal {

using CanDraw = std::function<bool(char32_t)>;

// Walks every string value in `doc`; throws InputError(file, pointer, "U+XXXX ...") for
// the first character `can_draw` rejects. `fonts_named` goes into the message.
void check_drawable(const std::filesystem::path& file, const nlohmann::json& doc, const CanDraw& can_draw,
                    const std::string& fonts_named);

}  // namespace appeal
