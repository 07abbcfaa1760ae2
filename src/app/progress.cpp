#include "app/progress.h"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace appeal::app {

Progress::Progress(size_t total, bool quiet) : total_(total), on_(!quiet && isatty(2) && total > 1) {}

void Progress::step() {
  std::lock_guard<std::mutex> lock(mu_);
  ++done_;
  if (!on_ || (done_ != total_ && done_ % 10 != 0)) return;
  const size_t width = 30, filled = width * done_ / total_;
  std::fprintf(stderr, "\r[%s%s] %zu/%zu", std::string(filled, '#').c_str(), std::string(width - filled, ' ').c_str(),
               done_, total_);
  if (done_ == total_) std::fprintf(stderr, "\n");
}

}  // namespace appeal::app
