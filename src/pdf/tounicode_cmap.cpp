#include "pdf/tounicode_cmap.h"

#include <algorithm>
#include <vector>

#include "pdf/pdf_syntax.h"

namespace appeal::pdf {

std::string to_unicode_cmap(const std::map<uint32_t, std::string>& text_of) {
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<std::pair<uint32_t, const std::string*>> entries;
  for (const auto& [gid, text] : text_of) {
    if (gid != 0 && !text.empty()) entries.emplace_back(gid, &text);
  }
  for (size_t i = 0; i < entries.size(); i += 100) {  // at most 100 per block (§9.10.3)
    const size_t n = std::min<size_t>(100, entries.size() - i);
    cmap += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k) {
      cmap += '<';
      append_hex16(cmap, entries[k].first);
      cmap += "> <" + utf16be_hex(*entries[k].second) + ">\n";
    }
    cmap += "endbfchar\n";
  }
  return cmap + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

}  // namespace appeal::pdf
