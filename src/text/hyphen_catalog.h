// Which hyphenation patterns and rules serve a language: dictionaries found on disk
// (Debian's hyphen-* packages, the project's own), not a compiled-in list.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "text/hyphenator.h"

namespace appeal::text {

class HyphenCatalog {
 public:
  HyphenCatalog() = default;
  // Scans `dirs` in order for libhyphen dictionaries named hyph_<tag>.dic, where <tag> is
  // a language tag with '_' or '-' ("hyph_pt_BR.dic", "hyph_sr-Latn_RS.dic"); the
  // first directory that has a tag wins. `rules_file` is a JSON file of per-language
  // rules (format: docs/hyphenation.md); empty path: the defaults for every language.
  HyphenCatalog(const std::vector<std::filesystem::path>& dirs, const std::filesystem::path& rules_file);

  // The dictionary serving `tag`: the tag or a shorter one on its RFC 4647 lookup chain
  // ("pt-BR", "pt"), else one whose CLDR likely subtags are the same ("es" ->
  // es-Latn-ES -> hyph_es_ES.dic), else the first (by tag) of the same language and
  // script ("es-419" -> es-AR). nullopt when no dictionary serves the language.
  std::optional<std::filesystem::path> dictionary(const std::string& tag) const;
  HyphenRules rules(const std::string& tag) const;
  // Canonical tags of every dictionary found, sorted.
  std::vector<std::string> languages() const;

 private:
  std::map<std::string, std::filesystem::path> dicts_;  // canonical tag -> file
  std::map<std::string, HyphenRules> rules_;            // canonical tag -> rules
  HyphenRules default_rules_;
};

}  // namespace appeal::text
