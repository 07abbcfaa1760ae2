#include "layout/json_reader.h"

#include "text/utf8.h"

#include <fstream>
#include <iterator>

namespace appeal {

namespace {

std::string type_name(const nlohmann::json& v) {
  switch (v.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::object: return "an object";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::boolean: return "a boolean";
    default: return "a number";
  }
}

// nlohmann reports a byte offset one past the offending character; editors count lines
// and columns (in characters) from 1.
std::string line_column(const std::string& text, size_t byte) {
  if (byte > 0) --byte;
  if (byte > text.size()) byte = text.size();
  size_t line = 1, col = 1;
  for (size_t i = 0; i < byte; ++i) {
    if (text[i] == '\n') {
      ++line, col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return std::to_string(line) + ":" + std::to_string(col);
}

}  // namespace

namespace {
// Every string and key in NFC (text::to_nfc), before anything reads them.
void normalize_strings(nlohmann::json& v) {
  if (v.is_string()) {
    std::string& s = v.get_ref<std::string&>();
    s = text::to_nfc(s);
  } else if (v.is_array()) {
    for (auto& e : v) normalize_strings(e);
  } else if (v.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (auto it = v.begin(); it != v.end(); ++it) {
      nlohmann::json value = std::move(it.value());
      normalize_strings(value);
      out[text::to_nfc(it.key())] = std::move(value);
    }
    v = std::move(out);
  }
}
}  // namespace

nlohmann::json read_json_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(file, "", "cannot open file");
  const std::string text((std::istreambuf_iterator<char>(in)), {});
  try {
    nlohmann::json doc = nlohmann::json::parse(text);
    normalize_strings(doc);
    return doc;
  } catch (const nlohmann::json::parse_error& e) {
    std::string msg = e.what();
    // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
    if (auto p = msg.find("syntax error"); p != std::string::npos) msg = msg.substr(p);
    throw InputError(file, line_column(text, e.byte), "JSON " + msg);
  }
}

std::string pointer_escape(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

bool JsonNode::has(const std::string& key) const { return value_->is_object() && value_->contains(key); }

JsonNode JsonNode::at(const std::string& key) const {
  expect_object();
  auto it = value_->find(key);
  if (it == value_->end()) {
    throw InputError(*file_, pointer_ + "/" + pointer_escape(key), "missing required field \"" + key + "\"");
  }
  return JsonNode(*file_, *it, pointer_ + "/" + pointer_escape(key));
}

std::optional<JsonNode> JsonNode::find(const std::string& key) const {
  expect_object();
  auto it = value_->find(key);
  if (it == value_->end()) return std::nullopt;
  return JsonNode(*file_, *it, pointer_ + "/" + pointer_escape(key));
}

JsonNode JsonNode::at(size_t index) const {
  expect_array();
  if (index >= value_->size()) fail("index " + std::to_string(index) + " out of range");
  return JsonNode(*file_, (*value_)[index], pointer_ + "/" + std::to_string(index));
}

size_t JsonNode::size() const { return expect_array().value_->size(); }

const JsonNode& JsonNode::expect_object() const {
  if (!value_->is_object()) fail("expected an object, got " + type_name(*value_));
  return *this;
}

const JsonNode& JsonNode::expect_array() const {
  if (!value_->is_array()) fail("expected an array, got " + type_name(*value_));
  return *this;
}

std::string JsonNode::as_string() const {
  if (!value_->is_string()) fail("expected a string, got " + type_name(*value_));
  return value_->get<std::string>();
}

std::string JsonNode::as_text() const {
  std::string s = as_string();
  if (s.find_first_not_of(" \t\r\n") == std::string::npos) fail("must not be empty");
  return s;
}

double JsonNode::as_number() const {
  if (!value_->is_number()) fail("expected a number, got " + type_name(*value_));
  return value_->get<double>();
}

double JsonNode::as_positive_number() const {
  const double v = as_number();
  if (!(v > 0)) fail("must be > 0, got " + value_->dump());
  return v;
}

std::vector<std::string> JsonNode::as_string_array() const {
  if (!value_->is_array() || value_->empty() ||
      !std::all_of(value_->begin(), value_->end(), [](const auto& e) { return e.is_string(); })) {
    fail("expected an array of strings");
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < value_->size(); ++i) out.push_back(at(i).as_text());
  return out;
}

std::vector<std::string> JsonNode::keys() const {
  expect_object();
  std::vector<std::string> out;
  for (auto it = value_->begin(); it != value_->end(); ++it) out.push_back(it.key());
  return out;
}

}  // namespace appeal
