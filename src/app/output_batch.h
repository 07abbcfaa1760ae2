// All-or-nothing output: files are written under temporary names in the target folder and
// renamed only when every file of the run succeeded, so an error leaves nothing behind.
#pragma once
#include <filesystem>
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
  // The files of the batch, in the order reserved: {temporary, final} paths.
  const std::vector<std::pair<std::filesystem::path, std::filesystem::path>>& files() const { return files_; }

 private:
  std::filesystem::path dir_;
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> files_;  // temp, final
  bool committed_ = false;
  std::vector<std::filesystem::path> created_;  // folders made for this batch, deepest first
};

}  // namespace appeal::app
