#include "app/layouts.h"

#include "text/font_family.h"

#include <set>

#include <algorithm>
#include <fstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/run_options.h"
#include "appeal/paths.h"
#include "common/input_error.h"

namespace appeal::app {

// Leaflets have "sides", label sheets a "grid", reports "columns", letters a
// "window" frame, envelopes none of these. "" when the file cannot be read as JSON.
std::string layout_kind_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_object()) return "";
  if (j.contains("sides")) return "leaflet";
  if (j.contains("grid")) return "label";
  if (j.contains("columns")) return "report";
  if (j.contains("frames") && j["frames"].is_object() && j["frames"].contains("window")) return "letter";
  return "envelope";
}

// --layout as a path: a name from layouts/ of the subcommand's kind, or a JSON file. An
// unknown name, or a layout of another kind, lists the ones that fit.
std::filesystem::path resolve_layout(const std::string& name, const std::string& kind) {
  const std::filesystem::path p = layout_path(name);
  if (std::filesystem::path(name).extension() == ".json") return p;  // the user's own file
  // The layouts of this kind, read only for a message: a good name costs one parse.
  const auto fitting = [&] {
    std::vector<std::string> fit;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(data_dir() / "layouts", ec)) {
      if (e.path().extension() == ".json" && layout_kind_of(e.path()) == kind) fit.push_back(e.path().stem().string());
    }
    std::sort(fit.begin(), fit.end());
    std::string list;
    for (const std::string& f : fit) list += (list.empty() ? "" : ", ") + f;
    return list;
  };
  if (!std::filesystem::is_regular_file(p)) {
    throw UsageError("--layout " + name + ": no such layout; " + kind + " layouts: " + fitting() +
                     " (or a path to a layout .json)");
  }
  if (const std::string is = layout_kind_of(p); is != kind) {
    throw UsageError("--layout " + name + " is a" + (is == "envelope" ? "n " : " ") + is + " layout; " + kind +
                     " layouts: " + fitting());
  }
  return p;
}

// Every style's font must be one of fonts/: a layout naming another is bad input at its
// pointer, never a FreeType error later.
void check_layout_fonts(const std::filesystem::path& layout, const std::map<std::string, layout::TextStyleSpec>& styles) {
  for (const auto& [name, style] : styles) {
    if (std::filesystem::is_regular_file(font_dir() / style.font)) continue;
    std::string have;
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(font_dir(), ec)) {
      if (e.path().extension() == ".ttf" || e.path().extension() == ".otf") files.push_back(e.path().filename().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) have += (have.empty() ? "" : ", ") + f;
    throw InputError(layout, "/styles/" + name + "/font", "no font \"" + style.font + "\" in fonts/ (there are: " + have + ")");
  }
}

std::string resolve_font_families(const std::filesystem::path& layout,
                                  std::map<std::string, layout::TextStyleSpec>& styles, const std::string& font_family) {
  std::set<std::string> used;
  for (auto& [name, style] : styles) {
    const std::string family = font_family.empty() ? style.family : font_family;
    if (family.empty()) continue;
    // Without a family of its own, a style keeps the weight and slant of its font file.
    const bool bold = style.family.empty() ? style.font.find("Bold") != std::string::npos : style.bold;
    const bool italic = style.family.empty() ? style.font.find("Italic") != std::string::npos : style.italic;
    const auto face = text::family_face(family, bold, italic);
    if (!face) {
      std::string near;
      for (const std::string& f : text::similar_families(family)) near += (near.empty() ? "" : ", ") + f;
      const std::string why = "no installed font family \"" + family + "\" with a TrueType or OpenType face (fc-list lists " +
                              "them; nearest: " + near + ")";
      if (!font_family.empty()) throw UsageError("--font-family " + font_family + ": " + why);
      throw InputError(layout, "/styles/" + name + "/family", why);
    }
    style.font = face->string();
    used.insert(family);
  }
  std::string out;
  for (const std::string& f : used) out += (out.empty() ? "" : ", ") + f;
  return out;
}

}  // namespace appeal::app
