// Letter templates kept per worker thread: a run of one file per sender (--split, archive
// copies) sets the body of each target and language once per worker, not once per file.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "appeal/letter_builder.h"

namespace appeal::app {

class WorkerTemplates {
 public:
  WorkerTemplates(const Case& c, const layout::LayoutSpec& spec, const LetterSettings& settings)
      : c_(c), spec_(spec), settings_(settings) {}
  // The templates (every variant) for target `ti` in `lang` set with `ts` (the calling
  // worker's own): kept until the worker asks for another target or language.
  LetterVersions& get(text::Typesetter& ts, size_t ti, const std::string& lang) {
    std::unique_lock<std::mutex> lock(mu_);
    Current& cur = current_[&ts];  // std::map: the entry stays put while others are added
    lock.unlock();                  // only the typesetter's own worker touches its entry
    if (!cur.shared || cur.ti != ti || cur.lang != lang) {
      cur.shared.reset();
      cur.shared = std::make_unique<LetterVersions>(c_, ti, lang, spec_, ts, settings_);
      cur.ti = ti;
      cur.lang = lang;
    }
    return *cur.shared;
  }

 private:
  struct Current {
    size_t ti = 0;
    std::string lang;
    std::unique_ptr<LetterVersions> shared;
  };
  const Case& c_;
  const layout::LayoutSpec& spec_;
  const LetterSettings& settings_;
  std::mutex mu_;
  std::map<const text::Typesetter*, Current> current_;
};

}  // namespace appeal::app
