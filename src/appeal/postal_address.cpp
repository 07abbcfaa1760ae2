#include "appeal/postal_address.h"

#include "appeal/countries.h"

#include <algorithm>
#include "text/itemize.h"
#include "text/utf8.h"

namespace appeal {

namespace {

std::string script_of(const std::vector<std::string>& lines) {
  std::string all;
  for (const auto& l : lines) all += l + " ";
  return text::dominant_script(all);
}

// The part of `m` for the lines' language, if the case gives one.
const std::string* part(const LangMap& m, const std::string& lang, std::string* tag) {
  const std::string* t = find_lang(m, lang);
  if (!t) return nullptr;
  *tag = *t;
  return &m.at(*t);
}

void compose(const Address& to, const std::string& lang, const std::vector<std::string>& lines, RecipientBlock& out) {
  const PostalFacts post = postal_facts(to.country);
  // The post's own conventions apply to an address in its own script; Latin lines for a
  // country with another script follow the international (name-first) order.
  const bool own_script = post.script == "Latn" || script_of(lines) == post.script;
  const std::string order = own_script ? post.order : "name_first";
  const std::string honorific_at = own_script ? post.honorific : "before_name";

  std::vector<std::pair<std::string, std::string>> head;  // (line, source)
  std::string tag;
  const std::string* honorific = part(to.honorific, lang, &tag);
  const std::string honorific_src = "/address/honorific/" + tag;
  const std::string* name = part(to.name, lang, &tag);
  const std::string name_src = "/address/name/" + tag;
  if (honorific && honorific_at == "own_line") head.emplace_back(*honorific, honorific_src);
  if (name) {
    std::string line = *name;
    if (honorific && honorific_at == "before_name") line = *honorific + " " + line;
    if (honorific && honorific_at == "after_name") line += " " + *honorific;
    head.emplace_back(line, name_src);
  } else if (honorific && honorific_at != "own_line") {
    head.emplace_back(*honorific, honorific_src);
  }
  if (const std::string* t = part(to.title, lang, &tag)) head.emplace_back(*t, "/address/title/" + tag);
  if (const std::string* o = part(to.organisation, lang, &tag)) head.emplace_back(*o, "/address/organisation/" + tag);

  std::vector<std::pair<std::string, std::string>> body;
  for (size_t i = 0; i < lines.size(); ++i) body.emplace_back(lines[i], "/address/lines/" + lang + "/" + std::to_string(i));
  if (order == "name_last") {
    // Locality down to the recipient: the organisation, then the person with their title.
    std::reverse(head.begin(), head.end());
    body.insert(body.end(), head.begin(), head.end());
  } else {
    body.insert(body.begin(), head.begin(), head.end());
  }
  for (auto& [line, src] : body) {
    out.lines.push_back(std::move(line));
    out.sources.push_back(std::move(src));
  }
}

}  // namespace

RecipientBlock format_recipient(const Address& to, const std::string& letter_language,
                                const std::optional<Origin>& from) {
  RecipientBlock out;
  const std::string* tag = find_lang(to.lines, letter_language);
  auto pick = tag ? to.lines.find(*tag) : to.lines.end();
  if (pick == to.lines.end()) pick = to.lines.find("en");
  if (pick == to.lines.end()) pick = to.lines.begin();
  const bool domestic = from && from->country == to.country;

  if (from && !domestic) {
    // The origin post must read the address: prefer lines in its script, then Latin.
    const std::string origin_script = postal_facts(from->country).script;
    if (script_of(pick->second) != origin_script) {
      for (const std::string& want : {origin_script, std::string("Latn")}) {
        auto en = to.lines.find("en");
        if (en != to.lines.end() && script_of(en->second) == want) {
          pick = en;
          break;
        }
        bool found = false;
        for (auto it = to.lines.begin(); it != to.lines.end(); ++it) {
          if (script_of(it->second) == want) {
            pick = it;
            found = true;
            break;
          }
        }
        if (found) break;
      }
    }
  }
  out.lines_language = pick->first;
  compose(to, pick->first, pick->second, out);
  if (!domestic) {
    std::string language = "en";
    if (from) language = from->language.empty() ? postal_facts(from->country).language : from->language;
    // As the case writes it, when it does for that language ("Қазақстан / KAZAKHSTAN").
    const std::string* given = find_lang(to.country_line, language);
    out.lines.push_back(given ? to.country_line.at(*given) : text::to_upper(country_name(to.country, language), language));
    out.sources.push_back(given ? "/address/country_line/" + *given : "/address/country");
    out.country_line = true;
  }
  return out;
}

std::vector<std::string> format_return_address(const std::string& name, const std::vector<std::string>& address,
                                               const std::string& sender_country, const std::string& destination) {
  std::vector<std::string> out{name};
  out.insert(out.end(), address.begin(), address.end());
  if (sender_country != destination) out.push_back(text::to_upper(country_name(sender_country, "en"), "en"));
  return out;
}

}  // namespace appeal
