// Renders display-list pages into a PDF document on a second thread, in the order given.
// A merge spends about a third of its time turning pages into content streams,
// deflating and writing them; on a second core that overlaps setting the next letter.
#pragma once
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

#include "layout/display_list.h"
#include "pdf/document.h"

namespace appeal::render {

class BackgroundRenderer {
 public:
  // `font_paths[id]` is the file of text::FontId id: the renderer never touches the
  // FontCache, which the setting thread keeps using.
  BackgroundRenderer(pdf::Document& doc, std::vector<pdf::FontFace> font_paths);
  ~BackgroundRenderer();  // without finish(): stops after the current page, drops the rest
  BackgroundRenderer(const BackgroundRenderer&) = delete;
  BackgroundRenderer& operator=(const BackgroundRenderer&) = delete;

  // Queues pages (waiting while kMaxQueued groups are pending, so memory stays flat).
  // Rethrows the first error the renderer met, e.g. an unreadable image.
  void add(std::vector<layout::DisplayPage> pages);
  // Waits until every queued page is in the document; rethrows the renderer's error.
  void finish();

 private:
  // The renderer wakes for batches of kBatch groups: it is faster than the setting thread,
  // and waking it for every letter cost a futex call per letter on each side.
  static constexpr size_t kBatch = 16;
  static constexpr size_t kMaxQueued = 64;
  void run();
  void rethrow_locked();
  pdf::Document& doc_;
  std::vector<pdf::FontFace> font_paths_;
  std::mutex mu_;
  std::condition_variable ready_, space_;
  std::deque<std::vector<layout::DisplayPage>> queue_;
  bool closing_ = false, stopped_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace appeal::render
