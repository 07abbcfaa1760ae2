#include "text/hyphen_catalog.h"

#include <fstream>
#include <iterator>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "text/language_tag.h"

namespace appeal::text {

namespace {

HyphenRules read_rules(const nlohmann::json& j, HyphenRules r) {
  r.left = j.value("left", r.left);
  r.right = j.value("right", r.right);
  r.repeat_hyphen = j.value("repeat_hyphen", r.repeat_hyphen);
  r.hyphenate_capitalized = j.value("hyphenate_capitalized", r.hyphenate_capitalized);
  r.apostrophe_in_word = j.value("apostrophe_in_word", r.apostrophe_in_word);
  if (r.left < 1 || r.right < 1) throw std::runtime_error("hyphenation rules: minima must be at least 1");
  return r;
}

// "es-Latn-ES" -> "es-Latn": a maximized tag's language and script.
std::string language_script(const std::string& maximized) {
  const size_t a = maximized.find('-');
  if (a == std::string::npos) return maximized;
  const size_t b = maximized.find('-', a + 1);
  return maximized.substr(0, b);
}

}  // namespace

HyphenCatalog::HyphenCatalog(const std::vector<std::filesystem::path>& dirs, const std::filesystem::path& rules_file) {
  // A language a directory serves is served by it alone: the project's Ukrainian patterns
  // shadow Debian's hyph_uk.dic as well as hyph_uk_UA.dic.
  std::map<std::string, size_t> language_dir;  // language-script -> index of its directory
  for (size_t d = 0; d < dirs.size(); ++d) {
    const auto& dir = dirs[d];
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) files.push_back(e.path());
    std::sort(files.begin(), files.end());  // same choice on every machine
    for (const auto& f : files) {
      const std::string name = f.filename().string();
      if (name.size() <= 9 || name.rfind("hyph_", 0) != 0 || f.extension() != ".dic") continue;
      std::string stem = name.substr(5, name.size() - 9);
      for (char& c : stem) c = c == '_' ? '-' : c;
      const auto tag = canonical_language_tag(stem);
      if (!tag || dicts_.count(*tag)) continue;
      if (!std::filesystem::is_regular_file(f, ec)) continue;  // a dangling link
      const std::string lang = language_script(maximized_tag(*tag));
      if (auto it = language_dir.find(lang); it != language_dir.end() && it->second != d) continue;
      language_dir.emplace(lang, d);
      dicts_.emplace(*tag, f);
    }
  }
  if (rules_file.empty()) return;
  std::ifstream in(rules_file, std::ios::binary);
  if (!in) throw std::runtime_error(rules_file.string() + ": cannot open hyphenation rules");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  try {
    const nlohmann::json j = nlohmann::json::parse(text);
    if (j.contains("default")) default_rules_ = read_rules(j.at("default"), default_rules_);
    for (const auto& [key, value] : j.at("languages").items()) {
      const auto tag = canonical_language_tag(key);
      if (!tag) throw std::runtime_error("\"" + key + "\" is not a language tag");
      rules_[*tag] = read_rules(value, default_rules_);
    }
  } catch (const std::exception& e) {
    throw std::runtime_error(rules_file.string() + ": " + e.what());
  }
}

std::optional<std::filesystem::path> HyphenCatalog::dictionary(const std::string& tag) const {
  for (const std::string& t : lookup_chain(tag)) {
    if (auto it = dicts_.find(t); it != dicts_.end()) return it->second;
  }
  const std::string want = maximized_tag(tag);
  const std::string lang = primary_language(tag);
  const std::filesystem::path* same_script = nullptr;
  for (const auto& [t, file] : dicts_) {
    if (primary_language(t) != lang) continue;
    const std::string have = maximized_tag(t);
    if (have == want) return file;
    if (!same_script && language_script(have) == language_script(want)) same_script = &file;
  }
  if (same_script) return *same_script;
  return std::nullopt;
}

HyphenRules HyphenCatalog::rules(const std::string& tag) const {
  for (const std::string& t : lookup_chain(tag)) {
    if (auto it = rules_.find(t); it != rules_.end()) return it->second;
  }
  return default_rules_;
}

std::vector<std::string> HyphenCatalog::languages() const {
  std::vector<std::string> out;
  for (const auto& [t, f] : dicts_) out.push_back(t);
  return out;
}

}  // namespace appeal::text
