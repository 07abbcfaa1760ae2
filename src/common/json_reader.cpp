#include "common/json_reader.h"

#include "text/utf8.h"

#include <algorithm>
#include <cctype>
#include <unicode/uchar.h>
#include <cmath>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>

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

// Deeper nesting than any case, group or layout file needs; a limit keeps every later walk
// of the document (recursive by nature) far from the stack's end.
constexpr size_t kMaxDepth = 64;

// Counts the bytes nlohmann's lexer has read, so the SAX events below know where they are.
struct CountingIterator {
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;
  const char* p = nullptr;
  const char* begin = nullptr;
  size_t* furthest = nullptr;
  reference operator*() const { return *p; }
  CountingIterator& operator++() {
    ++p;
    if (furthest) *furthest = std::max(*furthest, static_cast<size_t>(p - begin));
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator t = *this;
    ++*this;
    return t;
  }
  bool operator==(const CountingIterator& o) const { return p == o.p; }
  bool operator!=(const CountingIterator& o) const { return p != o.p; }
};

}  // namespace

std::string bad_code_point(std::string_view s, size_t* byte) {
  size_t index = 0;
  for (size_t p = 0; p < s.size();) {
    if (byte) *byte = p;
    const char32_t c = text::next_code_point(s, p);
    ++index;
    const bool control = (c < 0x20 && c != U'\t' && c != U'\n') || c == 0x7F || (c >= 0x80 && c <= 0x9F);
    const bool nonchar = (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    if (control || nonchar || c == 0xFFFD) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
      return std::string(control ? "control character " : c == 0xFFFD ? "replacement character " : "noncharacter ") +
             buf + " (character " + std::to_string(index) + ")" +
             (c == 0xFFFD ? ": the text was damaged before it got here (save the file as UTF-8 again)" : "");
    }
  }
  return "";
}

namespace {

// A tab in a text reads as a space: letters are set, not tabulated (no font draws U+0009).
std::string spaced(std::string s) {
  for (char& c : s) {
    if (c == '\t') c = ' ';
  }
  return s;
}

// Builds the document from nlohmann's SAX events (the way its own DOM parser does) and
// adds what that parser cannot: duplicate keys are errors (nlohmann keeps the last one
// silently), nesting has a limit, numbers must be finite, every string is checked for
// code points no text may hold and normalised to NFC (text::to_nfc), keys too.
class DomBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  DomBuilder(const std::filesystem::path& file, const std::string& text, const size_t& consumed)
      : file_(file), text_(text), consumed_(consumed) {}

  nlohmann::json take() { return std::move(root_); }

  bool null() override { return add(nullptr); }
  bool boolean(bool v) override { return add(v); }
  bool number_integer(number_integer_t v) override { return add(v); }
  bool number_unsigned(number_unsigned_t v) override { return add(v); }
  bool number_float(number_float_t v, const string_t&) override { return add(v); }
  bool binary(binary_t&) override { return add(nullptr); }
  bool string(string_t& v) override {
    if (const std::string bad = bad_code_point(v); !bad.empty()) {
      throw InputError(file_, pointer_here(), "the text holds a " + bad);
    }
    return add(spaced(text::to_nfc(v)));
  }
  bool start_object(std::size_t) override {
    nlohmann::json* o = open(nlohmann::json::object());
    stack_.push_back({o, {}, {}});
    return true;
  }
  bool key(string_t& k) override {
    Level& level = stack_.back();
    std::string key = text::to_nfc(k);
    if (const std::string bad = bad_code_point(key); !bad.empty()) {
      throw InputError(file_, position(), "the key \"" + printable(key) + "\" holds a " + bad);
    }
    if (auto it = level.seen.find(key); it != level.seen.end()) {
      level.key = key;
      throw InputError(file_, position(),
                       "duplicate key \"" + printable(key) + "\" at " + pointer_here() + " (first at " +
                           line_column(text_, it->second) + "); give it once");
    }
    level.seen.emplace(key, consumed_);
    level.key = std::move(key);
    return true;
  }
  bool end_object() override {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override {
    nlohmann::json* a = open(nlohmann::json::array());
    stack_.push_back({a, {}, {}});
    return true;
  }
  bool end_array() override {
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& e) override {
    if (e.id == 406) {  // out_of_range.406: a number beyond the double range
      throw InputError(file_, line_column(text_, byte),
                       "number out of range at " + pointer_here() + " (the largest is about 1.8e308)");
    }
    std::string msg = e.what();
    if (auto p = msg.find("syntax error"); p != std::string::npos) msg = msg.substr(p);
    // nlohmann quotes what it last read; that may be the invalid bytes themselves.
    if (auto p = msg.find("; last read:"); p != std::string::npos) msg.erase(p);
    // A bad \u escape is reported after it; point at its backslash, in its string.
    if (msg.find("\\u") != std::string::npos || msg.find("surrogate") != std::string::npos) {
      const size_t esc = text_.rfind("\\u", byte > 0 ? byte - 1 : 0);
      if (esc != std::string::npos) {
        throw InputError(file_, line_column(text_, esc + 1),
                         "JSON " + msg + " (byte " + std::to_string(esc) + ", in the string at " + pointer_here() + ")");
      }
    }
    throw InputError(file_, line_column(text_, byte),
                     "JSON " + msg + " (byte " + std::to_string(byte > 0 ? byte - 1 : 0) + ")");
  }

 private:
  struct Level {
    nlohmann::json* value;
    std::string key;                      // the member being read (objects)
    std::map<std::string, size_t> seen;   // keys so far -> byte where they ended
  };

  std::string position() const { return line_column(text_, consumed_); }

  static std::string printable(const std::string& s) {
    std::string out;
    for (size_t p = 0; p < s.size();) {
      const size_t at = p;
      const char32_t c = text::next_code_point(s, p);
      if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
        out += buf;
      } else {
        out.append(s, at, p - at);
      }
    }
    return out;
  }

  // The pointer (RFC 6901) of the value being read.
  std::string pointer_here() const {
    std::string out;
    for (size_t i = 0; i < stack_.size(); ++i) {
      const Level& l = stack_[i];
      // An array's child that is open (a level below) is its last element; at the last
      // level the value being read is not placed yet.
      const size_t n = l.value->size();
      if (l.value->is_object()) out += "/" + pointer_escape(l.key);
      else out += "/" + std::to_string(i + 1 < stack_.size() && n > 0 ? n - 1 : n);
    }
    return out.empty() ? "/" : out;
  }

  nlohmann::json* open(nlohmann::json v) {
    if (stack_.size() >= kMaxDepth) {
      throw InputError(file_, position(),
                       "nested deeper than " + std::to_string(kMaxDepth) + " levels of objects and arrays at " +
                           pointer_here());
    }
    return place(std::move(v));
  }

  bool add(nlohmann::json v) {
    place(std::move(v));
    return true;
  }

  nlohmann::json* place(nlohmann::json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    Level& l = stack_.back();
    if (l.value->is_object()) return &((*l.value)[l.key] = std::move(v));
    l.value->push_back(std::move(v));
    return &l.value->back();
  }

  const std::filesystem::path& file_;
  const std::string& text_;
  const size_t& consumed_;
  nlohmann::json root_;
  std::vector<Level> stack_;
};

}  // namespace

nlohmann::json read_json_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(file, "", std::string("cannot open file: ") + std::strerror(errno));
  // A case with every language and a long background is some 100 KB; a file far larger is
  // not one (and would take its size several times over in memory).
  constexpr std::streamoff kMaxBytes = 10 << 20;
  in.seekg(0, std::ios::end);
  const std::streamoff bytes = in.tellg();
  in.seekg(0, std::ios::beg);
  if (bytes > kMaxBytes) {
    throw InputError(file, "", "the file has " + std::to_string(bytes >> 20) + " MB; JSON input is at most 10 MB");
  }
  const std::string text((std::istreambuf_iterator<char>(in)), {});
  // An empty file, only white space, or only a byte order mark: say so, at 1:1.
  size_t first = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (first < text.size() && std::strchr(" \t\r\n", text[first])) ++first;
  if (first >= text.size()) throw InputError(file, "1:1", "empty document: expected a JSON object");
  size_t consumed = 0;
  DomBuilder builder(file, text, consumed);
  const CountingIterator b{text.data(), text.data(), &consumed}, e{text.data() + text.size(), text.data(), nullptr};
  nlohmann::json::sax_parse(b, e, &builder);
  return builder.take();
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
  const auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  const std::string a = lower(word);
  std::string best;
  size_t best_d = SIZE_MAX;
  for (const std::string& cand : candidates) {
    const std::string b = lower(cand);
    // Optimal string alignment distance: insertions, deletions, substitutions, and
    // swaps of neighbours ("adress", "backgroud", "deadlnie" are one or two edits away).
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
      for (size_t j = 1; j <= b.size(); ++j) {
        d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    if (d[a.size()][b.size()] < best_d) best_d = d[a.size()][b.size()], best = cand;
  }
  const size_t limit = std::max<size_t>(1, std::min<size_t>(3, std::max(a.size(), best.size()) / 3));
  return best_d <= limit && a.size() < 64 ? best : "";
}

const JsonNode& JsonNode::allow_only(std::initializer_list<std::string_view> allowed) const {
  expect_object();
  for (auto it = value_->begin(); it != value_->end(); ++it) {
    const std::string& key = it.key();
    if (key == "$schema" || key == "$comment") continue;
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::vector<std::string> names(allowed.begin(), allowed.end());
    std::string list;
    for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
    const std::string near = closest(key, names);
    throw InputError(*file_, pointer_ + "/" + pointer_escape(key),
                     "unknown key \"" + key + "\"" + (near.empty() ? "" : "; did you mean \"" + near + "\"?") +
                         " (known here: " + list + ")");
  }
  return *this;
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
  // Something must show: white space (U+00A0 included), format characters (U+00AD,
  // U+FEFF, U+200B) and marks alone print nothing (ICU's Unicode properties).
  bool visible = false;
  for (size_t p = 0; p < s.size() && !visible;) {
    const auto c = static_cast<UChar32>(text::next_code_point(s, p));
    const int8_t type = u_charType(c);
    visible = !u_isUWhiteSpace(c) && type != U_FORMAT_CHAR && type != U_CONTROL_CHAR && type != U_NON_SPACING_MARK &&
              type != U_ENCLOSING_MARK;
  }
  if (!visible) fail(s.empty() ? "must not be empty" : "must not be empty (it holds only spaces or invisible characters)");
  return s;
}

double JsonNode::as_number() const {
  if (!value_->is_number()) fail("expected a number, got " + type_name(*value_));
  const double v = value_->get<double>();
  // No number in a case or layout file needs more; bigger ones overflow what they size
  // (a page of 1e308 mm, a label grid of 1e10 columns).
  if (!(std::fabs(v) <= kMaxNumber)) fail("must be between -1000000 and 1000000, got " + value_->dump());
  return v;
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
