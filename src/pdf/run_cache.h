// What the files of one run share. A run of one file per sender (--split, archive
// copies) embeds nearly the same fonts and the same letter body in every file: making and
// deflating the font subsets (hb-subset) and deflating the body's form was most of each
// file's time. Each distinct font program and each distinct form stream is made once
// here and its compressed bytes reused. The cache changes only the speed: a file's bytes
// depend on its own content and the run's shared text, never on which thread or file
// came first.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

namespace appeal::pdf {

class RunCache {
 public:
  // `shared_text`: characters many files of the run draw (the senders' names and
  // addresses). Their glyphs join every subset of every font that has them, except the
  // fonts named (by file name) in `fonts_without`, which never draw that text (a
  // letter's subject face); so most files ask for the same subset, and a file drawing
  // more gets a subset of its own.
  explicit RunCache(std::u32string shared_text = {}, std::set<std::string> fonts_without = {})
      : shared_text_(std::move(shared_text)), fonts_without_(std::move(fonts_without)) {}
  // The shared text for the font file `file`: empty for a font that never draws it.
  const std::u32string& shared_text(const std::string& file_name) const {
    static const std::u32string kNone;
    return fonts_without_.count(file_name) ? kNone : shared_text_;
  }

  struct Program {
    std::string deflated;  // the embedded font file, FlateDecode
    uint32_t length = 0;   // its length before compression (/Length1)
  };
  // The font program for `key` (font file, face index and glyph ids), made by `make` on
  // the first request.
  template <class Make>
  std::shared_ptr<const Program> font_program(const std::string& key, Make&& make) {
    return get(programs_, key, std::forward<Make>(make));
  }
  // An object every file of the run reads and none changes (an opened font file), made
  // by `make` on the first request and kept for the run.
  template <class T, class Make>
  std::shared_ptr<const T> shared(const std::string& key, Make&& make) {
    std::lock_guard<std::mutex> lock(mu_);  // rare (once per font and file), so made under the lock
    auto it = objects_.find(key);
    if (it == objects_.end()) it = objects_.emplace(key, std::shared_ptr<const void>(std::make_shared<const T>(make()))).first;
    return std::static_pointer_cast<const T>(it->second);
  }
  // `data` deflated by `deflate` on the first request (the key is the data itself).
  template <class Deflate>
  std::shared_ptr<const std::string> deflated(std::string_view data, Deflate&& deflate) {
    return get(streams_, std::string(data), std::forward<Deflate>(deflate));
  }

 private:
  // At most kMaxEntries of each kind are kept (the newest), so memory stays bounded.
  static constexpr size_t kMaxEntries = 64;
  template <class T>
  struct Memo {
    std::map<std::string, std::shared_ptr<const T>> values;
    std::deque<std::string> order;  // keys, oldest first
  };
  template <class T, class Make>
  std::shared_ptr<const T> get(Memo<T>& memo, const std::string& key, Make&& make) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (auto it = memo.values.find(key); it != memo.values.end()) return it->second;
    }
    auto value = std::make_shared<const T>(make());  // outside the lock: threads make in parallel
    std::lock_guard<std::mutex> lock(mu_);
    if (memo.values.emplace(key, value).second) {
      memo.order.push_back(key);
      if (memo.order.size() > kMaxEntries) {
        memo.values.erase(memo.order.front());
        memo.order.pop_front();
      }
    }
    return value;
  }

  const std::u32string shared_text_;
  const std::set<std::string> fonts_without_;
  std::mutex mu_;
  Memo<Program> programs_;
  Memo<std::string> streams_;
  std::map<std::string, std::shared_ptr<const void>> objects_;
};

}  // namespace appeal::pdf
