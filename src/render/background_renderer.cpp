#include "render/background_renderer.h"

#include <stdexcept>

#include "render/pdf_renderer.h"

namespace appeal::render {

using namespace layout;  // the display list is what this module reads

BackgroundRenderer::BackgroundRenderer(pdf::Document& doc, std::vector<pdf::FontFace> font_paths)
    : doc_(doc), font_paths_(std::move(font_paths)), thread_([this] { run(); }) {}

BackgroundRenderer::~BackgroundRenderer() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopped_ = closing_ = true;
    queue_.clear();
  }
  ready_.notify_all();
  space_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void BackgroundRenderer::rethrow_locked() {
  if (error_) std::rethrow_exception(error_);
}

void BackgroundRenderer::add(std::vector<DisplayPage> pages) {
  std::unique_lock<std::mutex> lock(mu_);
  space_.wait(lock, [&] { return queue_.size() < kMaxQueued || error_; });
  rethrow_locked();
  queue_.push_back(std::move(pages));
  const bool wake = queue_.size() == kBatch;
  lock.unlock();
  if (wake) ready_.notify_one();
}

void BackgroundRenderer::finish() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    closing_ = true;
  }
  ready_.notify_one();
  if (thread_.joinable()) thread_.join();
  std::lock_guard<std::mutex> lock(mu_);
  rethrow_locked();
}

void BackgroundRenderer::run() {
  PdfRenderer renderer(doc_, font_paths_);
  renderer.parts(true);  // a stream's units are letters, envelopes, label sheets
  for (;;) {
    std::deque<std::vector<DisplayPage>> batch;
    {
      std::unique_lock<std::mutex> lock(mu_);
      ready_.wait(lock, [&] { return queue_.size() >= kBatch || closing_; });
      if (queue_.empty() || stopped_) return;
      batch.swap(queue_);
    }
    space_.notify_one();
    try {
      for (const auto& pages : batch) {
        renderer.add_pages(pages);
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mu_);
      error_ = std::current_exception();
      queue_.clear();
      space_.notify_all();
      return;
    }
  }
}

}  // namespace appeal::render
