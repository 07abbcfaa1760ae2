// The error types for bad input and unwritable output, shared by every reader and writer:
// which file, where in it, what is wrong. The CLI prints what() and exits 2. Internal
// faults never use them.
#pragma once
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace appeal {

// Bad input whose message is already whole ("signature.p12: wrong password"): the base of
// every bad-input error, so one handler reports them all with exit status 2.
class BadInput : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The output cannot be created or written (no permission, disk full): the user's to fix,
// reported as "appeal: <what>" with exit status 2, never as a bug.
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Several bad-input messages at once, in file order: the bad records of a senders CSV, or
// the addresses that could not fit and the files left unwritten for them. Exit status 2.
class InputMessages : public std::exception {
 public:
  explicit InputMessages(std::vector<std::string> messages) : messages_(std::move(messages)) {}
  const char* what() const noexcept override { return "bad input"; }
  const std::vector<std::string>& messages() const { return messages_; }

 private:
  std::vector<std::string> messages_;
};

class InputError : public BadInput {
 public:
  InputError(std::filesystem::path file, std::string where, const std::string& msg)
      : BadInput(file.filename().string() + (where.empty() ? "" : ":" + where) + ": " + one_line(msg)),
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
