// The clean-up every format shares: whitespace, page furniture, words broken at line ends.
#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "extract/reader_parts.h"
#include "text/utf8.h"

namespace appeal::extract {
namespace {

bool is_space(char32_t c) {
  return c == '\t' || c == ' ' || c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == '\r' || c == '\v';
}

std::u32string lower(std::u32string s) {
  for (char32_t& c : s) c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  return s;
}

// "Page 3 of 5" -> "page # of #": how a running footer looks on every page.
std::string masked(const std::string& line) {
  std::string out;
  bool in_digits = false;
  for (char32_t c : lower(text::to_u32(line))) {
    if (u_isdigit(static_cast<UChar32>(c))) {
      if (!in_digits) out += '#';
      in_digits = true;
      continue;
    }
    in_digits = false;
    text::append_utf8(out, c);
  }
  return out;
}

bool letter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }

}  // namespace

std::string clean_line(const std::string& s) {
  std::string out;
  bool pending_space = false;
  for (char32_t c : text::to_u32(s)) {
    if (c == 0xFEFF || c == 0 || (c < 0x20 && c != '\t')) continue;  // BOM, control characters
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    text::append_utf8(out, c);
  }
  return text::to_nfc(out);
}

bool is_page_number(const std::string& line) {
  static const std::regex page_number(
      R"(^[-–—(\[ ]*((page|p\.|pág\.?|página|pagina|seite|стр\.?|страница|صفحة)\s*)?[0-9]{1,4}(\s*(/|of|de|von|sur|из|из)\s*[0-9]{1,4})?[-–—)\] ]*$)",
      std::regex::icase);
  std::string l = line;
  // Lower-case the few capitals a footer's word can start with (regex icase is byte-wise).
  for (auto [from, to] : {std::pair<const char*, const char*>{"Página", "página"}, {"Стр", "стр"}, {"Страница", "страница"}}) {
    if (l.rfind(from, 0) == 0) l.replace(0, std::char_traits<char>::length(from), to);
  }
  return std::regex_match(l, page_number);
}

void drop_page_furniture(DocumentText& doc) {
  // Which lines sit at a page's edges: the PDF reader measured them; elsewhere the first and
  // last three lines of each page.
  constexpr size_t kEdgeLines = 3;
  std::map<int, size_t> lines_on;                 // page -> how many lines
  std::vector<std::vector<size_t>> position(doc.paragraphs.size());  // each line's place on its page
  for (size_t p = 0; p < doc.paragraphs.size(); ++p) {
    for (size_t l = 0; l < doc.paragraphs[p].lines.size(); ++l) position[p].push_back(lines_on[doc.paragraphs[p].page]++);
  }
  auto edge = [&](size_t p, size_t l) {
    const Paragraph& para = doc.paragraphs[p];
    if (!para.at_edge.empty()) return static_cast<bool>(para.at_edge[l]);
    const size_t i = position[p][l];
    return i < kEdgeLines || i + kEdgeLines >= lines_on[para.page];
  };
  // A running header or footer: the same edge line, numbers masked, on two or more pages.
  std::map<std::string, std::set<int>> pages_of;
  for (size_t p = 0; p < doc.paragraphs.size(); ++p) {
    for (size_t l = 0; l < doc.paragraphs[p].lines.size(); ++l) {
      if (edge(p, l)) pages_of[masked(doc.paragraphs[p].lines[l])].insert(doc.paragraphs[p].page);
    }
  }
  std::vector<Paragraph> kept;
  for (size_t p = 0; p < doc.paragraphs.size(); ++p) {
    Paragraph para = doc.paragraphs[p];
    Paragraph out = para;
    out.lines.clear();
    out.at_edge.clear();
    for (size_t l = 0; l < para.lines.size(); ++l) {
      const bool furniture = edge(p, l) && (is_page_number(para.lines[l]) || pages_of[masked(para.lines[l])].size() >= 2);
      if (!furniture) {
        out.lines.push_back(para.lines[l]);
      } else if (std::find(doc.furniture.begin(), doc.furniture.end(), para.lines[l]) == doc.furniture.end()) {
        doc.furniture.push_back(para.lines[l]);
      }
    }
    if (!out.lines.empty()) kept.push_back(std::move(out));
  }
  doc.paragraphs = std::move(kept);
}

// A hyphen at a line end either belongs to the word ("six-year", "2100-2108") or only broke
// it there ("organ-izing", as a PDF extracts a hyphenated paragraph). The document itself is
// the best evidence: the form it uses elsewhere wins, counting longer words that start with
// it ("defend" from "defending"). Without evidence, the hyphen stays when both parts are
// words of the document on their own ("well-known": "well", "known") and goes otherwise
// ("al-low", "pací-fica"): TeX and LibreOffice break inside words, not at compounds. A soft
// hyphen (U+00AD) is always a break; "activ -" (a space set before the hyphen by a justified
// line) is read as "activ-".
void join_broken_words(DocumentText& doc) {
  // Lower-case words and hyphenated compounds of the document, without the fragments of the
  // words broken at line ends (they would vouch for themselves).
  std::map<std::u32string, int> words;
  auto broken = [](const std::string& line) {
    return !line.empty() && (line.back() == '-' || line.compare(line.size() >= 2 ? line.size() - 2 : 0, 2, "\xC2\xAD") == 0);
  };
  for (const Paragraph& p : doc.paragraphs) {
    for (size_t li = 0; li < p.lines.size(); ++li) {
      std::vector<std::u32string> found;
      std::u32string w;
      for (char32_t c : lower(text::to_u32(p.lines[li])) + U' ') {
        if (letter(c) || (c == '-' && !w.empty())) {
          w += c;
        } else if (!w.empty()) {
          while (!w.empty() && w.back() == '-') w.pop_back();
          if (!w.empty()) found.push_back(w);
          w.clear();
        }
      }
      const size_t from = li > 0 && broken(p.lines[li - 1]) ? 1 : 0;
      const size_t to = broken(p.lines[li]) && !found.empty() ? found.size() - 1 : found.size();
      for (size_t k = from; k < to; ++k) ++words[found[k]];
    }
  }
  auto uses = [&](const std::u32string& start, bool whole) {
    int n = 0;
    for (auto it = words.lower_bound(start); it != words.end() && it->first.compare(0, start.size(), start) == 0; ++it) {
      if (!whole || it->first.size() == start.size()) n += it->second;
    }
    return n;
  };
  for (Paragraph& p : doc.paragraphs) {
    for (size_t i = 0; i + 1 < p.lines.size();) {
      std::u32string a = text::to_u32(p.lines[i]);
      const std::u32string b = text::to_u32(p.lines[i + 1]);
      if (a.size() >= 3 && a.back() == '-' && a[a.size() - 2] == ' ' && letter(a[a.size() - 3])) a.erase(a.size() - 2, 1);
      const bool soft = !a.empty() && a.back() == 0x00AD;
      const bool hard = a.size() >= 2 && (a.back() == '-' || a.back() == 0x2010) &&
                        (letter(a[a.size() - 2]) || u_isdigit(static_cast<UChar32>(a[a.size() - 2])));
      if (b.empty() || !(soft || hard) ||
          !(u_islower(static_cast<UChar32>(b[0])) || u_isdigit(static_cast<UChar32>(b[0])) || soft)) {
        ++i;
        continue;
      }
      a.pop_back();
      size_t k = a.size();
      while (k > 0 && letter(a[k - 1])) --k;
      const std::u32string head = lower(a.substr(k));
      size_t e = 0;
      while (e < b.size() && letter(b[e])) ++e;
      const std::u32string tail = lower(b.substr(0, e));
      bool keep = !soft;
      if (!soft) {
        const int joined_uses = uses(head + tail, false);
        const int hyphen_uses = uses(head + U"-" + tail, false);
        if (head.empty() || tail.empty()) keep = true;  // digits: "2100-" + "2108"
        else if (joined_uses != hyphen_uses) keep = hyphen_uses > joined_uses;
        else keep = uses(head, true) > 0 && uses(tail, true) > 0;
      }
      p.lines[i] = text::to_utf8(a) + (keep ? "-" : "") + p.lines[i + 1];
      p.lines.erase(p.lines.begin() + static_cast<std::ptrdiff_t>(i + 1));
    }
  }
}

}  // namespace appeal::extract
