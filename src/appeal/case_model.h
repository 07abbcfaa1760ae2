// An Urgent Action case as read from case.json (format: docs/case-format.md).
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "text/language_tag.h"

namespace appeal {

using LangMap = std::map<std::string, std::string>;  // language tag -> text

// How `appeal import` marks text the document did not give ("\u27E6TODO translate from en into
// ru\u27E7 Dear ..."): commands refuse it where they would print it (refuse_placeholders).
inline constexpr const char* kImportPlaceholder = "\u27E6TODO";

struct Date {
  int year = 0, month = 0, day = 0;
};

struct Address {
  std::string country;  // ISO 3166-1 alpha-2, upper case
  std::map<std::string, std::vector<std::string>> lines;  // per language, without the country
  // Optional parts composed before (or, where the post wants it, after) the lines in the
  // order of the destination's post (postal_address.h): "Herrn" / "Dr. Max Mustermann",
  // "Minister of Justice", "Ministry of Justice".
  LangMap honorific, name, title, organisation;
  LangMap country_line;  // the country line as written, per language; else from iso-codes
};

struct Target {
  std::string id;  // file-name safe: [a-z0-9-]
  size_t index = 0;  // position in the case file's /targets, for messages after --target chose some
  LangMap name, title, salutation;
  Address address;
  std::string email, fax, phone;
};

struct LetterText {
  std::string subject;             // optional
  std::vector<std::string> body;   // paragraphs, at least one (with variants: the first)
  std::string closing;
  // Versions of the body (/letters/<tag>/variants), numbered 1, 2, ... in merged letters;
  // empty: `body` is the only one.
  std::vector<std::vector<std::string>> variants;
  // A sender's personal paragraph comes after this many paragraphs of the body (0: right
  // after the salutation).
  size_t personal_after = 1;

  size_t versions() const { return variants.empty() ? 1 : variants.size(); }
  const std::vector<std::string>& version(size_t v) const { return variants.empty() ? body : variants.at(v); }
};

struct Person {
  LangMap name;
  std::string pronouns;
  std::filesystem::path photo;  // optional JPEG or PNG, absolute (resolved against the case file)
  int photo_w = 0, photo_h = 0; // its size in pixels, read when the case is read
  LangMap photo_alt;            // what the photo shows, for a screen reader; default: the name
};

// A local group's contact for the back of a leaflet.
struct Group {
  std::string name;
  std::vector<std::string> lines;  // postal address or meeting place
  std::string email, phone, web;
};

struct Case {
  std::string id, source_file;
  LangMap title;
  LangMap summary;  // a few sentences on what happened, for the leaflet's cover
  Person person;
  Date deadline;
  std::optional<Date> issued;
  std::vector<std::string> languages;  // preferred, in order
  std::vector<Target> targets;
  std::map<std::string, LetterText> letters;
  std::map<std::string, std::vector<std::string>> background, actions;
  std::map<std::string, std::string> links;  // "action": where the leaflet's QR code points
  std::optional<Group> group;
  // /strings/<tag>/<key>: the case's own fixed words, over the shipped translations.
  std::map<std::string, std::map<std::string, std::string>> strings;
  // Placeholders `appeal import` left ("\u27E6TODO ...\u27E7"): JSON pointer and the language key it
  // sits under ("" for none). Commands refuse those in the languages they write
  // (refuse_placeholders, case_reader.h).
  std::vector<std::pair<std::string, std::string>> placeholders;
  // Allowed but suspicious ("FILE:POINTER: ..."), for stderr (docs/errors.md).
  std::vector<std::string> warnings;
};

// Words never to hyphenate, in any language: the person's and every target's names, each
// part on its own ("Kassym-Jomart" gives "Kassym" and "Jomart"; the text engine matches
// inflected forms), and "Amnesty International".
std::vector<std::string> name_words(const Case& c);

// Text in `lang` along its lookup chain ("pt-BR", then "pt"), else English, else the first
// language given.
const std::string& pick(const LangMap& m, const std::string& lang);

// The key of `m` that serves `lang` along its lookup chain, or nullptr.
template <class Map>
const typename Map::key_type* find_lang(const Map& m, const std::string& lang) {
  for (const std::string& t : text::lookup_chain(lang)) {
    if (auto it = m.find(t); it != m.end()) return &it->first;
  }
  return nullptr;
}

}  // namespace appeal
