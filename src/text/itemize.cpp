#include "text/itemize.h"

#include <unicode/uloc.h>
#include <unicode/uscript.h>

#include <map>
#include <utility>

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

std::string language_of_script(std::string_view text, const std::string& context) {
  const std::string script = dominant_script(text);
  if (script == "Zyyy") return {};
  // Many glyphs ask the same question: the answers are kept per thread (the renderer
  // runs beside the typesetter).
  thread_local std::map<std::pair<std::string, std::string>, std::string> known;
  const auto key = std::make_pair(script, context);
  if (auto it = known.find(key); it != known.end()) return it->second;
  std::string answer;
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode codes[16];
  const int n = uscript_getCode(context.c_str(), codes, 16, &err);
  bool written = false;
  for (int i = 0; U_SUCCESS(err) && i < n; ++i) {
    const char* name = uscript_getShortName(codes[i]);
    // Han text is "Hani" to HarfBuzz; Chinese locales say "Hans" or "Hant".
    written |= name && (script == name || (script == "Hani" && (std::string(name) == "Hans" || std::string(name) == "Hant")));
  }
  if (!written) {
    char likely[ULOC_FULLNAME_CAPACITY] = {};
    err = U_ZERO_ERROR;
    uloc_addLikelySubtags(("und_" + script).c_str(), likely, sizeof likely, &err);
    char lang[ULOC_LANG_CAPACITY] = {};
    UErrorCode e2 = U_ZERO_ERROR;
    if (U_SUCCESS(err)) uloc_getLanguage(likely, lang, sizeof lang, &e2);
    if (U_SUCCESS(e2) && lang[0] && std::string(lang) != "und") answer = lang;
  }
  known.emplace(key, answer);
  return answer;
}

}  // namespace appeal::text
