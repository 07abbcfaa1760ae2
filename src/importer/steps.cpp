// The steps to take ("1. Write a letter ...", bullets), the advice after one-line sections,
// and the link to report actions to: what the leaflet's QR code carries.
#include <algorithm>
#include <regex>
#include <set>

#include "importer/fields.h"
#include "importer/reading.h"
#include "importer/vocabulary.h"

namespace appeal::importer {

void Reading::read_actions() {
  // Actions: numbered or bulleted items; the lines after them (before the letter) name the
  // officials, as a national section's text has them.
  std::vector<extract::Link> action_links;
  // Bullets as alternatives, not a character class: std::regex reads UTF-8 byte by byte.
  static const std::regex item(R"(^\s*(?:[0-9]{1,2}[.)]|•|▪|●|◦|‣|·|\*|–|—|-)\s*(.*)$)");
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
  // The older layout: "Please write immediately in Spanish or your own language:" and the
  // points a letter should make, as bullets.
  for (size_t si = 0; si < sections.size(); ++si) {
    const Section& s = sections[si];
    if (s.kind != "write_in") continue;
    actions.push_back(s.label);
    if (s.has_value) used[si][0] = true;
    for (size_t i = s.has_value ? 1 : 0; i < s.lines.size() && !used[si][i]; ++i) {
      std::smatch m;
      const std::string& t = s.lines[i].text;
      if (std::regex_match(t, m, item)) {
        letter_points.push_back(m[1]);
      } else if (!letter_points.empty() && !s.lines[i].para_start) {
        letter_points.back() += " " + t;
      } else {
        break;
      }
      used[si][i] = true;
    }
    actions.insert(actions.end(), letter_points.begin(), letter_points.end());
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
  for (const std::string& a : actions) {
    std::smatch m;
    if (action_link.empty() && std::regex_search(a, m, url_pattern())) action_link = m[0];
  }
  for (const auto& l : action_links) {
    if (l.href.rfind("mailto:", 0) == 0) continue;
    const std::string f = fold(l.text);
    if (action_link.empty() || f.find("let us know") != std::string::npos || f.find("report") != std::string::npos) {
      action_link = l.href;
    }
  }

}

}  // namespace appeal::importer
