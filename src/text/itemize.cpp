#include "text/itemize.h"

#include <map>

#include "text/utf8.h"

namespace appeal::text {

namespace {
bool is_weak(hb_script_t s) {
  return s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED || s == HB_SCRIPT_UNKNOWN;
}
}  // namespace

std::vector<ScriptRun> itemize_scripts(std::string_view text, SourceSpan span) {
  // ASCII is Latin letters and Common (weak) characters only: one Latin run. Most words of
  // a merge's addresses take this path, which skips a Unicode lookup per character.
  bool ascii = true;
  for (uint32_t i = span.begin; i < span.end && ascii; ++i) ascii = static_cast<unsigned char>(text[i]) < 0x80;
  if (ascii) {
    if (span.empty()) return {};
    return {{span, HB_SCRIPT_LATIN}};
  }
  hb_unicode_funcs_t* uf = hb_unicode_funcs_get_default();
  std::vector<ScriptRun> runs;
  hb_script_t current = HB_SCRIPT_COMMON;
  size_t pos = span.begin;
  uint32_t run_begin = span.begin;
  while (pos < span.end) {
    const size_t at = pos;
    const hb_script_t s = hb_unicode_script(uf, next_code_point(text, pos));
    if (is_weak(s) || s == current) continue;
    if (is_weak(current)) {
      current = s;  // leading weak characters take the first strong script
      continue;
    }
    runs.push_back({{run_begin, static_cast<uint32_t>(at)}, current});
    run_begin = static_cast<uint32_t>(at);
    current = s;
  }
  if (run_begin < span.end) {
    runs.push_back({{run_begin, span.end}, is_weak(current) ? HB_SCRIPT_LATIN : current});
  }
  return runs;
}

std::string dominant_script(std::string_view text) {
  hb_unicode_funcs_t* uf = hb_unicode_funcs_get_default();
  std::map<hb_script_t, size_t> count;
  for (size_t pos = 0; pos < text.size();) {
    const hb_script_t s = hb_unicode_script(uf, next_code_point(text, pos));
    if (!is_weak(s)) ++count[s];
  }
  hb_script_t best = HB_SCRIPT_COMMON;
  size_t most = 0;
  for (const auto& [script, n] : count) {
    if (n > most) best = script, most = n;
  }
  char tag[5] = {};
  hb_tag_to_string(hb_script_to_iso15924_tag(best), tag);
  return tag;
}

}  // namespace appeal::text
