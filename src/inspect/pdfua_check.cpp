// The machine-checkable rules of PDF/UA-1 (ISO 14289-1) that apply to letters, leaflets
// and archive copies, as the Matterhorn Protocol 1.1 lists them (its checkpoint numbers in
// the messages): tagged, structured, every drawing operator either tagged content or an
// artifact, standard or role-mapped structure types, figures with alternative text, a
// natural language, a title that is shown. Fonts (embedded, ToUnicode, no glyph 0) are
// checked for every profile (checker.h).
#include <set>

#include "inspect/checker.h"

namespace appeal::inspect::detail {
namespace {

const char* const kUa = "ISO 14289-1";

// The standard structure types of ISO 32000-1 §14.8.4 (tables 333 to 340).
const std::set<std::string>& standard_types() {
  static const std::set<std::string> types = {
      "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct", "Private",
      "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody",
      "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu",
      "WT", "WP", "Figure", "Formula", "Form"};
  return types;
}

// Operators that put something on the page (ISO 32000-1 §8.2, table 51).
bool paints(const std::string& op) {
  static const std::set<std::string> ops = {"Tj", "TJ", "'", "\"", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "BI"};
  return ops.count(op) > 0;
}

}  // namespace

// Structure types that are neither standard nor role-mapped to one (ISO 32000-1 §14.7.3),
// figures without alternative text, and how many elements the tree holds.
struct StructureFacts {
  std::set<std::string> unmapped;
  int figures_without_alt = 0, elements = 0;
};

static StructureFacts structure_facts(Checker& c, const PdfObject* root) {
  StructureFacts f;
  const PdfObject* role_map = c.key(root, "RoleMap");
  std::set<const PdfObject*> seen;
  std::function<void(const PdfObject*, int)> walk = [&](const PdfObject* k, int depth) {
    k = c.res(k);
    if (!k || depth > 256 || !seen.insert(k).second) return;
    if (k->IsArray()) {
      for (const PdfObject& e : k->GetArray()) walk(&e, depth + 1);
      return;
    }
    if (!k->IsDictionary()) return;  // an MCID
    const std::string s = Checker::name(c.key(k, "S"));
    if (!s.empty()) {
      ++f.elements;
      std::string type = s;
      for (int hops = 0; hops < 16 && !standard_types().count(type); ++hops) {
        const std::string to = Checker::name(c.key(role_map, type.c_str()));
        if (to.empty()) break;
        type = to;
      }
      if (!standard_types().count(type)) f.unmapped.insert(s);
      if (type == "Figure" && !c.key(k, "Alt") && !c.key(k, "ActualText")) ++f.figures_without_alt;
    }
    walk(c.key(k, "K"), depth + 1);
  };
  walk(c.key(root, "K"), 0);
  return f;
}

void Checker::pdfa_level_a() {
  const char* const kA = "ISO 19005-3 §6.7 (level A)";
  const PdfObject* catalog = doc_.GetCatalog();
  const PdfObject* marked = key(key(catalog, "MarkInfo"), "Marked");
  if (!(marked && marked->IsBool() && marked->GetBool())) violation(kA, "the catalog's /MarkInfo does not say /Marked true");
  const PdfObject* root = key(catalog, "StructTreeRoot");
  if (!root) {
    violation(kA, "no /StructTreeRoot: level A needs the document's logical structure");
  } else {
    const StructureFacts f = structure_facts(*this, root);
    for (const std::string& s : f.unmapped) violation(kA, "structure type /" + s + " is neither standard nor role-mapped");
    if (f.elements == 0) violation(kA, "the structure tree holds no structure element");
  }
  if (text(key(catalog, "Lang")).find_first_not_of(' ') == std::string::npos) {
    violation(kA, "the catalog has no /Lang: level A declares the natural language");
  }
}

void Checker::pdfua() {
  const PdfObject* catalog = doc_.GetCatalog();
  // Tagged (Matterhorn 01-002) and structured (01-001 ... the structure tree exists).
  const PdfObject* marked = key(key(catalog, "MarkInfo"), "Marked");
  if (!(marked && marked->IsBool() && marked->GetBool())) {
    violation(std::string(kUa) + " §7.1 (Matterhorn 01-002)", "the catalog's /MarkInfo does not say /Marked true: not a tagged PDF");
  }
  const PdfObject* root = key(catalog, "StructTreeRoot");
  if (!root) violation(std::string(kUa) + " §7.1 (Matterhorn 01-001)", "no /StructTreeRoot: the document has no logical structure");

  // Identification and title (06-002, 06-003, 07-001).
  const PdfObject* meta = key(catalog, "Metadata");
  const std::string xmp = meta ? stream(meta) : "";
  if (xmp_prop(xmp, "pdfuaid:part") != "1") violation(std::string(kUa) + " §5 (Matterhorn 06-002)", "XMP pdfuaid:part is not 1");
  const std::string title = xmp_prop(xmp, "dc:title");
  if (title == "\x01" || title.find_first_not_of(" \t\r\n") == std::string::npos) {
    violation(std::string(kUa) + " §7.1 (Matterhorn 06-003)", "the XMP metadata has no dc:title");
  }
  const PdfObject* shown = key(key(catalog, "ViewerPreferences"), "DisplayDocTitle");
  if (!(shown && shown->IsBool() && shown->GetBool())) {
    violation(std::string(kUa) + " §7.1 (Matterhorn 07-001)", "/ViewerPreferences /DisplayDocTitle is not true: viewers show the file name");
  }
  // The natural language (11-006): on the catalog, for everything not marked otherwise.
  if (text(key(catalog, "Lang")).find_first_not_of(' ') == std::string::npos) {
    violation(std::string(kUa) + " §7.2 (Matterhorn 11-006)", "the catalog has no /Lang: a screen reader cannot choose a voice");
  }

  // Structure elements: standard types or role-mapped to one (02-001, 02-004), figures with
  // alternative text (13-004).
  if (root) {
    const StructureFacts f = structure_facts(*this, root);
    for (const std::string& s : f.unmapped) {
      violation(std::string(kUa) + " §7.1 (Matterhorn 02-004)", "structure type /" + s + " is neither standard nor role-mapped to a standard type");
    }
    if (f.figures_without_alt > 0) {
      violation(std::string(kUa) + " §7.3 (Matterhorn 13-004)",
                std::to_string(f.figures_without_alt) + " Figure element(s) without /Alt: the image says nothing to a screen reader");
    }
    if (f.elements == 0) violation(std::string(kUa) + " §7.1 (Matterhorn 01-001)", "the structure tree holds no structure element");
  }

  // Content: every drawing operator inside marked content, tagged or an artifact (01-005),
  // on pages that say where their structure is (/StructParents), with /Tabs /S where they
  // have annotations (§7.18.3).
  for (int i = 0; i < doc_.GetPageCount(); ++i) {
    const PdfPage* p = doc_.GetPage(i);
    const std::string page = "page " + std::to_string(i + 1);
    int depth = 0, outside = 0, mcids = 0;
    const bool parsed = each_operator(page_content(i), [&](const std::string& op, const std::vector<PdfVariant>& operands) {
      if (op == "BMC" || op == "BDC") {
        ++depth;
        if (op == "BDC" && !operands.empty() && operands.back().IsDictionary() && operands.back().GetDictionary().HasKey("MCID")) ++mcids;
      } else if (op == "EMC") {
        depth = std::max(0, depth - 1);
      } else if (paints(op) && depth == 0) {
        ++outside;
      }
    });
    if (!parsed) continue;  // reported by the glyph check
    if (outside > 0) {
      violation(std::string(kUa) + " §7.1 (Matterhorn 01-005)",
                page + ": " + std::to_string(outside) + " drawing operator(s) neither tagged content nor marked as artifact");
    }
    if (mcids > 0 && !key(p->GetObject(), "StructParents")) {
      violation(std::string(kUa) + " §7.1, ISO 32000-1 §14.7.4.4", page + " has tagged content but no /StructParents");
    }
    const PdfObject* annots = key(p->GetObject(), "Annots");
    if (annots && annots->IsArray() && !annots->GetArray().empty() && name(key(p->GetObject(), "Tabs")) != "S") {
      violation(std::string(kUa) + " §7.18.3 (Matterhorn 28-007)", page + " has annotations but no /Tabs /S");
    }
  }
}

}  // namespace appeal::inspect::detail
