// The sample case and layouts read independently of the appeal code, as test oracles.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/run.h"

namespace test {

inline nlohmann::json sample_case() {
  return nlohmann::json::parse(read_file(source_dir() / "samples/ua-31-22/case.json"));
}

inline nlohmann::json layout_json(const std::string& name) {
  return nlohmann::json::parse(read_file(source_dir() / "layouts" / (name + ".json")));
}

// Renders `case_file` with `appeal letters` into `out`; returns the process result.
inline RunResult render_letters(const std::filesystem::path& case_file, const std::filesystem::path& out,
                                const std::vector<std::string>& extra = {}) {
  std::vector<std::string> argv = {appeal_bin(), "letters", case_file.string(), "-o", out.string()};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return run(argv, {"SOURCE_DATE_EPOCH=1686873600"});
}

}  // namespace test
