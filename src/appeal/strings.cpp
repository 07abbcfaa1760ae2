#include "appeal/strings.h"

#include <fstream>
#include <iterator>
#include <mutex>

#include <nlohmann/json.hpp>

#include "appeal/paths.h"
#include "common/input_error.h"
#include "common/json_reader.h"
#include "text/language_tag.h"

namespace appeal {

namespace {

std::filesystem::path i18n_dir() { return data_dir() / "data" / "i18n"; }

// An ICU date pattern (UTS #35, "Date Field Symbol Table") that writes a whole date: a
// day (d), a month (M or L) and a year (y), outside quoted text. "hello" or "d MMMM"
// would print a wrong date on every letter.
void check_date_format(const std::string& pattern, const std::string& file, const std::string& at) {
  bool day = false, month = false, year = false, quoted = false;
  for (char c : pattern) {
    if (c == '\'') {
      quoted = !quoted;
      continue;
    }
    if (quoted) continue;
    day = day || c == 'd';
    month = month || c == 'M' || c == 'L';
    year = year || c == 'y';
  }
  if (quoted) throw InputError(file, at, "unterminated quote in the date pattern \"" + pattern + "\"");
  if (!day || !month || !year) {
    throw InputError(file, at,
                     "the date pattern \"" + pattern +
                         "\" must give a day (d), a month (MMMM) and a year (y), e.g. \"d MMMM y\" (ICU, UTS #35)");
  }
}

}  // namespace

const std::vector<std::string>& string_keys() {
  // data/i18n/README.md describes each key for translators.
  static const std::vector<std::string> keys = {
      "sender",          "signature",        "page_of",    "urgent_action", "act_before",
      "what_you_can_do", "preferred_languages", "write_to", "background",    "scan_to_act",
      "local_group",     "group_placeholder", "email",      "signature_of",  "qr_code",
      "letters",         "envelopes",        "address_labels"};
  return keys;
}

bool optional_string_key(const std::string& key) {
  // Alternative text for a screen reader (docs/accessibility.md). A case that translates
  // the words for a language no file ships may leave them out: the documents then say
  // "<signature>: <name>" and "<scan_to_act>: <url>" in that language.
  // The files' titles ("Letters: 12", "Envelopes") likewise: without them a title says the
  // case, the target and the count.
  return key == "signature_of" || key == "qr_code" || key == "letters" || key == "envelopes" || key == "address_labels";
}

const std::vector<std::string>& required_placeholders(const std::string& key) {
  static const std::map<std::string, std::vector<std::string>> table = {
      {"page_of", {"{n}", "{m}"}}, {"act_before", {"{date}"}}, {"signature_of", {"{name}"}}, {"qr_code", {"{url}"}}};
  static const std::vector<std::string> none;
  auto it = table.find(key);
  return it == table.end() ? none : it->second;
}

const std::string& Strings::operator[](const std::string& key) const { return words.at(key); }

std::string Strings::fill(const std::string& key, const std::map<std::string, std::string>& values) const {
  auto it = words.find(key);
  std::string s;
  if (it != words.end()) {
    s = it->second;
  } else if (key == "signature_of") {  // optional_string_key: composed from required words
    s = words.at("signature") + colon + " {name}";
  } else if (key == "qr_code") {
    s = words.at("scan_to_act") + colon + " {url}";
  } else {
    s = words.at(key);
  }
  for (const auto& [name, value] : values) {
    const std::string mark = "{" + name + "}";
    for (size_t p = s.find(mark); p != std::string::npos; p = s.find(mark, p + value.size())) s.replace(p, mark.size(), value);
  }
  return s;
}

void check_strings(const std::map<std::string, std::string>& words, const std::string& file, const std::string& pointer,
                   bool complete) {
  const auto& keys = string_keys();
  for (const auto& [key, text] : words) {
    const std::string at = pointer + "/" + pointer_escape(key);
    if (key == "date_format") {
      check_date_format(text, file, at);
      continue;
    }
    if (key == "colon" || key == "$comment") continue;
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      std::string list;
      for (const std::string& k : keys) list += (list.empty() ? "" : ", ") + k;
      throw InputError(file, at, "unknown string key \"" + key + "\" (keys: " + list + ", date_format, colon)");
    }
    if (text.find_first_not_of(" \t\n\u00A0") == std::string::npos) throw InputError(file, at, "empty text");
    for (const std::string& ph : required_placeholders(key)) {
      if (text.find(ph) == std::string::npos) throw InputError(file, at, "must contain the placeholder " + ph);
    }
  }
  if (!complete) return;
  std::string missing;
  for (const std::string& k : keys) {
    if (!words.count(k)) missing += (missing.empty() ? "" : ", ") + k;
  }
  if (!missing.empty()) throw InputError(file, pointer, "translation lacks the keys " + missing);
}

const std::map<std::string, std::string>& shipped_strings(const std::string& tag) {
  static std::map<std::string, std::map<std::string, std::string>> cache;
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(tag);
  if (it != cache.end()) return it->second;
  std::map<std::string, std::string> words;
  const std::filesystem::path file = i18n_dir() / (tag + ".json");
  // A tag is letters, digits and '-' (checked by the case reader), so never a path.
  if (tag.find_first_of("/\\.") == std::string::npos && std::filesystem::is_regular_file(file)) {
    const nlohmann::json doc = read_json_file(file);
    const JsonNode root(file, doc);
    root.expect_object();
    for (const std::string& key : root.keys()) words[key] = root.at(key).as_string();
    check_strings(words, file.string(), "", true);
  }
  return cache.emplace(tag, std::move(words)).first->second;
}

std::vector<std::string> shipped_languages() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(i18n_dir(), ec)) {
    if (e.path().extension() == ".json") out.push_back(e.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

Strings strings_for(const Case& c, const std::string& lang) {
  Strings s;
  s.tag = lang;
  const std::vector<std::string> chain = text::lookup_chain(lang);
  bool colon_set = false;
  const auto take = [&](const std::map<std::string, std::string>& words) {
    for (const auto& [key, text] : words) {
      if (key == "date_format") {
        if (s.date_format.empty()) s.date_format = text;
      } else if (key == "colon") {
        if (!colon_set) s.colon = text, colon_set = true;
      } else if (key != "$comment") {
        s.words.emplace(key, text);  // the first source along the chain wins
      }
    }
  };
  for (const std::string& t : chain) {
    if (auto it = c.strings.find(t); it != c.strings.end()) take(it->second);
  }
  for (const std::string& t : chain) take(shipped_strings(t));
  std::string missing;
  for (const std::string& k : string_keys()) {
    if (!s.words.count(k) && !optional_string_key(k)) missing += (missing.empty() ? "" : ", ") + k;
  }
  if (!missing.empty()) {
    const bool none = s.words.empty();
    throw InputError(c.source_file, "/strings/" + pointer_escape(lang),
                     (none ? "no translation of the documents' fixed words ships for \"" + lang +
                                 "\" (data/i18n/" + lang + ".json); give them here: "
                           : "the translation for \"" + lang + "\" lacks ") +
                         missing);
  }
  return s;
}

}  // namespace appeal
