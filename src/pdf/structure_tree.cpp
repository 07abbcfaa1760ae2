#include "pdf/structure_tree.h"

#include <algorithm>
#include <stdexcept>

#include "pdf/object_writer.h"
#include "pdf/pdf_objects.h"

namespace appeal::pdf {

namespace {

using PoDoFo::PdfArray;
using PoDoFo::PdfDictionary;
using PoDoFo::PdfObject;

// Entries per node of the parent tree, as the page tree's leaves (document.cpp).
constexpr size_t kNumsPerLeaf = 128;

}  // namespace

StructureTree::StructureTree(ObjectWriter& out, std::map<std::string, std::string> role_map)
    : out_(out), role_map_(std::move(role_map)) {
  root_ = out_.reserve();
  document_ = out_.reserve();
  Open doc;
  doc.element.type = "Document";
  doc.parent = root_;
  open_.emplace(document_, std::move(doc));
}

StructureTree::Open& StructureTree::open_element(ElementRef e) {
  auto it = open_.find(e);
  if (it == open_.end()) throw std::logic_error("structure element " + std::to_string(e) + " is not open");
  return it->second;
}

ElementRef StructureTree::open(Element e, std::optional<ElementRef> parent) {
  const uint32_t p = parent.value_or(document_);
  Open& up = open_element(p);
  const uint32_t num = out_.reserve();
  up.kids.push_back({Kid::Kind::kElement, num, 0, 0});
  Open el;
  el.element = std::move(e);
  el.parent = p;
  open_.emplace(num, std::move(el));
  return num;
}

const std::string& StructureTree::type_of(ElementRef e) const {
  auto it = open_.find(e);
  if (it == open_.end()) throw std::logic_error("structure element " + std::to_string(e) + " is not open");
  return it->second.element.type;
}

int StructureTree::add_page(uint32_t page, const std::vector<ElementRef>& mcids) {
  ObjectText parents;
  parents.begin_array();
  for (size_t n = 0; n < mcids.size(); ++n) {
    Open& e = open_element(mcids[n]);
    if (!e.page) e.page = page;
    e.kids.push_back({Kid::Kind::kMarkedContent, page, page, static_cast<int>(n)});
    parents.ref(mcids[n]);
  }
  parents.end_array();
  const uint32_t array = out_.reserve();
  out_.object(array, parents.str());
  parents_.push_back(array);
  return static_cast<int>(parents_.size() - 1);
}

int StructureTree::add_annotation(uint32_t annotation, uint32_t page, Element e) {
  const ElementRef el = open(std::move(e), std::nullopt);
  const int key = add_annotation(annotation, page, el);
  close(el);
  return key;
}

int StructureTree::add_annotation(uint32_t annotation, uint32_t page, ElementRef e) {
  Open& o = open_element(e);
  if (!o.page) o.page = page;
  o.kids.push_back({Kid::Kind::kObject, annotation, page, 0});
  parents_.push_back(e);
  return static_cast<int>(parents_.size() - 1);
}

void StructureTree::close(ElementRef e) {
  auto it = open_.find(e);
  if (it == open_.end()) throw std::logic_error("structure element " + std::to_string(e) + " closed twice");
  write(e, it->second);
  open_.erase(it);
}

void StructureTree::write(uint32_t num, Open& e) {
  // ISO 32000-1 §14.7.2, table 323; /Type is optional and left out (a merge writes 15
  // elements a letter). Written with ObjectText, keys in PoDoFo's order.
  ObjectText t;
  t.begin_dict();
  if (!e.element.actual_text.empty()) t.key("ActualText").value(text(e.element.actual_text));
  if (!e.element.alt.empty()) t.key("Alt").value(text(e.element.alt));
  if (!e.kids.empty()) {
    t.key("K");
    if (e.kids.size() > 1) t.begin_array();
    for (const Kid& k : e.kids) {
      switch (k.kind) {
        case Kid::Kind::kElement:
          t.ref(k.object);
          break;
        case Kid::Kind::kMarkedContent:
          if (k.page == e.page) {  // an MCID on the element's /Pg (§14.7.4.2)
            t.integer(k.mcid);
          } else {  // table 324
            t.begin_dict().key("Type").name("MCR").key("MCID").integer(k.mcid).key("Pg").ref(k.page).end_dict();
          }
          break;
        case Kid::Kind::kObject:  // table 325
          t.begin_dict().key("Type").name("OBJR").key("Obj").ref(k.object).key("Pg").ref(k.page).end_dict();
          break;
      }
    }
    if (e.kids.size() > 1) t.end_array();
  }
  if (!e.element.lang.empty()) t.key("Lang").value(text(e.element.lang));
  t.key("P").ref(e.parent);
  if (e.page) t.key("Pg").ref(e.page);
  t.key("S").name(e.element.type);
  if (!e.element.title.empty()) t.key("T").value(text(e.element.title));
  t.end_dict();
  out_.object(num, t.str());
}

uint32_t StructureTree::finish() {
  // Children were opened after their parents, so they have higher numbers: closing from
  // the highest writes every element after its children.
  std::vector<uint32_t> left;
  for (const auto& [num, e] : open_) left.push_back(num);
  std::sort(left.rbegin(), left.rend());
  for (uint32_t num : left) close(num);

  // The parent tree: a number tree (§7.9.7) from /StructParents keys to parents, one
  // level of leaves when it is long.
  const auto nums = [&](size_t from, size_t to) {
    PdfArray a;
    for (size_t k = from; k < to; ++k) {
      a.push_back(integer(static_cast<int64_t>(k)));
      a.push_back(ref(parents_[k]));
    }
    return a;
  };
  PdfDictionary tree;
  if (parents_.size() <= kNumsPerLeaf) {
    tree.AddKey("Nums", nums(0, parents_.size()));
  } else {
    std::vector<uint32_t> leaves;
    for (size_t from = 0; from < parents_.size(); from += kNumsPerLeaf) {
      const size_t to = std::min(parents_.size(), from + kNumsPerLeaf);
      PdfDictionary leaf;
      PdfArray limits;
      limits.push_back(integer(static_cast<int64_t>(from)));
      limits.push_back(integer(static_cast<int64_t>(to - 1)));
      leaf.AddKey("Limits", limits);
      leaf.AddKey("Nums", nums(from, to));
      leaves.push_back(out_.reserve());
      out_.object(leaves.back(), PdfObject(leaf));
    }
    tree.AddKey("Kids", refs(leaves));
  }
  const uint32_t parent_tree = out_.reserve();
  out_.object(parent_tree, PdfObject(tree));

  PdfDictionary root;  // §14.7.2, table 322
  root.AddKey("Type", name("StructTreeRoot"));
  root.AddKey("K", ref(document_));
  root.AddKey("ParentTree", ref(parent_tree));
  root.AddKey("ParentTreeNextKey", integer(static_cast<int64_t>(parents_.size())));
  if (!role_map_.empty()) {
    PdfDictionary map;
    for (const auto& [from, to] : role_map_) map.AddKey(PoDoFo::PdfName(from), name(to));
    root.AddKey("RoleMap", map);
  }
  out_.object(root_, PdfObject(root));
  return root_;
}

}  // namespace appeal::pdf
