// Where the pages of a document go when they are made one letter at a time (a merge of
// thousands of senders): a PDF written on a second thread, or a text trace.
#pragma once
#include <string>
#include <vector>

#include "layout/display_list.h"

namespace appeal::render {

class PageStream {
 public:
  virtual ~PageStream() = default;  // without finish(): the file is incomplete (callers remove it)
  // Queues pages in order; rethrows the writer's first error (e.g. an unreadable image).
  virtual void add(std::vector<layout::DisplayPage> pages) = 0;
  // A fact of the document known once its pages are made (layout::DocumentHead::facts).
  virtual void set_fact(const std::string& key, const std::string& value) = 0;
  virtual void finish() = 0;
};

}  // namespace appeal::render
