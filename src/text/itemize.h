// Splits text into runs of one script (UAX #24), so each run shapes with the right rules.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <hb.h>

#include "text/glyph_run.h"

namespace appeal::text {

struct ScriptRun {
  SourceSpan span;
  hb_script_t script;
};

// Common and Inherited characters (spaces, digits, punctuation, combining marks) join the
// run before them, or the first strong script after them at the start of the text.
std::vector<ScriptRun> itemize_scripts(std::string_view text, SourceSpan span);

// ISO 15924 tag ("Latn", "Cyrl") of the script most letters of `text` are in; "Zyyy"
// when it has no letters of any script.
std::string dominant_script(std::string_view text);

// The language a reader should take `text` in where it stands in text of language
// `context` (BCP 47): "" when its letters are in a script `context` is written in, or it
// has none; else the language CLDR's likely subtags give its script through ICU
// ("und-Grek" -> "el", "und-Arab" -> "ar", "und-Cyrl" -> "ru"). A screen reader then
// switches voice for a Greek name in an English letter (ISO 32000-1 §14.9.2).
std::string language_of_script(std::string_view text, const std::string& context);

}  // namespace appeal::text
