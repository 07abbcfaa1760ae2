#include "pdf/content_prefix.h"

#include <variant>

#include <xxhash.h>

namespace appeal::pdf {

namespace {

// Pages sharing fewer leading forms than this gain nothing from a shared stream.
constexpr size_t kMinItems = 2;
// Openings met once are remembered up to this many: a merge has a few (its template, then
// one per recipient address); a file whose pages all differ must not grow without end.
constexpr size_t kMaxRemembered = 4096;

// The first item of `page` with the element of item i: the key says which items share an
// element, so a later page's MCIDs map to its own elements the same way.
size_t first_of_element(const Page& page, size_t i) {
  for (size_t j = 0; j < i; ++j) {
    if (page.marks[j].kind == Mark::Kind::kContent && page.marks[j].element == page.marks[i].element) return j;
  }
  return i;
}

}  // namespace

ContentPrefixes::Split ContentPrefixes::split(const Page& page, Tagging& tagging, ContentResources& res,
                                              const std::function<uint32_t(const std::string&)>& write) {
  // The leading forms; an opening ends where a marked-content sequence ends. A form draws
  // nothing on the page's graphics state (Do saves and restores it, §8.10.1), so the own
  // content starts from the initial state whatever the shared part drew.
  size_t n = 0;
  while (n < page.items.size() && std::holds_alternative<FormItem>(page.items[n])) ++n;
  if (n < kMinItems) return {};
  // What the operators of the first k items depend on: the forms, each item's tag or
  // artifact type, which items share an element and which a sequence.
  std::string key;
  struct Opening {
    size_t items;
    size_t key_size;
    uint64_t hash;
  };
  std::vector<Opening> openings;  // at each sequence boundary, shortest first
  for (size_t i = 0; i < n; ++i) {
    const Mark& m = page.marks[i];
    key += std::to_string(std::get<FormItem>(page.items[i]).form);
    if (m.kind == Mark::Kind::kArtifact) {
      key += " A" + m.artifact;
    } else {
      key += " " + tagging.type_of(m.element) + " " + std::to_string(first_of_element(page, i));
    }
    key += i > 0 && same_sequence(page.marks[i - 1], m) ? "+;" : ";";
    const bool boundary = i + 1 == page.items.size() || !same_sequence(m, page.marks[i + 1]);
    if (i + 1 >= kMinItems && boundary) openings.push_back({i + 1, key.size(), XXH3_64bits(key.data(), key.size())});
  }
  // The longest opening another page had; every opening of this page remembered.
  Entry* use = nullptr;
  size_t used = 0;
  for (const Opening& o : openings) {
    auto it = entries_.find(o.hash);
    if (it == entries_.end()) {
      if (entries_.size() < kMaxRemembered) entries_.emplace(o.hash, Entry{});
      continue;
    }
    Entry& e = it->second;
    // A shared stream is used only by an opening with its very key (hashes can collide).
    if (e.stream && e.key.compare(0, std::string::npos, key, 0, o.key_size) != 0) continue;
    use = &e;
    used = o.items;
  }
  if (!use) return {};
  if (!use->stream) {
    Tagging own;
    own.type_of = tagging.type_of;
    for (const Opening& o : openings) {
      if (o.items == used) use->key = key.substr(0, o.key_size);
    }
    use->stream = write(build_content(page, res, &own, 0, used));
    for (ElementRef el : own.mcids) {
      size_t i = 0;
      while (page.marks[i].kind != Mark::Kind::kContent || page.marks[i].element != el) ++i;
      use->mcid_items.push_back(i);
    }
  }
  for (size_t i : use->mcid_items) tagging.mcids.push_back(page.marks[i].element);
  return {used, use->stream};
}

}  // namespace appeal::pdf
