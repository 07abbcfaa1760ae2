// Reading JSON input files with errors that point at the exact spot: line:column for
// syntax, a JSON pointer (RFC 6901) for content.
#pragma once
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/input_error.h"

namespace appeal {

// Parses the file; syntax errors become InputError(file, "line:column", ...), and so do
// duplicate keys, nesting deeper than 64 levels and numbers beyond a double's range.
// Strings holding a control character or a noncharacter are errors at their pointer;
// every string and key comes back in NFC.
nlohmann::json read_json_file(const std::filesystem::path& file);

// "" when `s` is fit to be text; else what is wrong ("noncharacter U+FFFF (character 3)"):
// C0/C1 controls other than tab and line feed, noncharacters (libraries such as
// libunibreak assert on them), and U+FFFD (a decoder already lost something).
// `byte`, when given, receives the offset of that code point.
std::string bad_code_point(std::string_view s, size_t* byte = nullptr);

// A view of one JSON value with its pointer, for typed reads with located errors.
constexpr double kMaxNumber = 1e6;  // the largest magnitude as_number() accepts

class JsonNode {
 public:
  JsonNode(const std::filesystem::path& file, const nlohmann::json& value, std::string pointer = "")
      : file_(&file), value_(&value), pointer_(std::move(pointer)) {}

  const nlohmann::json& value() const { return *value_; }
  const std::string& pointer() const { return pointer_; }
  const std::filesystem::path& file() const { return *file_; }
  [[noreturn]] void fail(const std::string& msg) const { throw InputError(*file_, where(), msg); }

  bool has(const std::string& key) const;
  JsonNode at(const std::string& key) const;        // required member of an object
  std::optional<JsonNode> find(const std::string& key) const;
  JsonNode at(size_t index) const;                  // element of an array
  size_t size() const;                              // array length (requires an array)

  const JsonNode& expect_object() const;
  const JsonNode& expect_array() const;
  std::string as_string() const;            // any string
  std::string as_text() const;              // a string with visible content
  double as_number() const;
  double as_positive_number() const;
  std::vector<std::string> as_string_array() const;  // non-empty strings
  std::vector<std::string> keys() const;    // object keys in file order is lost: sorted
  // An object's keys must be among `allowed` ("$schema" and "$comment" always are): an
  // unknown key (a misspelling that would drop data silently) is an error at its pointer,
  // with the closest allowed key when one is near.
  const JsonNode& allow_only(std::initializer_list<std::string_view> allowed) const;

 private:
  std::string where() const { return pointer_.empty() ? "/" : pointer_; }
  const std::filesystem::path* file_;
  const nlohmann::json* value_;
  std::string pointer_;
};

// The candidate closest to `word` by edit distance (Damerau-Levenshtein, case-insensitive
// ASCII) when it is close enough to be a likely misspelling, else "".
std::string closest(std::string_view word, const std::vector<std::string>& candidates);

// Escapes a key for a JSON pointer ("~" -> "~0", "/" -> "~1").
std::string pointer_escape(const std::string& key);

}  // namespace appeal
