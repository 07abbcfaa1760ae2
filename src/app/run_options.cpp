#include "app/run_options.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "text/language_tag.h"

namespace appeal::app {

std::string read_password(const std::string& file) {
  std::ifstream pw(file, std::ios::binary);
  if (!pw) throw UsageError("--password-file " + file + ": cannot read it");
  std::string password;
  std::getline(pw, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');) {
    const size_t b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
  }
  return out;
}

std::vector<std::string> cli_languages(const std::string& given) {
  std::vector<std::string> out;
  for (const std::string& g : split_commas(given)) {
    std::string why;
    const auto tag = text::canonical_language_tag(g, &why);
    if (!tag) throw UsageError("--lang " + g + ": " + why);
    if (std::find(out.begin(), out.end(), *tag) == out.end()) out.push_back(*tag);
  }
  if (out.empty() && !given.empty()) throw UsageError("--lang \"" + given + "\": no language tag given");
  return out;
}

}  // namespace appeal::app
