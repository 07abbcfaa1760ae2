#include "text/typesetter.h"

#include <chrono>
#include <stdexcept>

namespace appeal::text {

Typesetter::Typesetter(std::filesystem::path font_dir, HyphenCatalog hyphenation)
    : font_dir_(std::move(font_dir)), catalog_(std::move(hyphenation)) {}

// Patterns and rules come from the catalog (data/hyphenation.json, the dictionaries on
// disk); a language no dictionary serves is not hyphenated.
void Typesetter::preload_hyphenators(const std::string& language) {
  if (hyphen_set_.count(language) || loading_.count(language)) return;
  const auto file = catalog_.dictionary(language);
  if (!file) return;
  const HyphenRules rules = catalog_.rules(language);
  // "pt" and "pt-PT" (or two tags with the same rules) share one load of the file.
  std::error_code ec;
  const std::filesystem::path real = std::filesystem::canonical(*file, ec);
  const std::string key = (ec ? file->string() : real.string()) + "|" + std::to_string(rules.left) + "," +
                          std::to_string(rules.right) + "," + std::to_string(rules.repeat_hyphen) + "," +
                          std::to_string(rules.hyphenate_capitalized) + "," + std::to_string(rules.apostrophe_in_word);
  auto it = by_file_.find(key);
  if (it == by_file_.end()) {
    it = by_file_
             .emplace(key, std::async(std::launch::async, [path = *file, rules] {
                        return std::shared_ptr<const Hyphenator>(std::make_shared<Hyphenator>(path, rules));
                      }).share())
             .first;
  }
  loading_.emplace(language, it->second);
}

bool Typesetter::hyphenators_ready(const std::string& language) const {
  const auto it = loading_.find(language);
  return it == loading_.end() || it->second.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

void Typesetter::finish_loading() {
  while (!loading_.empty()) {
    // A copy: hyphenators() erases the map entry the key lives in (ThreadSanitizer found
    // the read after that erase).
    const std::string language = loading_.begin()->first;
    hyphenators(language);
  }
}

const HyphenatorSet& Typesetter::hyphenators(const std::string& language) {
  if (!hyphen_set_.count(language)) {
    preload_hyphenators(language);
    if (auto it = loading_.find(language); it != loading_.end()) {
      std::shared_future<std::shared_ptr<const Hyphenator>> pending = it->second;
      loading_.erase(it);
      held_.push_back(pending.get());  // rethrows a failed load here
      hyphen_set_[language] = held_.back().get();
    }
  }
  return hyphen_set_;
}

void Typesetter::set_fallback(FontFallback fallback) {
  fallback_ = std::move(fallback);
  fallback_.load(fonts_);
}

const HyphenRules& Typesetter::hyphen_rules(const std::string& language) {
  auto it = rules_.find(language);
  if (it == rules_.end()) it = rules_.emplace(language, catalog_.rules(language)).first;
  return it->second;
}

FontId Typesetter::font(const std::string& file_name) {
  auto it = by_name_.find(file_name);
  if (it == by_name_.end()) it = by_name_.emplace(file_name, fonts_.load(font_dir_ / file_name)).first;
  return it->second;
}

}  // namespace appeal::text
