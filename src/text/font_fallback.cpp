#include "text/font_fallback.h"

#include <algorithm>
#include <set>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>

#include <hb.h>
#include <nlohmann/json.hpp>
#include <unicode/ubrk.h>

#include "text/utf8.h"

namespace appeal::text {

namespace {

// ISO 15924 tag of a code point's script (UAX #24), e.g. "Grek"; "Zyyy" for common.
std::string script_tag(char32_t c) {
  const hb_script_t s = hb_unicode_script(hb_unicode_funcs_get_default(), c);
  if (s == HB_SCRIPT_COMMON) return "Zyyy";
  if (s == HB_SCRIPT_INHERITED) return "Zinh";
  char tag[5] = {};
  hb_tag_to_string(hb_script_to_iso15924_tag(s), tag);
  return tag;
}

// Characters that are layout instructions, not glyphs: never a reason to fall back.
bool invisible(char32_t c) { return c < 0x20 || c == 0xAD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060; }

}  // namespace

FontFallback::FontFallback(const std::filesystem::path& list) : list_(list) {
  std::ifstream in(list, std::ios::binary);
  if (!in) throw std::runtime_error(list.string() + ": cannot open the font fallback list");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  try {
    const nlohmann::json j = nlohmann::json::parse(text);
    std::vector<std::filesystem::path> dirs;
    for (const auto& d : j.at("dirs")) dirs.emplace_back(d.get<std::string>());
    for (const auto& [file, style] : j.at("styles").items()) styles_[file] = style.get<std::string>();
    for (const auto& f : j.at("fallbacks")) {
      Entry e;
      for (const auto& s : f.at("scripts")) e.scripts.push_back(s.get<std::string>());
      e.match_x_height = f.value("match_x_height", false);
      if (f.contains("when")) {
        for (const auto& s : f.at("when")) e.when.push_back(s.get<std::string>());
      }
      for (const auto& [key, value] : f.items()) {
        if (key == "scripts" || key == "when" || key == "match_x_height" || key == "$comment") continue;
        // "File.ttf", or {"file": "Collection.ttc", "index": 2} for one face of a collection.
        const std::string name = value.is_string() ? value.get<std::string>() : value.at("file").get<std::string>();
        const unsigned index = value.is_object() ? value.value("index", 0u) : 0u;
        for (const auto& dir : dirs) {
          if (std::filesystem::is_regular_file(dir / name)) {
            e.files[key] = {dir / name, index};
            break;
          }
        }
      }
      if (!e.files.empty()) entries_.push_back(std::move(e));
    }
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(list.string() + ": " + e.what());
  }
}

void FontFallback::load(FontCache& fonts) {
  for (Entry& e : entries_) {
    for (const auto& [style, file] : e.files) e.by_style[style] = fonts.register_font(file.first, file.second);
  }
  loaded_ = true;
}

std::string FontFallback::style_of(const FontCache& fonts, FontId primary) const {
  const std::string file = fonts.path(primary).filename().string();
  auto it = styles_.find(file);
  if (it != styles_.end()) return it->second;
  // A font of one's own choice (--font-family): its file name says sans or serif, bold or
  // not ("DejaVuSans-Bold.ttf", "LiberationSerif-Regular.ttf"), as font files are named.
  const bool sans = file.find("Sans") != std::string::npos || file.find("sans") != std::string::npos;
  const bool bold = file.find("Bold") != std::string::npos || file.find("bold") != std::string::npos;
  return std::string(sans ? "sans" : "serif") + (bold ? "_bold" : "");
}

FontId FontFallback::font_for(FontCache& fonts, FontId primary, std::u32string_view cluster,
                              std::u32string_view context) const {
  const auto draws = [&](FontId f) {
    for (char32_t c : cluster) {
      if (!invisible(c) && !fonts.has_code_point(f, c)) return false;
    }
    return true;
  };
  if (draws(primary) || !loaded_) return primary;
  // The script of the cluster's first letter-like character decides.
  std::string script = "Zyyy";
  for (char32_t c : cluster) {
    const std::string s = script_tag(c);
    if (s != "Zyyy" && s != "Zinh") {
      script = s;
      break;
    }
  }
  const std::string style = style_of(fonts, primary);
  const std::string plain = style.substr(0, style.find('_'));  // "sans_bold" -> "sans"
  // Common characters a script borrows (the Arabic comma U+060C, CJK punctuation) may be
  // missing from the common-script fonts; then any entry that draws them will do.
  const bool common = script == "Zyyy" || script == "Zinh";
  // A common character goes first to a font of a script its text is written in: the
  // ideographic comma of a Chinese sentence to the CJK face, not to the first font that
  // happens to have it (Noto Sans Yi has it too).
  std::set<std::string> around;
  if (common) {
    for (char32_t c : context) {
      if (c < 0x80) continue;
      const std::string t = script_tag(c);
      if (t != "Zyyy" && t != "Zinh") around.insert(t);
    }
  }
  for (int pass = common ? 0 : 1; pass < 2; ++pass) {
    for (const Entry& e : entries_) {
      if (!common && std::find(e.scripts.begin(), e.scripts.end(), script) == e.scripts.end()) continue;
      if (pass == 0 && std::none_of(e.scripts.begin(), e.scripts.end(), [&](const std::string& t) { return around.count(t); })) {
        continue;
      }
      if (!e.when.empty() && std::none_of(context.begin(), context.end(), [&](char32_t c) {
            return c >= 0x80 && std::find(e.when.begin(), e.when.end(), script_tag(c)) != e.when.end();
          })) {
        continue;
      }
      for (const std::string& want : {style, plain, std::string("serif")}) {
        auto it = e.by_style.find(want);
        if (it != e.by_style.end() && draws(it->second)) return it->second;
      }
    }
  }
  return primary;
}

double FontFallback::size_factor(FontCache& fonts, FontId primary, FontId fallback) const {
  for (const Entry& e : entries_) {
    if (!e.match_x_height) continue;
    for (const auto& [style, id] : e.by_style) {
      if (id != fallback) continue;
      const FontMetrics& p = fonts.metrics(primary);
      const FontMetrics& f = fonts.metrics(fallback);
      if (p.x_height <= 0 || f.x_height <= 0) return 1;
      const double factor = (static_cast<double>(p.x_height) / p.units_per_em) / (static_cast<double>(f.x_height) / f.units_per_em);
      return std::clamp(factor, 0.85, 1.15);  // a font with odd metrics never jumps in size
    }
  }
  return 1;
}

bool FontFallback::can_draw(FontCache& fonts, FontId primary, char32_t cp) const {
  if (invisible(cp) || fonts.has_code_point(primary, cp)) return true;
  const char32_t one[1] = {cp};
  return font_for(fonts, primary, std::u32string_view(one, 1), std::u32string_view(one, 1)) != primary;
}

namespace {

// One character break iterator a thread, given each span's text: opening one loads and
// checks ICU's rules (70 % of resolving a name in Cyrillic, measured with callgrind).
UBreakIterator* character_breaks() {
  thread_local std::unique_ptr<UBreakIterator, void (*)(UBreakIterator*)> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator* b = ubrk_open(UBRK_CHARACTER, "", nullptr, 0, &status);
    return std::unique_ptr<UBreakIterator, void (*)(UBreakIterator*)>(U_FAILURE(status) ? nullptr : b, ubrk_close);
  }();
  return it.get();
}

}  // namespace

std::vector<StyleSpan> FontFallback::resolve(FontCache& fonts, std::string_view text,
                                             const std::vector<StyleSpan>& spans) const {
  if (!loaded_) return spans;
  std::vector<StyleSpan> out;
  out.reserve(spans.size());
  std::u32string context;  // the whole text, decoded once the first span needs it
  for (const StyleSpan& span : spans) {
    // ASCII is drawn by every bundled font: the common case costs one scan.
    bool ascii = true;
    for (uint32_t i = span.span.begin; i < span.span.end && ascii; ++i) ascii = static_cast<unsigned char>(text[i]) < 0x80;
    if (ascii) {
      out.push_back(span);
      continue;
    }
    const std::string_view part = text.substr(span.span.begin, span.span.end - span.span.begin);
    // A span its font draws whole (a Cyrillic name in PT Serif) needs no clusters: font_for
    // gives each of them the span's font.
    bool drawn = true;
    for (size_t p = 0; p < part.size() && drawn;) {
      const char32_t c = next_code_point(part, p);
      drawn = invisible(c) || fonts.has_code_point(span.font, c);
    }
    if (drawn) {
      out.push_back(span);
      continue;
    }
    // Grapheme clusters (UAX #29) through ICU's character break iterator, on UTF-16
    // with a map back to the UTF-8 byte offsets.
    std::u16string u16;
    std::vector<uint32_t> byte_of;  // UTF-16 index -> byte offset in `text`
    for (size_t p = 0; p < part.size();) {
      const uint32_t at = span.span.begin + static_cast<uint32_t>(p);
      const char32_t c = next_code_point(part, p);
      if (c >= 0x10000) {
        u16 += static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10));
        u16 += static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF));
        byte_of.push_back(at), byte_of.push_back(at);
      } else {
        u16 += static_cast<char16_t>(c);
        byte_of.push_back(at);
      }
    }
    byte_of.push_back(span.span.end);
    UBreakIterator* it = character_breaks();
    UErrorCode status = U_ZERO_ERROR;
    if (it) ubrk_setText(it, reinterpret_cast<const UChar*>(u16.data()), static_cast<int32_t>(u16.size()), &status);
    if (!it || U_FAILURE(status)) {
      out.push_back(span);
      continue;
    }
    if (context.empty()) context = to_u32(text);
    StyleSpan cur = span;
    cur.span.end = cur.span.begin;
    for (int32_t b = ubrk_first(it), e = ubrk_next(it); e != UBRK_DONE; b = e, e = ubrk_next(it)) {
      const uint32_t from = byte_of[static_cast<size_t>(b)], to = byte_of[static_cast<size_t>(e)];
      const std::u32string cluster = to_u32(text.substr(from, to - from));
      const FontId f = font_for(fonts, span.font, cluster, context);
      if (f != cur.font && cur.span.end > cur.span.begin) {
        out.push_back(cur);
        cur.span.begin = from;
      }
      cur.font = f;
      cur.requested = f == span.font ? span.requested : std::optional<FontId>(span.font);
      cur.size_pt = f == span.font ? span.size_pt : span.size_pt * size_factor(fonts, span.font, f);
      cur.span.end = to;
    }
    if (cur.span.end > cur.span.begin) out.push_back(cur);
  }
  return out;
}

std::string FontFallback::names() const {
  if (entries_.empty()) return "";
  size_t scripts = 0;
  for (const Entry& e : entries_) scripts += e.scripts.size();
  return list_.filename().string() + ": " + std::to_string(entries_.size()) + " font families for " +
         std::to_string(scripts) + " scripts";
}

}  // namespace appeal::text
