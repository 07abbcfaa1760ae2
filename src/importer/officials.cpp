// The officials: their blocks of lines collected from the steps, the contact details and
// "COPIES TO" sections, then each read into a target with its id and salutations.
#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

#include "importer/fields.h"
#include "importer/reading.h"
#include "importer/vocabulary.h"

namespace appeal::importer {

void Reading::collect_targets() {
  // The officials.
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
    if (s.kind == "targets" || s.kind == "copies" || s.kind == "appeals_before") {
      copies = s.kind == "copies";
      // "PLEASE SEND APPEALS BEFORE 16 APRIL 2025 TO:": the rest of the label line is no
      // official's.
      for (size_t i = s.kind == "appeals_before" && s.has_value ? 1 : 0; i < s.lines.size(); ++i) {
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

}

nlohmann::ordered_json Reading::build_targets() {
  const Vocabulary& v = vocabulary();
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
        // The salutation's own opening words tell its language ("Dear", "Estimado"); else
        // its script and words among the UA's languages.
        std::string lang = opens_with(p, v.salutations);
        std::vector<std::string> cand = preferred;
        cand.insert(cand.end(), letter_order.begin(), letter_order.end());
        if (lang.empty()) lang = guess_language(p, cand);
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

  return targets;
}

}  // namespace appeal::importer
