// HTML through libxml2's HTML parser (the one browsers' predecessors shared; it recovers
// from the tag soup a web page or a mail client writes). Block elements end paragraphs,
// <br> ends a line, scripts, styles and navigation are skipped, links keep their target.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstring>
#include <memory>

#include "common/input_error.h"
#include "extract/paragraph_builder.h"

namespace appeal::extract {
namespace {

bool is(const xmlNode* n, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0) return true;
  }
  return false;
}

std::string content(const xmlNode* n) {
  xmlChar* c = xmlNodeGetContent(n);
  std::string s = c ? reinterpret_cast<const char*>(c) : "";
  xmlFree(c);
  return s;
}

void walk(const xmlNode* n, ParagraphBuilder& out) {
  for (; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      out.text(reinterpret_cast<const char*>(n->content));
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) continue;
    if (is(n, {"script", "style", "noscript", "template", "nav", "head", "svg", "button", "select"})) continue;
    if (is(n, {"br"})) {
      out.line_break();
      continue;
    }
    // Blocks with a margin (a visible gap around them) and those without.
    const bool gap_block = is(n, {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre",
                                  "address", "hr", "dl", "figure"});
    const bool block = gap_block || is(n, {"div", "li", "tr", "td", "th", "section", "article", "header", "footer",
                                           "main", "aside", "dt", "dd", "body", "caption", "figcaption"});
    if (block) out.paragraph_break(gap_block);
    if (is(n, {"a"})) {
      xmlChar* href = xmlGetProp(n, reinterpret_cast<const xmlChar*>("href"));
      if (href) {
        const std::string h = reinterpret_cast<const char*>(href);
        xmlFree(href);
        if (h.rfind("http://", 0) == 0 || h.rfind("https://", 0) == 0 || h.rfind("mailto:", 0) == 0) {
          out.link(content(n), h);
        }
      }
    }
    walk(n->children, out);
    if (block) out.paragraph_break(gap_block);
  }
}

}  // namespace

DocumentText read_html(const std::filesystem::path& file, const std::string& bytes) {
  // HTML_PARSE_NONET: never fetch anything the page names.
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET),
      xmlFreeDoc);
  if (!doc || !xmlDocGetRootElement(doc.get())) throw InputError(file, "", "cannot read as HTML");
  ParagraphBuilder out;
  walk(xmlDocGetRootElement(doc.get()), out);
  return out.finish("html");
}

}  // namespace appeal::extract
