// BCP 47 language tags (RFC 5646) through ICU: well-formedness, canonical form, and the
// lookup fallback of RFC 4647 §3.4 ("pt-BR" -> "pt").
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace appeal::text {

// The canonical form of a well-formed tag whose language subtag ICU knows ("pt-br" ->
// "pt-BR", "SR-latn" -> "sr-Latn"); nullopt for anything else ("en_US", "english",
// "x", "pt-", "zz"). `why` gets a short reason when given.
std::optional<std::string> canonical_language_tag(std::string_view tag, std::string* why = nullptr);

// RFC 4647 §3.4 lookup order: the tag, then with its last subtag removed, and so on
// ("pt-BR" -> {"pt-BR", "pt"}). A one-letter subtag left at the end is dropped with the
// one after it (§3.4 step 2). As CLDR's parent locales, the chain stops before a tag of
// another script: "sr-Latn-RS" -> {"sr-Latn-RS", "sr-Latn"}, since "sr" is Cyrillic.
std::vector<std::string> lookup_chain(const std::string& tag);

// The primary language subtag, lower case ("pt-BR" -> "pt").
std::string primary_language(const std::string& tag);

// ICU's likely subtags (CLDR): "sr" -> "sr-Cyrl-RS", "pt" -> "pt-Latn-BR". The tag itself
// when ICU cannot maximize it.
std::string maximized_tag(const std::string& tag);

// The language's name in `display_language` ("Russian"; "русский" in ru, "ruso" in es),
// from ICU's locale display names (CLDR). The tag itself when ICU has no name.
std::string language_display_name(const std::string& tag, const std::string& display_language);

}  // namespace appeal::text
