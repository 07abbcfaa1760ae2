// DOCX (Office Open XML, ECMA-376 Part 1): a ZIP (libzip) whose word/document.xml holds
// the paragraphs (w:p) of runs (w:r) of text (w:t), tabs (w:tab) and breaks (w:br, w:cr);
// hyperlinks (w:hyperlink) point through word/_rels/document.xml.rels. Parsed with
// libxml2 without network access or entity expansion.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <map>
#include <memory>

#include "common/input_error.h"
#include "extract/paragraph_builder.h"

namespace appeal::extract {
namespace {

constexpr const char* kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr zip_uint64_t kMaxPart = 64u << 20;  // a zip bomb stops here

std::string read_part(zip_t* z, const char* name, const std::filesystem::path& file, bool required) {
  zip_stat_t st;
  if (zip_stat(z, name, 0, &st) != 0) {
    if (!required) return "";
    throw InputError(file, "", "a ZIP file without word/document.xml: expected an Urgent Action as a Word document (.docx)");
  }
  if (st.size > kMaxPart) throw InputError(file, name, "larger than 64 MiB unpacked");
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen(z, name, 0), zip_fclose);
  if (!f) throw InputError(file, name, "cannot unpack");
  std::string data(static_cast<size_t>(st.size), '\0');
  if (zip_fread(f.get(), data.data(), st.size) != static_cast<zip_int64_t>(st.size)) {
    throw InputError(file, name, "cannot unpack (damaged ZIP)");
  }
  return data;
}

using XmlDoc = std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)>;

XmlDoc parse(const std::string& xml, const std::filesystem::path& file, const char* part) {
  XmlDoc doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), part, nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
             xmlFreeDoc);
  if (!doc || !xmlDocGetRootElement(doc.get())) throw InputError(file, part, "not well-formed XML");
  return doc;
}

bool word(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, reinterpret_cast<const xmlChar*>(kWordNs)) &&
         xmlStrEqual(n->name, reinterpret_cast<const xmlChar*>(name));
}

std::string text_of(const xmlNode* n) {
  std::string s;
  for (; n; n = n->next) {
    if (word(n, "t")) {
      xmlChar* c = xmlNodeGetContent(n);
      if (c) s += reinterpret_cast<const char*>(c);
      xmlFree(c);
    } else if (word(n, "tab")) {
      s += ' ';
    } else if (n->type == XML_ELEMENT_NODE) {
      s += text_of(n->children);
    }
  }
  return s;
}

struct Walker {
  const std::map<std::string, std::string>& links;
  ParagraphBuilder out;

  void walk(const xmlNode* n) {
    for (; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      if (word(n, "t")) {
        xmlChar* c = xmlNodeGetContent(n);
        if (c) out.text(reinterpret_cast<const char*>(c));
        xmlFree(c);
      } else if (word(n, "tab")) {
        out.text(" ");
      } else if (word(n, "br") || word(n, "cr")) {
        out.line_break();
      } else if (word(n, "delText") || word(n, "instrText")) {
        // deleted text under tracked changes, field codes: not what the reader sees
      } else if (word(n, "p")) {
        walk(n->children);
        out.paragraph_break();
      } else {
        if (word(n, "hyperlink")) {
          xmlChar* id = xmlGetNsProp(n, reinterpret_cast<const xmlChar*>("id"), reinterpret_cast<const xmlChar*>(kRelNs));
          if (id) {
            if (auto it = links.find(reinterpret_cast<const char*>(id)); it != links.end()) out.link(text_of(n->children), it->second);
            xmlFree(id);
          }
        }
        walk(n->children);
      }
    }
  }
};

}  // namespace

DocumentText read_docx(const std::filesystem::path& file) {
  int err = 0;
  std::unique_ptr<zip_t, void (*)(zip_t*)> z(zip_open(file.string().c_str(), ZIP_RDONLY, &err), zip_discard);
  if (!z) throw InputError(file, "", "cannot read as a ZIP file (damaged?): expected a Word document (.docx)");
  const std::string body = read_part(z.get(), "word/document.xml", file, true);
  std::map<std::string, std::string> links;
  const std::string rels = read_part(z.get(), "word/_rels/document.xml.rels", file, false);
  if (!rels.empty()) {
    XmlDoc r = parse(rels, file, "word/_rels/document.xml.rels");
    for (xmlNode* n = xmlDocGetRootElement(r.get())->children; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      xmlChar* id = xmlGetProp(n, reinterpret_cast<const xmlChar*>("Id"));
      xmlChar* target = xmlGetProp(n, reinterpret_cast<const xmlChar*>("Target"));
      if (id && target) links[reinterpret_cast<const char*>(id)] = reinterpret_cast<const char*>(target);
      xmlFree(id);
      xmlFree(target);
    }
  }
  XmlDoc doc = parse(body, file, "word/document.xml");
  Walker w{links, {}};
  w.walk(xmlDocGetRootElement(doc.get()));
  return w.out.finish("docx");
}

}  // namespace appeal::extract
