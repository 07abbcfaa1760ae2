#include "app/typesetters.h"

#include "appeal/paths.h"

namespace appeal::app {

namespace {

std::unique_ptr<text::Typesetter> make_typesetter(const text::HyphenCatalog& catalog) {
  auto ts = std::make_unique<text::Typesetter>(font_dir(), catalog);
  ts->set_fallback(font_fallback());
  return ts;
}

}  // namespace

text::Typesetter& Typesetters::first() {
  if (all_.empty()) all_.push_back(make_typesetter(hyphen_catalog()));
  return *all_.front();
}

Typesetters::~Typesetters() { join_loading(); }

std::vector<text::Typesetter*> Typesetters::for_threads(unsigned n, const std::vector<std::string>& font_files) {
  first();
  if (all_.size() < n) {
    const text::HyphenCatalog catalog = hyphen_catalog();
    while (all_.size() < n) {
      all_.push_back(make_typesetter(catalog));
      for (const std::string& f : font_files) all_.back()->font(f);
    }
  }
  std::vector<text::Typesetter*> out;
  for (unsigned i = 0; i < n; ++i) out.push_back(all_[i].get());
  return out;
}

void Typesetters::join_loading() noexcept {
  for (auto& ts : all_) ts->join_loading();
}

}  // namespace appeal::app
