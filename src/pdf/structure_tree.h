// The logical structure of a tagged PDF (ISO 32000-1 §14.7, §14.8), written as it
// completes: an element is written when it is closed, so a merge of 100,000 letters keeps
// only the elements still open (one letter's) and a number per page in memory.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "pdf/page.h"

namespace appeal::pdf {

class ObjectWriter;

class StructureTree {
 public:
  // The root element is a Document (§14.8.4.2); `role_map` maps this writer's types to
  // standard ones (§14.7.3).
  StructureTree(ObjectWriter& out, std::map<std::string, std::string> role_map);

  // A new element, the last child of `parent` (the Document when none). Its content comes
  // with the pages that mark items with it (add_page).
  ElementRef open(Element e, std::optional<ElementRef> parent);
  // Writes the element: every page drawing its content has been added.
  void close(ElementRef e);
  const std::string& type_of(ElementRef e) const;

  // Page `page` (its object number) holds marked content whose MCID n belongs to
  // mcids[n]: each becomes its element's next content item. Returns the page's
  // /StructParents key (§14.7.4.4).
  int add_page(uint32_t page, const std::vector<ElementRef>& mcids);
  // An annotation as the whole content of a new element under the root (an OBJR,
  // §14.7.4.3): returns the annotation's /StructParent key.
  int add_annotation(uint32_t annotation, uint32_t page, Element e);
  // The same as the next content item of an open element (a link's annotation).
  int add_annotation(uint32_t annotation, uint32_t page, ElementRef e);

  // Closes what is open, writes the Document element, the parent tree and the
  // StructTreeRoot; returns the root's object number for the catalog.
  uint32_t finish();

 private:
  struct Kid {
    enum class Kind : uint8_t { kElement, kMarkedContent, kObject } kind;
    uint32_t object;  // the element, or the page, or the annotation
    uint32_t page;    // kMarkedContent, kObject: the page it is on
    int mcid;
  };
  struct Open {
    Element element;
    uint32_t parent = 0;
    uint32_t page = 0;  // /Pg: the page of the first marked content
    std::vector<Kid> kids;
  };
  void write(uint32_t num, Open& e);
  Open& open_element(ElementRef e);

  ObjectWriter& out_;
  std::map<std::string, std::string> role_map_;
  uint32_t root_ = 0, document_ = 0;
  std::unordered_map<uint32_t, Open> open_;
  // The parent tree (§14.7.4.4) by key: the array of a page's MCID parents, or an
  // annotation's element, each already written.
  std::vector<uint32_t> parents_;
};

}  // namespace appeal::pdf
