#include "appeal/case_reader.h"
#include <cmath>

#include <set>

#include <algorithm>
#include <cctype>

#include "image/image_file.h"


#include "appeal/contact_check.h"
#include "appeal/countries.h"
#include "appeal/dates.h"
#include "appeal/strings.h"
#include "text/language_tag.h"
#include "common/json_reader.h"

namespace appeal {

std::vector<std::string> name_words(const Case& c) {
  std::vector<std::string> out = {"Amnesty", "International"};
  const auto add = [&](const LangMap& names) {
    for (const auto& [lang, name] : names) {
      std::string word;
      for (char ch : name + " ") {
        if (ch == ' ' || ch == '-') {
          if (!word.empty()) out.push_back(word);
          word.clear();
        } else {
          word += ch;
        }
      }
    }
  };
  add(c.person.name);
  for (const Target& t : c.targets) add(t.name);
  return out;
}

const std::string& pick(const LangMap& m, const std::string& lang) {
  static const std::string empty;
  if (const std::string* k = find_lang(m, lang)) return m.at(*k);
  if (auto it = m.find("en"); it != m.end()) return it->second;
  return m.empty() ? empty : m.begin()->second;
}

namespace {

// A BCP 47 tag in canonical form ("pt-br" -> "pt-BR"), or bad input at `where`.
std::string language_tag(const JsonNode& where, const std::string& tag) {
  std::string why;
  const auto t = text::canonical_language_tag(tag, &why);
  if (!t) where.fail(why);
  return *t;
}

// The keys of a language map, canonical, each with its node; two spellings of one tag
// ("pt-BR" and "pt-br") are an error.
std::vector<std::pair<std::string, JsonNode>> lang_keys(const JsonNode& n) {
  n.expect_object();
  std::vector<std::pair<std::string, JsonNode>> out;
  for (const std::string& key : n.keys()) {
    const JsonNode v = n.at(key);
    const std::string tag = language_tag(v, key);
    for (const auto& [seen, node] : out) {
      if (seen == tag) v.fail("language \"" + tag + "\" given twice (also at " + node.pointer() + ")");
    }
    out.emplace_back(tag, v);
  }
  return out;
}

// {"en": "...", "ru": "..."}; `required` languages must be served (directly or through
// their base language: "pt" serves "pt-BR").
LangMap read_lang_map(const JsonNode& n, const std::vector<std::string>& required) {
  LangMap m;
  for (const auto& [tag, v] : lang_keys(n)) m[tag] = v.as_text();
  for (const std::string& lang : required) {
    if (!find_lang(m, lang)) {
      throw InputError(n.file(), n.pointer() + "/" + lang, "missing text for preferred language \"" + lang + "\"");
    }
  }
  if (m.empty()) n.fail("expected at least one language");
  return m;
}

std::map<std::string, std::vector<std::string>> read_lang_lists(const JsonNode& n) {
  std::map<std::string, std::vector<std::string>> m;
  for (const auto& [tag, v] : lang_keys(n)) m[tag] = v.as_string_array();
  return m;
}

Date read_date(const JsonNode& n) {
  const auto d = parse_iso_date(n.as_string());
  if (!d) n.fail("expected a date as YYYY-MM-DD, got \"" + n.as_string() + "\"");
  return *d;
}

std::string optional_text(const JsonNode& n, const std::string& key) {
  auto v = n.find(key);
  return v && !v->value().is_null() ? v->as_text() : std::string();
}

// An optional contact detail, checked by `problem` (contact_check.h) when present.
std::string optional_checked(const JsonNode& n, const std::string& key, std::string (*problem)(std::string_view)) {
  const std::string v = optional_text(n, key);
  if (!v.empty()) {
    if (const std::string why = problem(v); !why.empty()) n.at(key).fail(why + ": \"" + v + "\"");
  }
  return v;
}

Target read_target(const JsonNode& n, const std::vector<std::string>& langs) {
  n.allow_only({"id", "name", "title", "salutation", "address", "email", "fax", "phone"});
  Target t;
  const JsonNode id = n.at("id");
  t.id = id.as_text();
  // It names files: lower-case ASCII letters, digits and '-', at most 64 characters.
  const bool id_ok = !t.id.empty() && t.id.size() <= 64 && t.id[0] != '-' &&
                     std::all_of(t.id.begin(), t.id.end(), [](char ch) {
                       return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
                     });
  if (!id_ok) id.fail("must be 1 to 64 lower-case letters, digits and '-', not starting with '-' (it names files)");
  t.name = read_lang_map(n.at("name"), {});
  if (auto title = n.find("title")) t.title = read_lang_map(*title, {});
  t.salutation = read_lang_map(n.at("salutation"), langs);
  const JsonNode addr = n.at("address");
  addr.allow_only({"country", "lines", "honorific", "name", "title", "organisation", "country_line"});
  const JsonNode country = addr.at("country");
  t.address.country = country.as_text();
  const bool cc_ok = t.address.country.size() == 2 && std::isupper(static_cast<unsigned char>(t.address.country[0])) &&
                     std::isupper(static_cast<unsigned char>(t.address.country[1]));
  if (!cc_ok || !country_name_en(t.address.country)) {
    const std::string hint = t.address.country.size() <= 64 ? suggest_country_code(t.address.country) : "";
    // "ZZ" (CLDR's unknown region) is what `appeal import` writes when it cannot tell.
    country.fail((cc_ok ? "unknown ISO 3166-1 country code \"" + t.address.country + "\"" +
                              (t.address.country == "ZZ" ? " (left by `appeal import`: it could not tell the country)" : "")
                        : std::string("expected an ISO 3166-1 alpha-2 code such as \"KZ\"")) +
                 (hint.empty() ? "" : "; did you mean \"" + hint + "\"?"));
  }
  t.address.lines = read_lang_lists(addr.at("lines"));
  for (const auto& [key, part] : {std::pair<const char*, LangMap*>{"honorific", &t.address.honorific},
                                  {"name", &t.address.name},
                                  {"title", &t.address.title},
                                  {"organisation", &t.address.organisation},
                                  {"country_line", &t.address.country_line}}) {
    if (auto n = addr.find(key)) *part = read_lang_map(*n, {});
  }
  if (t.address.lines.empty()) addr.at("lines").fail("expected address lines for at least one language");
  t.email = optional_checked(n, "email", email_problem);
  t.fax = optional_checked(n, "fax", phone_problem);
  t.phone = optional_checked(n, "phone", phone_problem);
  return t;
}

LetterText read_letter(const JsonNode& n, std::vector<std::string>& warnings) {
  n.allow_only({"subject", "body", "closing", "variants", "personal_after"});
  LetterText l;
  l.subject = optional_text(n, "subject");
  const auto paragraphs = [](const JsonNode& v) {
    if (v.value().is_array() && v.value().empty()) v.fail("the letter body is empty");
    return v.as_string_array();
  };
  // Variants are the versions of the body, in order; `body` beside them is not used (said,
  // not dropped silently), and may then be left out.
  if (const auto variants = n.find("variants")) {
    variants->expect_array();
    if (variants->size() == 0) variants->fail("expected at least one version of the body (an array of paragraphs)");
    for (size_t i = 0; i < variants->size(); ++i) l.variants.push_back(paragraphs(variants->at(i)));
    l.body = l.variants.front();
    if (const auto body = n.find("body"); body && body->value() != variants->at(0).value()) {
      warnings.push_back(n.file().filename().string() + ":" + (body->pointer().empty() ? "/" : body->pointer()) +
                         ": not used: the letters are written from " + variants->pointer() + " (variant 1 is their first)");
    }
  } else {
    l.body = paragraphs(n.at("body"));
  }
  l.closing = n.at("closing").as_text();
  if (const auto after = n.find("personal_after")) {
    const double v = after->as_number();
    size_t shortest = l.body.size();
    for (const auto& version : l.variants) shortest = std::min(shortest, version.size());
    if (v < 0 || v != std::floor(v) || v > static_cast<double>(shortest)) {
      after->fail("expected a whole number from 0 to " + std::to_string(shortest) +
                  " (the personal paragraph comes after that many paragraphs of the body" +
                  (l.variants.empty() ? "" : ", in every variant") + ")");
    }
    l.personal_after = static_cast<size_t>(v);
  } else {
    l.personal_after = 1;  // after the first paragraph; every body has one
  }
  return l;
}

// Keys whose object is keyed by language ({"en": ..., "ru": ...}).
bool language_keyed(const std::string& key) {
  static const std::set<std::string> keys = {"title", "summary", "name", "salutation", "letters", "background", "actions",
                                             "lines", "honorific", "organisation", "country_line"};
  return keys.count(key) > 0;
}

void find_placeholders(const nlohmann::json& v, const std::string& pointer, const std::string& parent_key,
                       const std::string& language, std::vector<std::pair<std::string, std::string>>& out) {
  if (v.is_string()) {
    if (v.get_ref<const std::string&>().find(kImportPlaceholder) != std::string::npos) out.emplace_back(pointer, language);
  } else if (v.is_object()) {
    for (const auto& [k, child] : v.items()) {
      const std::string lang = language.empty() && language_keyed(parent_key) ? k : language;
      find_placeholders(child, pointer + "/" + pointer_escape(k), k, lang, out);
    }
  } else if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i) find_placeholders(v[i], pointer + "/" + std::to_string(i), parent_key, language, out);
  }
}

}  // namespace

void refuse_placeholders(const Case& c, const std::vector<std::string>& languages) {
  for (const auto& [pointer, lang] : c.placeholders) {
    // Under a target --target left out: not written, not refused.
    if (pointer.rfind("/targets/", 0) == 0) {
      const size_t index = std::stoul(pointer.substr(9));
      if (std::none_of(c.targets.begin(), c.targets.end(), [&](const Target& t) { return t.index == index; })) continue;
    }
    if (lang.empty()) {
      throw InputError(c.source_file, pointer, "a placeholder left by `appeal import`: fill it in (see the .import.json report)");
    }
    for (const std::string& l : languages) {
      if (text::primary_language(l) == text::primary_language(lang)) {
        throw InputError(c.source_file, pointer,
                         "a placeholder left by `appeal import`: translate it into " + text::language_display_name(lang, "en") +
                             " (" + lang + ") and remove the mark, or choose other languages with --lang");
      }
    }
  }
}

Case read_case(const std::filesystem::path& file, const CanDraw& can_draw, const std::string& fonts_named) {
  const nlohmann::json doc = read_json_file(file);
  const JsonNode root(file, doc);
  // What `appeal import` could not fill in is refused before anything else complains about
  // its shape (a placeholder deadline): the message says what to do.
  std::vector<std::pair<std::string, std::string>> placeholders;
  find_placeholders(doc, "", "", "", placeholders);
  for (const auto& [pointer, lang] : placeholders) {
    if (lang.empty()) {
      throw InputError(file, pointer, "a placeholder left by `appeal import`: fill it in (see the .import.json report)");
    }
  }
  root.allow_only({"id", "title", "summary", "person", "deadline", "issued", "languages", "targets", "letters",
                   "background", "actions", "links", "strings", "group"});
  Case c;
  c.source_file = file.string();
  c.placeholders = std::move(placeholders);
  c.id = root.at("id").as_text();

  const JsonNode langs = root.at("languages");
  if (langs.value().is_array() && langs.value().empty()) langs.fail("expected at least one preferred language (a BCP 47 tag such as \"es\")");
  c.languages = langs.as_string_array();
  for (size_t i = 0; i < c.languages.size(); ++i) {
    c.languages[i] = language_tag(langs.at(i), c.languages[i]);
    for (size_t k = 0; k < i; ++k) {
      if (c.languages[k] == c.languages[i]) langs.at(i).fail("language listed twice");
    }
  }
  c.title = read_lang_map(root.at("title"), {});
  if (auto summary = root.find("summary")) c.summary = read_lang_map(*summary, {});
  const JsonNode person = root.at("person");
  person.allow_only({"name", "pronouns", "photo", "photo_alt"});
  c.person.name = read_lang_map(person.at("name"), {});
  for (const auto& [tag, name] : c.person.name) {
    if (name.find('\n') != std::string::npos) person.at("name").at(tag).fail("a name is one line: remove the line break");
  }
  c.person.pronouns = optional_text(person, "pronouns");
  if (auto photo = person.find("photo")) {
    c.person.photo = std::filesystem::absolute(file.parent_path() / photo->as_text());
    if (!std::filesystem::is_regular_file(c.person.photo)) photo->fail("photo file \"" + photo->as_text() + "\" does not exist");
    try {
      const image::ImageData img = image::load_image(c.person.photo.string());
      c.person.photo_w = img.width;
      c.person.photo_h = img.height;
    } catch (const image::ImageError& e) {
      photo->fail(std::string("photo: ") + e.what());
    }
  }
  if (auto alt = person.find("photo_alt")) {
    if (c.person.photo.empty()) alt->fail("describes a photo the case does not give: add /person/photo or remove this");
    c.person.photo_alt = read_lang_map(*alt, {});
  }
  c.deadline = read_date(root.at("deadline"));
  if (auto issued = root.find("issued")) c.issued = read_date(*issued);

  const JsonNode targets = root.at("targets");
  if (targets.size() == 0) targets.fail("expected at least one target");
  for (size_t i = 0; i < targets.size(); ++i) {
    c.targets.push_back(read_target(targets.at(i), c.languages));
    c.targets.back().index = i;
    // A postcode shaped like another country's, and none like the destination's: the
    // lines or /address/country are probably from two different addresses.
    for (const auto& [tag, lines] : c.targets.back().address.lines) {
      const auto [postcode, other] = foreign_postcode(lines, c.targets.back().address.country);
      if (postcode.empty()) continue;
      c.warnings.push_back(file.filename().string() + ":/targets/" + std::to_string(i) + "/address/lines/" + tag +
                           ": \"" + postcode + "\" has the shape of a postcode of " + other + ", and no line one of " +
                           c.targets.back().address.country + " (/address/country)");
    }
    // A country written into the lines as well as in /address/country would print twice
    // (or contradict it): the country line is added from the code.
    for (const auto& [tag, lines] : c.targets.back().address.lines) {
      const std::string& last = lines.back();
      const std::string named = last.size() <= 64 ? suggest_country_code(last) : "";
      if (named.empty() || last.size() <= 3) continue;
      const std::string& code = c.targets.back().address.country;
      c.warnings.push_back(file.filename().string() + ":/targets/" + std::to_string(i) + "/address/lines/" + tag + "/" +
                           std::to_string(lines.size() - 1) + ": the last line \"" + last + "\" names " +
                           (named == code ? "the country, which appeal adds from /address/country (" + code + "): it would print twice"
                                          : "another country (" + named + ") than /address/country (" + code + ")"));
    }
    for (size_t k = 0; k < i; ++k) {
      if (c.targets[k].id == c.targets[i].id) targets.at(i).at("id").fail("target id used twice");
    }
  }
  const JsonNode letters = root.at("letters");
  std::map<std::string, JsonNode> letter_nodes;
  for (const auto& [tag, v] : lang_keys(letters)) letter_nodes.emplace(tag, v);
  for (const std::string& lang : c.languages) {
    const std::string* key = find_lang(letter_nodes, lang);
    if (!key) throw InputError(file, "/letters/" + lang, "missing the letter in preferred language \"" + lang + "\"");
    c.letters[lang] = read_letter(letter_nodes.at(*key), c.warnings);
  }
  // Letters in other languages too: `--lang` may choose one the officials did not ask for
  // (a group writing in its own language).
  for (const auto& [tag, node] : letter_nodes) {
    if (!c.letters.count(tag)) c.letters[tag] = read_letter(node, c.warnings);
  }
  if (auto b = root.find("background")) c.background = read_lang_lists(*b);
  if (auto a = root.find("actions")) c.actions = read_lang_lists(*a);
  if (auto links = root.find("links")) {
    // Links print and become QR codes: absolute http(s) only.
    for (const std::string& key : links->keys()) {
      c.links[key] = links->at(key).as_text();
      if (const std::string why = url_problem(c.links[key]); !why.empty()) links->at(key).fail(why);
    }
  }
  if (auto g = root.find("group")) c.group = read_group(*g);
  if (auto strings = root.find("strings")) {
    for (const auto& [tag, v] : lang_keys(*strings)) {
      v.expect_object();
      std::map<std::string, std::string>& words = c.strings[tag];
      for (const std::string& key : v.keys()) words[key] = v.at(key).as_string();
      check_strings(words, file.string(), v.pointer(), false);
    }
  }

  if (can_draw) check_drawable(file, doc, can_draw, fonts_named);
  return c;
}

Group read_group(const JsonNode& n) {
  n.allow_only({"name", "lines", "email", "phone", "web"});
  Group g;
  g.name = n.at("name").as_text();
  if (auto lines = n.find("lines")) g.lines = lines->as_string_array();
  g.email = optional_checked(n, "email", email_problem);
  g.phone = optional_checked(n, "phone", phone_problem);
  g.web = optional_checked(n, "web", web_problem);
  return g;
}

Group read_group_file(const std::filesystem::path& file, const CanDraw& can_draw, const std::string& fonts_named) {
  const nlohmann::json doc = read_json_file(file);
  Group g = read_group(JsonNode(file, doc));
  if (can_draw) check_drawable(file, doc, can_draw, fonts_named);
  return g;
}

}  // namespace appeal
