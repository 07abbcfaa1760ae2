// All-or-nothing output: files are written under temporary names in the target folder and
// renamed only when every file of the run succeeded, so an error leaves nothing behind.
#pragma once
#include <filesystem>
#include <vector>

namespace appeal {

class OutputBatch {
 public:
  explicit OutputBatch(std::filesystem::path dir);
  ~OutputBatch();  // removes every temporary file not committed
  OutputBatch(const OutputBatch&) = delete;
  OutputBatch& operator=(const OutputBatch&) = delete;

  // A temporary path in the same folder (same file system, so rename is atomic).
  std::filesystem::path reserve(const std::string& final_name);
  // Renames every reserved file to its final name.
  void commit();
  // Removes a reserved file (one that failed) so commit() leaves it out.
  void drop(const std::filesystem::path& temp);

 private:
  std::filesystem::path dir_;
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> files_;  // temp, final
  bool committed_ = false;
};

}  // namespace appeal
