#include "appeal/output_file.h"

#include <system_error>

#include "layout/input_error.h"
#include <unistd.h>

namespace appeal {

OutputBatch::OutputBatch(std::filesystem::path dir) : dir_(std::move(dir)) {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec || !std::filesystem::is_directory(dir_)) {
    throw InputError(dir_, "", "cannot create the output folder: " + (ec ? ec.message() : "not a folder"));
  }
}

OutputBatch::~OutputBatch() {
  if (committed_) return;
  for (const auto& [temp, final_path] : files_) {
    std::error_code ec;
    std::filesystem::remove(temp, ec);
  }
}

std::filesystem::path OutputBatch::reserve(const std::string& final_name) {
  // Dot-prefixed and pid-tagged: invisible to globbing users, unique per process.
  auto temp = dir_ / ("." + final_name + "." + std::to_string(getpid()) + ".tmp");
  files_.emplace_back(temp, dir_ / final_name);
  return temp;
}

void OutputBatch::commit() {
  for (const auto& [temp, final_path] : files_) std::filesystem::rename(temp, final_path);
  committed_ = true;
}

void OutputBatch::drop(const std::filesystem::path& temp) {
  for (auto it = files_.begin(); it != files_.end(); ++it) {
    if (it->first != temp) continue;
    std::error_code ec;
    std::filesystem::remove(temp, ec);
    files_.erase(it);
    return;
  }
}

}  // namespace appeal
