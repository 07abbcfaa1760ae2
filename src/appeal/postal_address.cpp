#include "appeal/postal_address.h"

#include "appeal/countries.h"
#include "text/itemize.h"
#include "text/utf8.h"

namespace appeal {

namespace {

std::string script_of(const std::vector<std::string>& lines) {
  std::string all;
  for (const auto& l : lines) all += l + " ";
  return text::dominant_script(all);
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
  out.lines = pick->second;
  out.lines_language = pick->first;
  if (!domestic) {
    std::string language = "en";
    if (from) language = from->language.empty() ? postal_facts(from->country).language : from->language;
    out.lines.push_back(text::to_upper(country_name(to.country, language), language));
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
