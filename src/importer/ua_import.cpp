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
#include "importer/targets.h"
#include "importer/vocabulary.h"
#include "text/language_tag.h"

namespace appeal::importer {
namespace {

struct LetterDraft {
  std::string language, salutation, closing;
  std::vector<std::string> body;
};

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

std::string date_string(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

bool before(const Date& a, const Date& b) {
  return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}

std::string placeholder(const std::string& what) { return std::string(kPlaceholder) + " " + what + "\u27E7"; }

std::string english_name(const std::string& tag) { return text::language_display_name(tag, "en"); }

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

}  // namespace

ImportResult import_ua(const extract::DocumentText& doc, const std::string& source, const ImportOptions& opt) {
  const Vocabulary& v = vocabulary();
  std::vector<Section> sections = split_sections(doc);
  std::vector<Finding> findings;
  std::string all_text;
  for (const Section& s : sections) {
    all_text += s.label + "\n";
    for (const Line& l : s.lines) all_text += l.text + "\n";
  }
  // The page furniture is searched for the UA's number too, not read as text.
  std::string furniture;
  for (const std::string& f : doc.furniture) furniture += f + "\n";
  std::vector<std::vector<bool>> used(sections.size());
  for (size_t i = 0; i < sections.size(); ++i) used[i].assign(sections[i].lines.size(), false);
  auto find_kind = [&](const std::string& kind) -> const Section* {
    for (const Section& s : sections) {
      if (s.kind == kind && !s.lines.empty()) return &s;
    }
    return nullptr;
  };

  // Preferred languages.
  std::vector<std::string> preferred, extra_action;
  const std::string hint = opt.language.empty() ? "en" : opt.language;
  if (const Section* s = find_kind("languages")) {
    std::vector<std::string> unknown;
    preferred = language_tags(s->lines[0].text, {hint}, unknown);
    for (const std::string& u : unknown) {
      findings.push_back({"languages", "/languages", u, "not a language name ICU knows in English or the UA's language; left out"});
    }
  }

  // Letters: from a salutation ("Dear ...") to a closing ("Yours sincerely,").
  std::vector<LetterDraft> letters;
  // A letter may follow any label ("ALSO SEND COPIES TO ...", "Salutation: ..."), but never
  // starts in the background or on a label's own line.
  for (size_t si = 0; si < sections.size(); ++si) {
    const Section& s = sections[si];
    if (s.kind == "background") continue;
    bool open = false;
    for (size_t i = s.has_value && s.kind != "letter" ? 1 : 0; i < s.lines.size(); ++i) {
      const std::string& t = s.lines[i].text;
      const std::string sal_lang = s.lines[i].para_start ? opens_with(t, v.salutations) : "";
      const bool letter_section_start = s.kind == "letter" && i == 0 && sal_lang.empty();
      if (!sal_lang.empty() || letter_section_start) {
        letters.push_back({sal_lang, letter_section_start ? "" : t, "", {}});
        open = true;
        used[si][i] = true;
        if (letter_section_start) letters.back().body.push_back(t);
        continue;
      }
      if (!open) continue;
      used[si][i] = true;
      if (s.lines[i].para_start && !opens_with(t, v.closings).empty()) {
        letters.back().closing = t;
        open = false;
        // "Yours sincerely," then "[Your name]": the signature's lines belong to the sender.
        while (i + 1 < s.lines.size() && !s.lines[i + 1].para_start) used[si][++i] = true;
        continue;
      }
      if (s.lines[i].para_start || letters.back().body.empty()) letters.back().body.push_back(t);
      else letters.back().body.back() += " " + t;
    }
  }
  letters.erase(std::remove_if(letters.begin(), letters.end(), [](const LetterDraft& l) { return l.body.empty(); }),
                letters.end());

  // The document's language: --lang, else that of its prose, else its first letter's.
  std::vector<std::string> candidates = preferred;
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
  std::string doc_lang = opt.language;
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

  // Title and summary: the labelled ones, else the lines under "URGENT ACTION".
  std::string title;
  std::vector<std::string> summary;
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

  // Actions: numbered or bulleted items; the lines after them (before the letter) name the
  // officials, as a national section's text has them.
  std::vector<std::string> actions;
  std::vector<Line> leftover;  // of the actions section: the targets
  std::vector<extract::Link> action_links;
  static const std::regex item(R"(^\s*(?:[0-9]{1,2}[.)]|[•▪●◦*–-])\s+(.*)$)");
  for (size_t si = 0; si < sections.size(); ++si) {
    const Section& s = sections[si];
    if (s.kind != "actions") continue;
    bool in_items = true, numbered = false;
    for (size_t i = 0; i < s.lines.size(); ++i) {
      if (used[si][i]) continue;
      const std::string& t = s.lines[i].text;
      for (const auto& l : s.lines[i].links) action_links.push_back(l);
      std::smatch m;
      if (in_items && std::regex_match(t, m, item)) {
        actions.push_back(m[1]);
        numbered = true;
      } else if (in_items && !actions.empty() && !ends_sentence(actions.back()) && !s.lines[i].gap_before) {
        actions.back() += " " + t;  // the item goes on on the next line
      } else if (in_items && !numbered && ends_sentence(t)) {
        if (s.lines[i].para_start || actions.empty()) actions.push_back(t);
        else actions.back() += " " + t;
      } else {
        in_items = false;
        leftover.push_back(s.lines[i]);
      }
      used[si][i] = true;
    }
  }
  // The sentences after the one-line sections ("You can also write in your own language.",
  // "Please check with the Amnesty office ...") are advice to the writer: one more step.
  for (size_t si = 0; si < sections.size(); ++si) {
    const Section& s = sections[si];
    if (s.kind == "diplomats") {
      actions.push_back(s.label);
      if (s.has_value) used[si][0] = true;
    }
    if (s.kind != "diplomats" && s.kind != "languages" && s.kind != "deadline") continue;
    for (size_t i = 1; i < s.lines.size(); ++i) {
      if (used[si][i]) continue;
      extra_action.push_back(s.lines[i].text);
      used[si][i] = true;
    }
  }
  if (!extra_action.empty()) actions.push_back(join(extra_action, " "));
  // "Click here to let us know ...": where a leaflet's QR code should point; else the
  // first web address the steps write out.
  std::string action_link;
  static const std::regex url(R"(https?://[^\s<>"]+[^\s<>".,;:)])");
  for (const std::string& a : actions) {
    std::smatch m;
    if (action_link.empty() && std::regex_search(a, m, url)) action_link = m[0];
  }
  for (const auto& l : action_links) {
    if (l.href.rfind("mailto:", 0) == 0) continue;
    const std::string f = fold(l.text);
    if (action_link.empty() || f.find("let us know") != std::string::npos || f.find("report") != std::string::npos) {
      action_link = l.href;
    }
  }

  // The officials.
  std::vector<TargetDraft> drafts;
  std::string pending_salutation;
  auto add_drafts = [&](const std::vector<Line>& lines, bool copies) {
    for (TargetDraft& d : split_targets(lines, copies)) {
      if (!pending_salutation.empty() && d.salutation.empty()) d.salutation = pending_salutation;
      pending_salutation.clear();
      drafts.push_back(std::move(d));
    }
  };
  // "Salutation: ..." is a label of its own, so the next official's lines after it are in
  // its section: they go on the list it interrupted.
  bool leftover_added = false, copies = false;
  for (size_t si = 0; si < sections.size(); ++si) {
    const Section& s = sections[si];
    std::vector<Line> lines;
    if (s.kind == "actions" && !leftover_added) {
      add_drafts(leftover, false);
      leftover_added = true;
      copies = false;
      continue;
    }
    if (s.kind == "targets" || s.kind == "copies") {
      copies = s.kind == "copies";
      for (size_t i = 0; i < s.lines.size(); ++i) {
        if (!used[si][i]) lines.push_back(s.lines[i]);
      }
    } else if (s.kind == "salutation" && !s.lines.empty()) {
      if (!drafts.empty() && drafts.back().salutation.empty()) drafts.back().salutation = s.lines[0].text;
      else pending_salutation = s.lines[0].text;
      for (size_t i = 1; i < s.lines.size(); ++i) {
        if (!used[si][i]) lines.push_back(s.lines[i]);
      }
      if (!lines.empty()) lines[0].gap_before = true;  // a new official
    }
    if (!lines.empty()) add_drafts(lines, copies);
  }

  // Not an Urgent Action at all?
  size_t labelled = 0;
  for (const Section& s : sections) labelled += !s.kind.empty() && s.kind != "heading";
  if (letters.empty() && drafts.empty() && labelled < 2) {
    throw InputError(source, "",
                     "no Urgent Action found: expected a letter (\"Dear ...\" to \"Yours sincerely,\"), the officials' "
                     "names and addresses, or the labelled sections of the UA template (TARGET'S CONTACT DETAILS, "
                     "PREFERRED LANGUAGE TO ADDRESS TARGET, ...)");
  }

  // Letters per language: the first of each.
  std::map<std::string, LetterDraft> by_lang;
  std::vector<std::string> letter_order;
  for (const LetterDraft& l : letters) {
    if (by_lang.emplace(l.language, l).second) letter_order.push_back(l.language);
    else findings.push_back({"letter", "/letters/" + l.language, l.salutation, "a second letter in this language was left out"});
  }
  if (preferred.empty()) {
    preferred = letter_order.empty() ? std::vector<std::string>{doc_lang} : letter_order;
    findings.push_back({"languages", "/languages", "", "the UA names no preferred language; the letter's language is used: " + join(preferred, ", ")});
  }

  nlohmann::ordered_json c;
  // The id: --id, the UA number, the index number.
  std::string id = opt.id;
  if (id.empty()) {
    if (const Section* s = find_kind("number")) id = s->lines[0].text;
  }
  if (id.empty()) {
    std::smatch m;
    // "Urgent Action 31.22" is "UA 31.22"; Spanish and French write "AU".
    static const std::regex ua(R"((Urgent Action|UA|AU|Acción Urgente|Action urgente)\s*(?:No\.?\s*|n[º°]\s*)?([0-9]{1,3}[./][0-9]{2,4}))",
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

  // The person at risk: "Zhanbolat Mamay (he/him)".
  nlohmann::ordered_json person;
  if (const Section* s = find_kind("person")) {
    std::string name = s->lines[0].text, pronouns;
    std::smatch m;
    // "(he/him)", ", she/her", "(elle)", "(él)": one pronoun or a slashed set, at the end.
    static const std::regex pr(
        R"(\s*(?:,\s*|\(\s*)((?:he|she|they|ze|xe|él|ella|elle|il|iel|ell@|elle)(?:\s*/\s*[^/()\s]+)*)\s*\)?\s*$)",
        std::regex::icase);
    if (std::regex_search(name, m, pr)) {
      pronouns = m[1];
      name = name.substr(0, static_cast<size_t>(m.position(0)));
    }
    person["name"][doc_lang] = name;
    if (!pronouns.empty()) person["pronouns"] = pronouns;
  } else {
    person["name"][doc_lang] = placeholder("fill in: the name of the person at risk");
    findings.push_back({"person", "/person/name/" + doc_lang, "", "no \"NAME AND PREFERRED PRONOUN\" found: give the person's name"});
  }
  c["person"] = person;

  // Deadline and issue date.
  std::vector<std::string> date_langs = {doc_lang};
  for (const std::string& l : preferred) date_langs.push_back(l);
  std::optional<Date> deadline;
  if (const Section* s = find_kind("deadline")) {
    std::string t;
    for (const Line& l : s->lines) t += l.text + " ";
    deadline = find_date(s->label + " " + t, date_langs);
    if (!deadline) findings.push_back({"deadline", "/deadline", t, "no date in the deadline; edit /deadline (YYYY-MM-DD)"});
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
  }
  c["languages"] = preferred;

  // Targets.
  std::vector<std::string> name_langs = {doc_lang};
  for (const std::string& l : preferred) name_langs.push_back(l);
  for (const char* more : {"es", "fr", "ru", "ar", "pt", "de"}) name_langs.push_back(more);
  const TargetContext ctx{doc_lang, name_langs};
  nlohmann::ordered_json targets = nlohmann::ordered_json::array();
  std::vector<std::string> countries;
  std::vector<nlohmann::ordered_json> built;
  for (size_t i = 0; i < drafts.size(); ++i) {
    built.push_back(build_target(drafts[i], ctx, "/targets/" + std::to_string(i), findings));
    countries.push_back(built.back()["address"]["country"]);
  }
  if (drafts.empty()) {
    findings.push_back({"targets", "/targets", "", "no official's name and address found; add the targets"});
  }
  // Whose salutation the sample letter has: the one target whose office it names ("Dear
  // Mr President," and "President of Kazakhstan"), in any of the letters.
  int owner = -1;
  for (size_t i = 0; i < built.size(); ++i) {
    if (!built[i].contains("title")) continue;
    std::string t = fold(built[i]["title"][doc_lang].get<std::string>());
    if (t.rfind("the ", 0) == 0) t.erase(0, 4);
    const std::string o = leading_phrase(t, v.offices);
    bool named = false;
    for (const LetterDraft& l : letters) named = named || (!o.empty() && contains_phrase(fold(l.salutation), o));
    if (named) owner = owner == -1 ? static_cast<int>(i) : -2;
  }
  if (owner == -2) owner = -1;  // several: cannot tell
  std::map<std::string, std::string> by_lang_salutation;
  for (const LetterDraft& l : letters) by_lang_salutation.emplace(l.language, l.salutation);
  std::set<std::string> ids;
  for (size_t i = 0; i < built.size(); ++i) {
    const TargetDraft& d = drafts[i];
    nlohmann::ordered_json& b = built[i];
    const std::string ptr = "/targets/" + std::to_string(i);
    const std::string ttl = b.contains("title") ? b["title"][doc_lang].get<std::string>() : "";
    // The id: the office's first word, the country where it differs from the first target's.
    std::string office = leading_phrase(fold(ttl.rfind("The ", 0) == 0 ? ttl.substr(4) : ttl), v.offices);
    std::string id_base = slug(!office.empty() ? office : b["name"][doc_lang].get<std::string>());
    if (id_base.empty()) id_base = "target";
    const std::string country = b["address"]["country"];
    if (i > 0 && country != countries[0] && country != "ZZ") id_base += "-" + slug(country);
    std::string tid = id_base;
    for (int n = 2; ids.count(tid); ++n) tid = id_base + "-" + std::to_string(n);
    ids.insert(tid);

    // Salutations: "Salutation: Dear Minister / Estimado Señor Ministro", else the letter's.
    nlohmann::ordered_json sal = nlohmann::ordered_json::object();
    if (!d.salutation.empty()) {
      std::vector<std::string> parts;
      std::string cur;
      for (size_t k = 0; k < d.salutation.size(); ++k) {
        const char ch = d.salutation[k];
        if (ch == '/' || ch == ';' || ch == '|') {
          parts.push_back(cur);
          cur.clear();
        } else {
          cur += ch;
        }
      }
      parts.push_back(cur);
      for (std::string p : parts) {
        while (!p.empty() && p.back() == ' ') p.pop_back();
        while (!p.empty() && p.front() == ' ') p.erase(0, 1);
        if (p.empty()) continue;
        std::string lang = opens_with(p, v.salutations);
        std::vector<std::string> cand = preferred;
        cand.insert(cand.end(), letter_order.begin(), letter_order.end());
        if (lang.empty() || std::find(cand.begin(), cand.end(), lang) == cand.end()) {
          const std::string g = guess_language(p, cand);
          if (!g.empty()) lang = g;
        }
        if (lang.empty()) lang = doc_lang;
        // "Salutation: Dear Minister / ...": the letter's own salutation ends "Dear
        // Minister," with its punctuation; the short form takes it too.
        if (by_lang_salutation.count(lang) && !p.empty() && std::isalpha(static_cast<unsigned char>(p.back()))) {
          const std::string& ls = by_lang_salutation[lang];
          if (!ls.empty() && (ls.back() == ',' || ls.back() == '!' || ls.back() == ':')) p += ls.back();
        }
        if (!sal.contains(lang)) sal[lang] = p;
      }
    }
    // English first: a salutation composed in English is what the others translate.
    std::vector<std::string> order = letter_order;
    std::stable_sort(order.begin(), order.end(), [](const std::string& a, const std::string& b) { return a == "en" && b != "en"; });
    for (const std::string& lang : order) {
      if (sal.contains(lang)) continue;
      const std::string& s = by_lang[lang].salutation;
      if (s.empty()) continue;
      const bool mine = built.size() == 1 || owner == static_cast<int>(i);
      if (mine) {
        sal[lang] = s;
      } else if (owner < 0) {
        sal[lang] = s;
        findings.push_back({"salutation", ptr + "/salutation/" + lang, s, "the letter's salutation is used for this target; check it"});
      } else if (lang == "en" && !office.empty()) {
        // "Dear Mr President," addresses another target: this one is addressed by office.
        std::string word = ttl.rfind("The ", 0) == 0 ? ttl.substr(4) : ttl;
        word = word.substr(0, office.size());
        sal[lang] = "Dear " + word + ",";
        findings.push_back({"salutation", ptr + "/salutation/" + lang, s,
                            "the letter's salutation is for another target; \"Dear " + word + ",\" was composed from the title"});
      } else {
        const std::string src = sal.contains("en") ? "en" : "";
        sal[lang] = placeholder(src.empty() ? "write the salutation in " + lang : "translate from en into " + lang) +
                    (src.empty() ? "" : " " + sal["en"].get<std::string>());
        findings.push_back({"salutation", ptr + "/salutation/" + lang, s,
                            "the " + english_name(lang) + " letter's salutation is for another target: write this one's; "
                            "`appeal letters` refuses the placeholder until then"});
      }
    }
    nlohmann::ordered_json t;
    t["id"] = tid;
    t["name"] = b["name"];
    if (b.contains("title")) t["title"] = b["title"];
    t["salutation"] = sal;
    t["address"] = b["address"];
    for (const char* k : {"email", "fax", "phone"}) {
      if (b.contains(k)) t[k] = b[k];
    }
    targets.push_back(std::move(t));
  }

  // Letters, and placeholders for the preferred languages the UA gives no letter in.
  nlohmann::ordered_json lj = nlohmann::ordered_json::object();
  for (const std::string& lang : letter_order) {
    const LetterDraft& l = by_lang[lang];
    lj[lang]["body"] = l.body;
    if (!l.closing.empty()) {
      lj[lang]["closing"] = l.closing;
    } else {
      lj[lang]["closing"] = placeholder("fill in: the closing");
      findings.push_back({"letter", "/letters/" + lang + "/closing", "", "the letter has no closing (\"Yours sincerely,\")"});
    }
  }
  const std::string from = letter_order.empty() ? "" : letter_order[0];
  if (from.empty() && !drafts.empty()) {
    lj[doc_lang]["body"] = {placeholder("write the letter")};
    lj[doc_lang]["closing"] = placeholder("fill in: the closing");
    findings.push_back({"letter", "/letters/" + doc_lang, "", "no sample letter found (\"Dear ...\" to \"Yours sincerely,\"): write one"});
  }
  for (const std::string& lang : preferred) {
    if (lj.contains(lang) || from.empty()) continue;
    const std::string mark = placeholder("translate from " + from + " into " + lang);
    std::vector<std::string> keys;
    nlohmann::ordered_json body = nlohmann::ordered_json::array();
    for (size_t k = 0; k < by_lang[from].body.size(); ++k) {
      body.push_back(mark + " " + by_lang[from].body[k]);
      keys.push_back("/letters/" + lang + "/body/" + std::to_string(k));
    }
    lj[lang]["body"] = body;
    lj[lang]["closing"] = mark + " " + lj[from]["closing"].get<std::string>();
    keys.push_back("/letters/" + lang + "/closing");
    for (size_t i = 0; i < targets.size(); ++i) {
      nlohmann::ordered_json& sal = targets[i]["salutation"];
      if (sal.contains(lang)) continue;
      const std::string src = sal.contains(from) ? sal[from].get<std::string>() : "";
      sal[lang] = mark + " " + src;
      keys.push_back("/targets/" + std::to_string(i) + "/salutation/" + lang);
    }
    findings.push_back({"letter", "/letters/" + lang, "",
                        "the UA asks for letters in " + english_name(lang) + " but gives no " + english_name(lang) +
                            " text: translate " + join(keys, ", ") + " (each holds the " + english_name(from) +
                            " text after its mark); `appeal letters` refuses the placeholders until then"});
  }
  c["targets"] = targets;
  c["letters"] = lj;

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
    if (std::regex_search(t, m, url)) links["previous_ua"] = m[0].str();
  }
  if (!action_link.empty()) {
    links["action"] = action_link;
  } else {
    findings.push_back({"links", "/links/action", "", "no web address to report actions to: the leaflet's QR code needs /links/action"});
  }
  if (!links.empty()) c["links"] = links;
  return {c, findings};
}

}  // namespace appeal::importer
