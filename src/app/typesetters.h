// The run's typesetters: one per worker thread (FreeType faces and HarfBuzz fonts are not
// shared across threads), each with the bundled fonts, the fallback list (data/
// font-fallback.json) and the hyphenation catalogue.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "text/typesetter.h"

namespace appeal::app {

class Typesetters {
 public:
  Typesetters() = default;
  ~Typesetters();  // waits for pattern loads still running (an error may have left one)
  Typesetters(const Typesetters&) = delete;
  Typesetters& operator=(const Typesetters&) = delete;

  // The first typesetter: the one that reads and checks the input, and the first worker.
  // Made on first use, inside the run, so a bad fallback list is reported as bad input.
  text::Typesetter& first();
  // `n` typesetters in all (the first included), the others with `font_files` loaded.
  std::vector<text::Typesetter*> for_threads(unsigned n, const std::vector<std::string>& font_files);
  // Waits for pattern loads still running on every typesetter and drops their results.
  void join_loading() noexcept;

 private:
  std::vector<std::unique_ptr<text::Typesetter>> all_;
};

}  // namespace appeal::app
