// Page content shared by the pages that begin alike. The pages of a tagged merge open with
// the same operators: the forms of the letter's shared paragraphs, each in its element's
// marked-content sequence, with the same MCIDs (0, 1, ...). An MCID is the page's own
// (ISO 32000-1 §14.7.4.4: the ParentTree entry of the page drawing it says whose content
// it is), so one content stream can open every such page: /Contents [shared own]
// (§7.8.2: the streams of the array are one content stream). Writing it once spared a
// 1,000-letter merge a third of its content building and compression (docs/merge.md).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "pdf/content_stream.h"
#include "pdf/page.h"

namespace appeal::pdf {

class ContentPrefixes {
 public:
  struct Split {
    size_t own = 0;       // the page's own content: items [own, end)
    uint32_t stream = 0;  // the shared stream drawing items [0, own); 0: none
  };
  // The longest opening of a tagged page that another page had before (a page met once
  // keeps all its content: a one-letter file gains no object); the letters of a merge
  // share the template's paragraphs, and those of one origin the recipient's address. Fills
  // tagging.mcids with the elements of the shared MCIDs; `write` writes a content stream
  // and returns its object number.
  Split split(const Page& page, Tagging& tagging, ContentResources& res,
              const std::function<uint32_t(const std::string&)>& write);

 private:
  // An opening met before (by its key's hash), and once a second page had it its stream.
  struct Entry {
    uint32_t stream = 0;
    std::string key;                 // with the stream: the opening's key
    std::vector<size_t> mcid_items;  // the item whose element each MCID is
  };
  std::unordered_map<uint64_t, Entry> entries_;
};

}  // namespace appeal::pdf
