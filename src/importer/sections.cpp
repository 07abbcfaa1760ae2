#include "importer/sections.h"

#include "importer/vocabulary.h"

namespace appeal::importer {
namespace {

// A label starts the line (folded) and is followed by a colon, by nothing, or (for a label
// of four words or more, which no sentence starts with by chance) by the value.
bool label_at(const std::string& folded, const std::string& label, size_t& value_at) {
  if (!starts_with_phrase(folded, label)) return false;
  size_t i = label.size();
  while (i < folded.size() && folded[i] == ' ') ++i;
  if (i == folded.size()) {
    value_at = i;
    return true;
  }
  if (folded[i] == ':') {
    value_at = i + 1;
    return true;
  }
  size_t words = 1;
  for (char c : label) words += c == ' ';
  if (words >= 4) {
    value_at = i;
    return true;
  }
  return false;
}

// The byte in `original` where the value after a label begins: labels are matched folded,
// so count the words and the colon in the original.
std::string value_after(const std::string& original, const std::string& label) {
  size_t words = 1;
  for (char c : label) words += c == ' ';
  size_t i = 0, seen = 0;
  while (i < original.size() && seen < words) {
    while (i < original.size() && original[i] == ' ') ++i;
    while (i < original.size() && original[i] != ' ' && original[i] != ':') ++i;
    ++seen;
  }
  while (i < original.size() && (original[i] == ' ' || original[i] == ':')) ++i;
  return original.substr(i);
}

// Sections whose whole value is one line: when the label stands alone (a table's label
// cell, "PUBLICATION DATE" above "3 March 2025"), the next line is that value.
bool one_line_value(const std::string& kind) {
  for (const char* k : {"title", "issued", "number", "index", "salutation", "languages", "deadline", "person", "previous"}) {
    if (kind == k) return true;
  }
  return false;
}

}  // namespace

std::vector<Section> split_sections(const extract::DocumentText& doc) {
  const Vocabulary& v = vocabulary();
  std::vector<Section> out(1);
  auto find_label = [&](const std::string& folded, std::string& kind, std::string& label, bool whole) {
    for (const auto& [l, k] : v.labels) {
      size_t at = 0;
      if (label_at(folded, l, at) && (!whole || at >= folded.size())) {
        kind = k;
        label = l;
        return true;
      }
    }
    return false;
  };
  for (const extract::Paragraph& p : doc.paragraphs) {
    for (size_t i = 0; i < p.lines.size(); ++i) {
      Line line{p.lines[i], i == 0, i == 0 && p.gap_before, i == 0 ? p.links : std::vector<extract::Link>{}};
      std::string kind, label;
      // A label wrapped in its cell ("URGENT ACTION" / "SUMMARY"): the whole paragraph of two
      // or three lines is the label and nothing else. Tried first: "URGENT ACTION" alone is
      // a label too.
      if (i == 0 && p.lines.size() >= 2 && p.lines.size() <= 3) {
        std::string joined = p.lines[0];
        for (size_t k = 1; k < p.lines.size(); ++k) joined += " " + p.lines[k];
        if (find_label(fold(joined), kind, label, true)) {
          line.text = joined;
          i = p.lines.size() - 1;
        }
      }
      if (kind.empty()) find_label(fold(line.text), kind, label, false);
      if (kind.empty()) {
        // The first line under a label starts a paragraph ("URGENT ACTION LETTER:" then
        // "Dear Minister," on the next line of the same block).
        Section& cur = out.back();
        if (cur.lines.empty()) {
          line.para_start = true;
          if (one_line_value(cur.kind)) cur.has_value = true;
        }
        cur.lines.push_back(std::move(line));
        continue;
      }
      Section s;
      s.kind = kind;
      s.label = line.text;
      const std::string value = value_after(line.text, label);
      s.has_value = !value.empty();
      if (!value.empty()) s.lines.push_back(Line{value, true, false, line.links});
      else if (!line.links.empty() && !out.empty()) s.lines.push_back(Line{"", true, false, line.links});
      out.push_back(std::move(s));
    }
  }
  // Empty carriers of links are only kept when the section has nothing else.
  for (Section& s : out) {
    if (s.lines.size() > 1 && s.lines[0].text.empty()) {
      s.lines[1].links.insert(s.lines[1].links.end(), s.lines[0].links.begin(), s.lines[0].links.end());
      s.lines.erase(s.lines.begin());
    }
  }
  return out;
}

std::vector<std::string> paragraphs(const std::vector<Line>& lines, size_t from, size_t to) {
  std::vector<std::string> out;
  for (size_t i = from; i < lines.size() && i < to; ++i) {
    if (lines[i].text.empty()) continue;
    if (lines[i].para_start || out.empty()) out.push_back(lines[i].text);
    else out.back() += " " + lines[i].text;
  }
  return out;
}

}  // namespace appeal::importer
