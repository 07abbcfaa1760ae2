// A one-line progress bar on stderr, only when stderr is a terminal and the run is not
// quiet; safe to step from several worker threads.
#pragma once
#include <cstddef>
#include <mutex>

namespace appeal::app {

class Progress {
 public:
  Progress(size_t total, bool quiet);
  void step();

 private:
  size_t total_, done_ = 0;
  bool on_;
  std::mutex mu_;
};

}  // namespace appeal::app
