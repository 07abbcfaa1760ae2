// All-or-nothing output: files are written under temporary names in the target folder and
// renamed only when every file of the run succeeded, so an error leaves nothing behind.
#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace appeal::app {

// Call once, before any thread starts: on SIGINT, SIGTERM or SIGHUP every temporary file
// of every batch is removed and the process exits with 128 + the signal's number.
void remove_files_on_interrupt();

class OutputBatch {
 public:
  explicit OutputBatch(std::filesystem::path dir);
  ~OutputBatch();  // removes every temporary file not committed
  OutputBatch(const OutputBatch&) = delete;
  OutputBatch& operator=(const OutputBatch&) = delete;

  // A temporary file in the same folder (same file system, so rename is atomic), created
  // empty and exclusively. Throws InputError (folder not writable, disk full...).
  std::filesystem::path reserve(const std::string& final_name);
  // Renames every reserved file to its final name.
  void commit();
  // Removes a reserved file (one that failed) so commit() leaves it out.
  void drop(const std::filesystem::path& temp);
  // Calls `f` with the final path of each file kept (not dropped), in the order reserved.
  void each_final_path(const std::function<void(const std::filesystem::path&)>& f) const;

 private:
  friend void remove_files_on_interrupt();
  // Names only, in dir_: a run of 100,000 files keeps about 100 bytes a file (full
  // std::filesystem::path objects cost ten times that, their components included).
  struct Entry {
    std::string temp, final_name;
    bool dropped = false;
  };
  std::filesystem::path dir_;
  std::vector<Entry> files_;
  size_t renamed_ = 0;  // files_[0, renamed_) have their final names
  bool committed_ = false;
  std::vector<std::filesystem::path> created_;  // folders made for this batch, deepest first
};

}  // namespace appeal::app
