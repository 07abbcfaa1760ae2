#include "importer/vocabulary.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <mutex>
#include <nlohmann/json.hpp>

#include "appeal/paths.h"
#include "text/utf8.h"

namespace appeal::importer {
namespace {

std::vector<std::string> folded_list(const nlohmann::json& a) {
  std::vector<std::string> out;
  for (const auto& s : a) out.push_back(fold(s.get<std::string>()));
  std::sort(out.begin(), out.end(), [](const std::string& x, const std::string& y) { return x.size() > y.size(); });
  return out;
}

bool word_char(char32_t c) { return u_isalnum(static_cast<UChar32>(c)) || u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DIACRITIC); }

// The code point before byte `pos` and the one at it are not both word characters.
bool boundary_at(const std::string& s, size_t pos) {
  if (pos == 0 || pos >= s.size()) return true;
  size_t back = pos - 1;
  while (back > 0 && (static_cast<unsigned char>(s[back]) & 0xC0) == 0x80) --back;
  size_t b = back, a = pos;
  const char32_t before = text::next_code_point(s, b), after = text::next_code_point(s, a);
  return !(word_char(before) && word_char(after));
}

}  // namespace

std::string fold(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.foldCase();
  std::string f;
  u.toUTF8String(f);
  std::string out;
  bool space = false;
  for (char32_t c : text::to_u32(f)) {
    switch (c) {
      case 0x2018: case 0x2019: case 0x02BC: case 0x2032: case 0x0060: c = '\''; break;
      case 0x201C: case 0x201D: case 0x00AB: case 0x00BB: case 0x201E: c = '"'; break;
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: c = '-'; break;
      default: break;
    }
    if (c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    text::append_utf8(out, c);
  }
  return out;
}

bool starts_with_phrase(const std::string& t, const std::string& p) {
  return !p.empty() && t.compare(0, p.size(), p) == 0 && boundary_at(t, p.size());
}

bool contains_phrase(const std::string& t, const std::string& p) {
  for (size_t pos = t.find(p); !p.empty() && pos != std::string::npos; pos = t.find(p, pos + 1)) {
    if (boundary_at(t, pos) && boundary_at(t, pos + p.size())) return true;
  }
  return false;
}

std::string leading_phrase(const std::string& t, const std::vector<std::string>& phrases) {
  std::string best;
  for (const std::string& p : phrases) {
    if (p.size() > best.size() && starts_with_phrase(t, p)) best = p;
  }
  return best;
}

const Vocabulary& vocabulary() {
  static Vocabulary v;
  static std::once_flag once;
  std::call_once(once, [] {
    const std::string file = (data_dir() / "data/import/vocabulary.json").string();
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(file + ": missing");
    const nlohmann::json j = nlohmann::json::parse(std::string(std::istreambuf_iterator<char>(in), {}));
    for (const auto& [kind, list] : j.at("labels").items()) {
      for (const auto& l : list) v.labels.emplace_back(fold(l.get<std::string>()), kind);
    }
    std::sort(v.labels.begin(), v.labels.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (const auto& [lang, list] : j.at("salutations").items()) v.salutations[lang] = folded_list(list);
    for (const auto& [lang, list] : j.at("closings").items()) v.closings[lang] = folded_list(list);
    for (const auto& [lang, list] : j.at("function_words").items()) {
      if (lang[0] != '$') v.function_words[lang] = folded_list(list);
    }
    v.offices = folded_list(j.at("offices"));
    v.organisations = folded_list(j.at("organisations"));
    v.honorifics = folded_list(j.at("honorifics"));
    for (const auto& [kind, list] : j.at("contacts").items()) v.contacts[kind] = folded_list(list);
  });
  return v;
}

}  // namespace appeal::importer
