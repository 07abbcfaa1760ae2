#include "importer/ua_import.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <regex>
#include <set>

#include "appeal/dates.h"
#include "common/input_error.h"
#include "importer/fields.h"
#include "importer/sections.h"
#include "importer/reading.h"
#include "importer/targets.h"
#include "importer/vocabulary.h"
#include "text/language_tag.h"

namespace appeal::importer {
namespace {

std::string date_string(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

bool before(const Date& a, const Date& b) {
  return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}

}  // namespace

size_t word_count(const std::string& s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    if (c == ' ') in = false;
    else if (!in) in = true, ++n;
  }
  return n;
}

// The language whose salutation (or closing) `line` opens with, or "".
std::string opens_with(const std::string& line, const std::map<std::string, std::vector<std::string>>& table) {
  if (word_count(line) > 15) return "";
  const std::string f = fold(line);
  std::string best_lang, best;
  for (const auto& [lang, phrases] : table) {
    const std::string p = leading_phrase(f, phrases);
    if (p.size() > best.size()) best = p, best_lang = lang;
  }
  return best_lang;
}

bool ends_sentence(const std::string& s) {
  if (s.empty()) return false;
  const char c = s.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || (s.size() >= 3 && s.compare(s.size() - 3, 3, "\xE2\x80\x9D") == 0);
}

std::string placeholder(const std::string& what) { return std::string(kPlaceholder) + " " + what + "\u27E7"; }

std::string english_name(const std::string& tag) { return text::language_display_name(tag, "en"); }

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

const std::regex& url_pattern() {
  static const std::regex url(R"(https?://[^\s<>"]+[^\s<>".,;:)])");
  return url;
}

Reading::Reading(const extract::DocumentText& doc, const std::string& src, const ImportOptions& options)
    : opt(options), source(src), hint(options.language.empty() ? "en" : options.language) {
  sections = split_sections(doc);
  for (const Section& s : sections) {
    all_text += s.label + "\n";
    for (const Line& l : s.lines) all_text += l.text + "\n";
  }
  // The page furniture is searched for the UA's number too, not read as text.
  for (const std::string& f : doc.furniture) furniture += f + "\n";
  used.resize(sections.size());
  for (size_t i = 0; i < sections.size(); ++i) used[i].assign(sections[i].lines.size(), false);
}

const Section* Reading::find_kind(const std::string& kind) const {
  for (const Section& s : sections) {
    if (s.kind == kind && !s.lines.empty()) return &s;
  }
  return nullptr;
}

void Reading::read_languages() {
  // Preferred languages: the labelled ones, else the older layout's "Please write
  // immediately in Spanish or your own language:".
  const Section* s = find_kind("languages");
  std::string names = s ? s->lines[0].text : "";
  if (!s && (s = find_kind("write_in")) && s->has_value) {
    static const std::regex own(
        R"(\s*,?\s*\b(or|o|ou|oder)\s+(in\s+|en\s+|dans\s+)?(your|su|votre|vuestra|ihrer)\s+(own\s+|propio\s+|propre\s+)?(language|idioma|langue|lengua|sprache)\b.*$)",
        std::regex::icase);
    names = std::regex_replace(s->lines[0].text, own, "");
    while (!names.empty() && (names.back() == ':' || names.back() == ' ')) names.pop_back();
  }
  if (!names.empty()) {
    std::vector<std::string> unknown;
    preferred = language_tags(names, {hint}, unknown);
    for (const std::string& u : unknown) {
      findings.push_back({"languages", "/languages", u, "not a language name ICU knows in English or the UA's language; left out"});
    }
  }

}

void Reading::choose_document_language() {
  // The document's language: --lang, else that of its prose, else its first letter's.
  candidates = preferred;
  for (const char* more : {"en", "es", "fr", "pt", "de", "it", "ru", "uk", "kk", "ar", "fa", "tr", "zh"}) {
    if (std::find(candidates.begin(), candidates.end(), more) == candidates.end()) candidates.push_back(more);
  }
  for (LetterDraft& l : letters) {
    std::vector<std::string> c = preferred;
    if (!l.language.empty()) c.push_back(l.language);
    std::string body = join(l.body, " ");
    std::string g = guess_language(body, c);
    if (g.empty()) g = guess_language(body, candidates);
    if (!g.empty()) l.language = g;
    if (l.language.empty()) l.language = hint;
  }
  doc_lang = opt.language;
  if (doc_lang.empty()) {
    std::string prose;
    for (const char* k : {"summary", "background", "heading", ""}) {
      if (const Section* s = find_kind(k)) {
        for (size_t i = 0; i < s->lines.size(); ++i) prose += s->lines[i].text + " ";
      }
    }
    doc_lang = guess_language(prose, candidates);
    if (doc_lang.empty() && !letters.empty()) doc_lang = letters[0].language;
    if (doc_lang.empty()) doc_lang = "en";
  }

}

void Reading::read_title_and_summary() {
  // Title and summary: the labelled ones, else the lines under "URGENT ACTION".
  if (const Section* s = find_kind("title")) title = s->lines[0].text;
  if (const Section* s = find_kind("summary")) summary = paragraphs(s->lines);
  for (size_t si = 0; si < sections.size() && (title.empty() || summary.empty()); ++si) {
    const Section& s = sections[si];
    if (s.kind != "heading" && s.kind != "") continue;
    size_t i = 0;
    while (i < s.lines.size() && used[si][i]) ++i;
    if (i >= s.lines.size()) continue;
    if (title.empty()) {
      title = s.lines[i].text;
      used[si][i] = true;
      // A title set in capitals may wrap onto more lines of capitals.
      while (i + 1 < s.lines.size() && !s.lines[i + 1].para_start && sentence_case(s.lines[i + 1].text, "", "") != s.lines[i + 1].text &&
             fold(s.lines[i + 1].text) != s.lines[i + 1].text) {
        title += " " + s.lines[++i].text;
        used[si][i] = true;
      }
      ++i;
    }
    if (summary.empty()) {
      size_t end = i;
      while (end < s.lines.size() && !used[si][end]) ++end;
      for (size_t k = i; k < end; ++k) used[si][k] = true;
      summary = paragraphs(s.lines, i, end);
    }
  }
  if (!title.empty()) title = sentence_case(title, all_text, doc_lang);

}

void Reading::check_is_ua() const {
  // Not an Urgent Action at all?
  size_t labelled = 0;
  for (const Section& s : sections) labelled += !s.kind.empty() && s.kind != "heading";
  if (letters.empty() && drafts.empty() && labelled < 2) {
    throw InputError(source, "",
                     "no Urgent Action found: expected a letter (\"Dear ...\" to \"Yours sincerely,\"), the officials' "
                     "names and addresses, or the labelled sections of the UA template (TARGET'S CONTACT DETAILS, "
                     "PREFERRED LANGUAGE TO ADDRESS TARGET, ...)");
  }

}

void Reading::read_id(nlohmann::ordered_json& c) {
  // The id: --id, the UA number, the index number.
  std::string id = opt.id;
  if (id.empty()) {
    if (const Section* s = find_kind("number")) id = s->lines[0].text;
  }
  if (id.empty()) {
    std::smatch m;
    // "Urgent Action 31.22" is "UA 31.22"; Spanish and French write "AU".
    static const std::regex ua(R"((Urgent Action|UA|AU|Acción Urgente|Action urgente)\s*:?\s*(?:No\.?\s*|n[º°]\s*)?([0-9]{1,3}[./][0-9]{2,4}))",
                               std::regex::icase);
    const std::string text = all_text + furniture;
    if (std::regex_search(text, m, ua)) {
      const std::string prefix = fold(m[1].str());
      id = (prefix == "urgent action" || prefix == "ua" ? "UA " : "AU ") + m[2].str();
    }
  }
  if (id.empty()) {
    if (const Section* s = find_kind("index")) id = s->lines[0].text;
  }
  if (id.empty()) {
    std::smatch m;
    const std::string text = all_text + furniture;
    if (std::regex_search(text, m, std::regex(R"(\b[A-Z]{3} [0-9]{2}/[0-9]{3,5}/[0-9]{4}\b)"))) id = m[0];
  }
  if (id.empty()) {
    id = placeholder("fill in: the UA number");
    findings.push_back({"id", "/id", "", "no UA number or index number found: give one with --id or edit /id"});
  }
  c["id"] = id;
  if (title.empty()) {
    title = placeholder("fill in: the title");
    findings.push_back({"title", "/title/" + doc_lang, "", "no title found"});
  }
  c["title"][doc_lang] = title;
  if (!summary.empty()) c["summary"][doc_lang] = join(summary, " ");

}

void Reading::read_person(nlohmann::ordered_json& c) {
  // The person at risk: "Zhanbolat Mamay (he/him)".
  nlohmann::ordered_json person;
  if (const Section* s = find_kind("person")) {
    // "Name (she/her)", "Name, he/him", "(elle)"; several people each with theirs:
    // "Sita Gurung (she/her), Ram Bahadur Thapa (he/him)".
    static const std::regex pr(
        R"(\s*(?:,\s*|\(\s*)((?:he|she|they|ze|xe|él|ella|elle|il|iel|ell@)(?:\s*/\s*[^/(),\s]+)*)\s*\)?)",
        std::regex::icase);
    const std::string written = s->lines[0].text;
    std::vector<std::string> sets;
    for (auto it = std::sregex_iterator(written.begin(), written.end(), pr); it != std::sregex_iterator(); ++it) {
      if (std::find(sets.begin(), sets.end(), (*it)[1].str()) == sets.end()) sets.push_back((*it)[1]);
    }
    std::string name = std::regex_replace(written, pr, "");
    while (!name.empty() && (name.back() == ' ' || name.back() == ',')) name.pop_back();
    person["name"][doc_lang] = name;
    if (sets.size() == 1) {
      person["pronouns"] = sets[0];
    } else if (sets.size() > 1) {
      findings.push_back({"person", "/person/pronouns", written,
                          "several people with their own pronouns: the case holds one set, so none was kept"});
    }
  } else {
    person["name"][doc_lang] = placeholder("fill in: the name of the person at risk");
    findings.push_back({"person", "/person/name/" + doc_lang, "", "no \"NAME AND PREFERRED PRONOUN\" found: give the person's name"});
  }
  c["person"] = person;

}

void Reading::read_dates(nlohmann::ordered_json& c) {
  // Deadline and issue date.
  std::vector<std::string> date_langs = {doc_lang};
  for (const std::string& l : preferred) date_langs.push_back(l);
  std::optional<Date> deadline;
  if (const Section* s = find_kind("deadline")) {
    std::string t;
    for (const Line& l : s->lines) t += l.text + " ";
    deadline = find_date(s->label + " " + t, date_langs);
    if (!deadline) findings.push_back({"deadline", "/deadline", t, "no date in the deadline; edit /deadline (YYYY-MM-DD)"});
  } else if (const Section* a = find_kind("appeals_before")) {
    // "PLEASE SEND APPEALS BEFORE 16 APRIL 2025 TO:" (the older layout).
    deadline = find_date(a->label, date_langs);
    if (!deadline) findings.push_back({"deadline", "/deadline", a->label, "no date in the deadline; edit /deadline (YYYY-MM-DD)"});
  } else {
    findings.push_back({"deadline", "/deadline", "", "no deadline found (PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL ...)"});
  }
  if (deadline) {
    c["deadline"] = date_string(*deadline);
    if (before(*deadline, opt.today)) {
      findings.push_back({"deadline", "/deadline", date_string(*deadline),
                          "the deadline has passed (today is " + date_string(opt.today) + "): letters may arrive too late"});
    }
  } else {
    c["deadline"] = placeholder("fill in: the deadline as YYYY-MM-DD");
  }
  if (const Section* s = find_kind("issued")) {
    if (auto d = find_date(s->lines[0].text, date_langs)) c["issued"] = date_string(*d);
  } else {
    // "UA: 28/25 Index: AMR 23/5512/2025 Issue Date: 5 March 2025" in a line or a footer.
    static const std::regex issue(R"((?:Issue|Publication|Date of issue)\s*Date?\s*:\s*([^\n]+))", std::regex::icase);
    std::smatch m;
    const std::string text = all_text + furniture;
    if (std::regex_search(text, m, issue)) {
      if (auto d = find_date(m[1].str(), date_langs)) c["issued"] = date_string(*d);
    }
  }
  c["languages"] = preferred;

}

void Reading::read_background_and_links(nlohmann::ordered_json& c) {
  std::vector<std::string> background;
  for (const Section& s : sections) {
    if (s.kind != "background") continue;
    for (const std::string& p : paragraphs(s.lines)) background.push_back(p);
  }
  if (!background.empty()) c["background"][doc_lang] = background;
  if (!actions.empty()) c["actions"][doc_lang] = actions;

  nlohmann::ordered_json links = nlohmann::ordered_json::object();
  if (const Section* s = find_kind("previous")) {
    std::smatch m;
    std::string t;
    for (const Line& l : s->lines) {
      t += l.text + " ";
      for (const auto& ln : l.links) t += ln.href + " ";
    }
    if (std::regex_search(t, m, url_pattern())) links["previous_ua"] = m[0].str();
  }
  if (!action_link.empty()) {
    links["action"] = action_link;
  } else {
    findings.push_back({"links", "/links/action", "", "no web address to report actions to: the leaflet's QR code needs /links/action"});
  }
  if (!links.empty()) c["links"] = links;
}

ImportResult import_ua(const extract::DocumentText& doc, const std::string& source, const ImportOptions& opt) {
  Reading r(doc, source, opt);
  r.read_languages();
  r.find_letters();
  r.choose_document_language();
  r.read_title_and_summary();
  r.read_actions();
  r.collect_targets();
  r.check_is_ua();
  r.letters_by_language();
  nlohmann::ordered_json c;
  r.read_id(c);
  r.read_person(c);
  r.read_dates(c);
  nlohmann::ordered_json targets = r.build_targets();
  nlohmann::ordered_json letters = r.letters_json(targets);
  c["targets"] = targets;
  c["letters"] = letters;
  r.read_background_and_links(c);
  return {c, r.findings};
}

}  // namespace appeal::importer
