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

}  // namespace appeal::text
