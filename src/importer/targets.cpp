#include "importer/targets.h"

#include <unicode/uchar.h>

#include <regex>

#include "appeal/countries.h"
#include "importer/fields.h"
#include "importer/vocabulary.h"
#include "text/utf8.h"

namespace appeal::importer {
namespace {

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == ';')) s.pop_back();
  size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == ':' || s[b] == '.')) ++b;
  return s.substr(b);
}

bool has_digit(const std::string& s) {
  for (char c : s) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

const std::regex& email_re() {
  static const std::regex re(R"(([A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}))");
  return re;
}

// Words of a personal name: each starts with a capital (or is a particle such as "de",
// "van", "al", "bin"), no digits, one to six words; scripts without case pass on length.
bool name_like(const std::string& line) {
  if (line.empty() || has_digit(line) || line.find(',') != std::string::npos || line.find('@') != std::string::npos) return false;
  static const std::vector<std::string> particles = {"de", "da", "do", "dos", "das", "del", "della", "di", "van", "von", "der",
                                                     "den", "la", "le", "el", "al", "bin", "bint", "ibn", "y", "e", "ben", "ter"};
  size_t words = 0;
  bool ok = true;
  std::string w;
  auto check = [&] {
    if (w.empty()) return;
    ++words;
    const std::u32string u = text::to_u32(w);
    const bool cased = u_isupper(static_cast<UChar32>(u[0])) || u_istitle(static_cast<UChar32>(u[0]));
    const bool caseless = !u_islower(static_cast<UChar32>(u[0])) && !cased && u_isalpha(static_cast<UChar32>(u[0]));
    const std::string lw = fold(w);
    if (!cased && !caseless && std::find(particles.begin(), particles.end(), lw) == particles.end() &&
        lw.rfind("al-", 0) != 0) {
      ok = false;
    }
    w.clear();
  };
  for (char c : line) {
    if (c == ' ') check();
    else w += c;
  }
  check();
  return ok && words >= 1 && words <= 6;
}

}  // namespace

bool contact_line(const std::string& line, std::string& kind, std::string& value) {
  const Vocabulary& v = vocabulary();
  const std::string f = fold(line);
  if (starts_with_phrase(f, "salutation")) {
    kind = "salutation";
    value = trim(line.substr(line.find_first_of(": ") == std::string::npos ? line.size() : line.find_first_of(": ")));
    return true;
  }
  for (const char* k : {"email", "fax", "phone", "social"}) {
    const std::string label = leading_phrase(f, v.contacts.at(k));
    if (label.empty()) continue;
    // The label's length in the original line: as many code points as the folded label
    // (case folding keeps the count for these labels' letters).
    const size_t cps = text::to_u32(label).size();
    size_t byte = 0, n = 0;
    while (byte < line.size() && n < cps) {
      text::next_code_point(line, byte);
      ++n;
    }
    std::string rest = line.substr(byte);
    // "Fax: +7 ..., Tel: ...": several on one line are not split; the first is taken.
    rest = trim(rest);
    if (std::string(k) == "social" && rest.find('@') == std::string::npos && rest.find("http") == std::string::npos &&
        rest.find('.') == std::string::npos) {
      continue;  // "X" alone, or "Web" in a sentence: not a contact
    }
    if (std::string(k) == "email") {
      std::smatch m;
      if (!std::regex_search(rest, m, email_re())) continue;
      rest = m[1];
    }
    if ((std::string(k) == "fax" || std::string(k) == "phone") && !has_digit(rest)) continue;
    kind = k;
    value = rest;
    return true;
  }
  std::smatch m;
  if (std::regex_match(line, m, std::regex(R"(\s*(?:mailto:)?([A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})\s*)"))) {
    kind = "email";
    value = m[1];
    return true;
  }
  if (std::regex_match(line, std::regex(R"(\s*\+?\(?[0-9][0-9 ().\-/]{5,}[0-9]\s*)"))) {
    kind = "phone";
    value = trim(line);
    return true;
  }
  return false;
}

std::vector<TargetDraft> split_targets(const std::vector<Line>& lines, bool copies) {
  std::vector<TargetDraft> out;
  bool after_contact = false;
  for (const Line& l : lines) {
    if (l.text.empty()) continue;
    std::string kind, value;
    const bool contact = contact_line(l.text, kind, value);
    const bool start = out.empty() || (!contact && after_contact) ||
                       (!contact && l.gap_before && out.back().lines.size() >= 2);
    if (start) {
      out.emplace_back();
      out.back().copy = copies;
      after_contact = false;
    }
    TargetDraft& t = out.back();
    if (!contact) {
      t.lines.push_back(l.text);
      continue;
    }
    // A salutation closes its target too, like a contact line.
    after_contact = true;
    if (kind == "email" && t.email.empty()) t.email = value;
    else if (kind == "fax" && t.fax.empty()) t.fax = value;
    else if (kind == "phone" && t.phone.empty()) t.phone = value;
    else if (kind == "salutation") t.salutation = value;
    else t.other.push_back(l.text);
  }
  // A block of contact lines alone (no name) belongs to the target before it.
  for (size_t i = 1; i < out.size();) {
    if (out[i].lines.empty()) {
      TargetDraft& prev = out[i - 1];
      if (prev.email.empty()) prev.email = out[i].email;
      if (prev.fax.empty()) prev.fax = out[i].fax;
      if (prev.phone.empty()) prev.phone = out[i].phone;
      if (!out[i].salutation.empty()) prev.salutation = out[i].salutation;
      prev.other.insert(prev.other.end(), out[i].other.begin(), out[i].other.end());
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(i));
    } else {
      ++i;
    }
  }
  if (!out.empty() && out[0].lines.empty()) out.erase(out.begin());
  return out;
}

nlohmann::ordered_json build_target(const TargetDraft& d, const TargetContext& ctx, const std::string& pointer,
                                    std::vector<Finding>& findings) {
  const Vocabulary& v = vocabulary();
  const std::string& L = ctx.language;
  std::string honorific, name, title, organisation;
  std::vector<std::string> lines = d.lines;
  // Name, office and organisation come first, in any order; the address follows.
  size_t used = 0;
  for (; used < lines.size() && used < 4; ++used) {
    std::string f = fold(lines[used]);
    if (f.rfind("the ", 0) == 0) f.erase(0, 4);
    const bool office = !leading_phrase(f, v.offices).empty();
    bool org = !leading_phrase(f, v.organisations).empty();
    if (!org && !has_digit(f)) {
      for (const std::string& o : v.organisations) org = org || contains_phrase(f, o);
    }
    std::string rest = lines[used];
    const std::string hon = leading_phrase(fold(rest), v.honorifics);
    if (office && title.empty() && !(org && leading_phrase(f, v.organisations).size() > 0)) {
      title = lines[used];
    } else if (org && organisation.empty() && (!office || !title.empty())) {
      organisation = lines[used];  // "Ministry of Justice", "Prosecutor General's Office"
    } else if (!hon.empty() && name.empty() && !office && !org) {
      // "H.E. Mr Berik Asylov": every courtesy title in front, then the name.
      size_t byte = 0;
      for (std::string h = hon; !h.empty(); h = leading_phrase(fold(rest.substr(byte)), v.honorifics)) {
        const size_t cps = text::to_u32(h).size();
        for (size_t n = 0; n < cps; ++n) text::next_code_point(rest, byte);
        while (byte < rest.size() && rest[byte] == ' ') ++byte;
      }
      honorific = trim(rest.substr(0, byte));
      name = trim(rest.substr(byte));
    } else if (name.empty() && !office && !org && name_like(lines[used])) {
      name = lines[used];
    } else if (used == 0 && lines.size() > 1 && !has_digit(lines[0]) && name_like(lines[1]) && !name_like(lines[0])) {
      title = lines[0];  // an office the vocabulary does not know, above a name
    } else {
      break;
    }
  }
  lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(used));

  // The country: a line that is its name ("Republic of Kazakhstan") or ends in it.
  // "USA", "U.K.", "UAE": letters a post reads as a country (alpha-3 codes and "UK").
  auto abbreviation = [](const std::string& line) -> std::string {
    std::string t;
    for (char c : line) {
      if (c == '.' || c == ' ') continue;
      if (c < 'A' || c > 'Z') return "";
      t += c;
    }
    return t.size() == 3 || t == "UK" ? suggest_country_code(t) : "";
  };
  std::string country, country_from;
  for (size_t i = lines.size(); i-- > 0 && country.empty();) {
    std::string c = country_from_name(lines[i], ctx.name_languages);
    if (c.empty()) c = abbreviation(lines[i]);
    if (!c.empty()) {
      country = c;
      country_from = "the line \"" + lines[i] + "\"";
      lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i));
    } else if (size_t comma = lines[i].rfind(','); comma != std::string::npos) {
      if (std::string c2 = country_from_name(lines[i].substr(comma + 1), ctx.name_languages); !c2.empty()) {
        country = c2;
        country_from = "the line \"" + lines[i] + "\"";
        lines[i] = trim(lines[i].substr(0, comma));
      }
    }
  }
  // Else: "Ambassador of X to the United States", "Embassy of X in Y": where the office is.
  if (country.empty()) {
    for (const std::string& s : {title, organisation}) {
      const std::string f = fold(s);
      for (const char* prep : {" to ", " in ", " en ", " à ", " au ", " aux ", " a "}) {
        const size_t p = f.rfind(prep);
        if (p == std::string::npos || !country.empty()) continue;
        const std::string c = country_from_name(f.substr(p + std::char_traits<char>::length(prep)), ctx.name_languages);
        if (!c.empty()) {
          country = c;
          country_from = "\"" + s + "\"";
        }
      }
    }
  }
  std::string phone_country;
  for (const std::string* n : {&d.fax, &d.phone}) {
    if (phone_country.empty() && !n->empty()) phone_country = phone_region(*n);
  }
  if (country.empty() && !phone_country.empty()) {
    country = phone_country;
    country_from = "the telephone number's country code";
  }
  if (country.empty() && !d.email.empty()) {
    const size_t dot = d.email.rfind('.');
    std::string tld = dot == std::string::npos ? "" : d.email.substr(dot + 1);
    for (char& c : tld) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (tld.size() == 2 && country_name_en(tld)) {
      country = tld;
      country_from = "the e-mail address's domain ." + d.email.substr(dot + 1);
      findings.push_back({"country", pointer + "/address/country", d.email,
                          "the country was taken from the e-mail domain only; check it"});
    }
  }
  if (country.empty()) {
    country = "ZZ";
    findings.push_back({"country", pointer + "/address/country", d.lines.empty() ? "" : d.lines.back(),
                        "could not tell the destination country (no country line, no international number): "
                        "replace \"ZZ\" with its ISO 3166-1 code"});
  } else if (!phone_country.empty() && phone_country != country) {
    findings.push_back({"country", pointer + "/address/country", country_from,
                        "the address says " + country + " but the telephone or fax number is in " + phone_country});
  }

  nlohmann::ordered_json t;
  if (name.empty()) {
    name = !title.empty() ? title : (!organisation.empty() ? organisation : (d.lines.empty() ? "" : d.lines[0]));
    findings.push_back({"name", pointer + "/name", name, "no personal name found; the office is used as the name"});
  }
  t["name"][L] = name;
  if (!title.empty()) t["title"][L] = title;
  nlohmann::ordered_json& a = t["address"];
  a["country"] = country;
  if (!honorific.empty()) a["honorific"][L] = honorific;
  a["name"][L] = name;
  if (!title.empty() && title != name) a["title"][L] = title;
  if (!organisation.empty()) a["organisation"][L] = organisation;
  if (lines.empty()) {
    lines.push_back(std::string(kPlaceholder) + " fill in: the postal address\u27E7");
    findings.push_back({"address", pointer + "/address/lines/" + L, "", "no postal address under the name: add its lines"});
  }
  a["lines"][L] = lines;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (country == "ZZ") break;
    if (const std::string foreign = foreign_letters(lines[i], country); !foreign.empty()) {
      findings.push_back({"address", pointer + "/address/lines/" + L + "/" + std::to_string(i), lines[i],
                          "the letters " + foreign + " are not written in " + country + " (" + country_languages(country) +
                              "): a line of another country's address pasted in by mistake?"});
    }
  }
  if (country != "ZZ") {
    if (auto [code, other] = foreign_postcode(lines, country); !code.empty()) {
      findings.push_back({"address", pointer + "/address/lines/" + L, code,
                          "\"" + code + "\" has the shape of a postcode of " + other + ", not of " + country});
    }
  }
  if (!d.email.empty()) t["email"] = d.email;
  for (const auto& [key, written] : {std::pair<const char*, const std::string*>{"fax", &d.fax}, {"phone", &d.phone}}) {
    if (written->empty()) continue;
    const Phone p = normalise_phone(*written, country == "ZZ" ? "" : country);
    t[key] = p.value;
    if (!p.problem.empty()) findings.push_back({key, pointer + "/" + key, *written, p.problem});
  }
  for (const std::string& o : d.other) {
    findings.push_back({"contact", pointer, o, "the case format has no place for this contact; it was left out"});
  }
  if (d.copy) {
    findings.push_back({"target", pointer, name, "listed under \"copies to\": a letter is made for it like for the others"});
  }
  return t;
}

}  // namespace appeal::importer
