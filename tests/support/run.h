// Running the checkers (qpdf, poppler-utils) and the appeal binary from tests.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace test {

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs argv (no shell) with extra environment entries "K=V"; captures both streams.
RunResult run(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});

// A fresh empty directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& p);
void write_file(const std::filesystem::path& p, const std::string& s);
std::filesystem::path source_dir();
std::string appeal_bin();

// A GoogleTest parameter name from any label: "din5008-b-a4" -> "din5008_b_a4".
std::string test_name(std::string label);

// Collapses every run of whitespace (incl. U+00A0 and line breaks) into one space, trims.
std::string normalize_ws(const std::string& s);

}  // namespace test
