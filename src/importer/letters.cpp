// Letters from a salutation ("Dear ...") to a closing ("Yours sincerely,"), their language,
// and placeholders for the preferred languages the UA gives no letter in.
#include <algorithm>
#include <regex>
#include <set>

#include "importer/fields.h"
#include "importer/reading.h"
#include "importer/vocabulary.h"

namespace appeal::importer {

void Reading::find_letters() {
  const Vocabulary& v = vocabulary();
  // Letters: from a salutation ("Dear ...") to a closing ("Yours sincerely,").
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

}

void Reading::letters_by_language() {
  // Letters per language: the first of each.
  for (const LetterDraft& l : letters) {
    if (by_lang.emplace(l.language, l).second) letter_order.push_back(l.language);
    else findings.push_back({"letter", "/letters/" + l.language, l.salutation, "a second letter in this language was left out"});
  }
  if (preferred.empty()) {
    preferred = letter_order.empty() ? std::vector<std::string>{doc_lang} : letter_order;
    findings.push_back({"languages", "/languages", "", "the UA names no preferred language; the letter's language is used: " + join(preferred, ", ")});
  }

}

nlohmann::ordered_json Reading::letters_json(nlohmann::ordered_json& targets) {
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
    // No sample letter: one to write per preferred language. The older layout gives the
    // points a letter should make instead: they follow the mark.
    const std::string body = letter_points.empty() ? placeholder("write the letter")
                                                   : placeholder("write the letter, making these points:") + " " + join(letter_points, " ");
    for (const std::string& lang : preferred) {
      lj[lang]["body"] = {body};
      lj[lang]["closing"] = placeholder("fill in: the closing");
    }
    findings.push_back({"letter", "/letters", "", "no sample letter found (\"Dear ...\" to \"Yours sincerely,\"): write one per language"});
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

  // Every official needs a salutation in every preferred language.
  for (size_t i = 0; i < targets.size(); ++i) {
    nlohmann::ordered_json& sal = targets[i]["salutation"];
    for (const std::string& lang : preferred) {
      if (sal.contains(lang)) continue;
      sal[lang] = placeholder("write the salutation in " + lang);
      findings.push_back({"salutation", "/targets/" + std::to_string(i) + "/salutation/" + lang, "",
                          "no salutation for this official in " + english_name(lang) + ": write one"});
    }
  }
  return lj;
}

}  // namespace appeal::importer
