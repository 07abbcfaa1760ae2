// The one error type for bad input: which file, where in it, what is wrong.
// The CLI prints what() ("file:where: message") and exits 2. Internal faults never use it.
#pragma once
#include <filesystem>
#include <stdexcept>
#include <string>

namespace appeal {

class InputError : public std::runtime_error {
 public:
  InputError(std::filesystem::path file, std::string where, const std::string& msg)
      : std::runtime_error(file.filename().string() + (where.empty() ? "" : ":" + where) + ": " + one_line(msg)),
        file_(std::move(file)),
        where_(std::move(where)) {}
  const std::filesystem::path& file() const { return file_; }
  // A JSON pointer ("/targets/1/name"), "line:column" for syntax, or "line:column" in CSV.
  const std::string& where() const { return where_; }

 private:
  // A message is one line, whatever the quoted value held: line breaks are shown as \n.
  static std::string one_line(const std::string& msg) {
    std::string out;
    for (char c : msg) {
      if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else out += c;
    }
    return out;
  }

  std::filesystem::path file_;
  std::string where_;
};

}  // namespace appeal
