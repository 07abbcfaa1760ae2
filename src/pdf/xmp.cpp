#include "pdf/xmp.h"

namespace appeal::pdf {

namespace {

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string xmp_date(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string xmp_packet(const XmpFields& f) {
  const std::string date = xmp_date(f.created);
  std::string x =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "<rdf:Description rdf:about=\"\"\n"
      "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      "  xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n"
      "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n";
  if (!f.pdfx_version.empty()) x += "  xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\"\n";
  if (f.pdfa_part) x += "  xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n";
  if (f.pdfua_part) x += "  xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n";
  x += "  xmp:CreateDate=\"" + date + "\" xmp:ModifyDate=\"" + date + "\" xmp:MetadataDate=\"" + date + "\"\n";
  x += "  xmp:CreatorTool=\"" + xml_escape(f.creator_tool) + "\" pdf:Producer=\"" + xml_escape(f.producer) + "\"\n";
  x += "  xmpMM:DocumentID=\"" + f.document_id + "\" xmpMM:InstanceID=\"" + f.document_id +
       "\" xmpMM:VersionID=\"1\" xmpMM:RenditionClass=\"default\"";
  if (f.trapped_known) x += "\n  pdf:Trapped=\"False\"";
  if (!f.pdfx_version.empty()) x += "\n  pdfxid:GTS_PDFXVersion=\"" + xml_escape(f.pdfx_version) + "\"";
  if (f.pdfa_part) {
    x += "\n  pdfaid:part=\"" + std::to_string(f.pdfa_part) + "\" pdfaid:conformance=\"" + xml_escape(f.pdfa_conformance) + "\"";
  }
  if (f.pdfua_part) x += "\n  pdfuaid:part=\"" + std::to_string(f.pdfua_part) + "\"";
  x += ">\n";
  x += "<dc:format>application/pdf</dc:format>\n";
  x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(f.title) + "</rdf:li></rdf:Alt></dc:title>\n";
  if (!f.author.empty()) x += "<dc:creator><rdf:Seq><rdf:li>" + xml_escape(f.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!f.subject.empty()) {
    x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(f.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  }
  if (!f.language.empty()) x += "<dc:language><rdf:Bag><rdf:li>" + xml_escape(f.language) + "</rdf:li></rdf:Bag></dc:language>\n";
  x += "</rdf:Description>\n";
  if (f.pdfua_part) {
    // The pdfuaid schema described as ISO 19005-3 §6.6.2.3.3 asks for any schema PDF/A
    // does not predefine (an extension schema container, ISO 19005-1 §6.7.8).
    x += "<rdf:Description rdf:about=\"\"\n"
         "  xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
         "  xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
         "  xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
         "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
         "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
         "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
         "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
         "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
         "<pdfaProperty:name>part</pdfaProperty:name>\n"
         "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
         "<pdfaProperty:category>internal</pdfaProperty:category>\n"
         "<pdfaProperty:description>Indicates which part of ISO 14289 the file conforms to</pdfaProperty:description>\n"
         "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
         "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
         "</rdf:Description>\n";
  }
  x += "</rdf:RDF>\n</x:xmpmeta>\n";
  // Room to edit the packet in place, as XMP writers leave (ISO 16684-1 §7.3.5).
  x += std::string(10, ' ') + "\n<?xpacket end=\"w\"?>";
  return x;
}

}  // namespace appeal::pdf
