// The XMP metadata packet of a PDF (ISO 16684-1, ISO 32000-1 §14.3.2): the document's
// title and dates, and the conformance claims that PDF/X-4 and PDF/A read from it.
#pragma once
#include <ctime>
#include <string>

namespace appeal::pdf {

struct XmpFields {
  std::string title;
  std::string author;         // dc:creator (Info /Author)
  std::string subject;        // dc:description (Info /Subject)
  std::string creator_tool, producer;
  std::time_t created = 0;    // xmp:CreateDate, ModifyDate and MetadataDate (UTC)
  std::string document_id;    // "uuid:..." (xmpMM:DocumentID and InstanceID)
  std::string pdfx_version;   // e.g. "PDF/X-4"; empty: no pdfxid claim
  bool trapped_known = false; // pdf:Trapped False (PDF/X needs True or False)
  std::string language;       // dc:language, BCP 47
  int pdfa_part = 0;          // 3 with conformance "B": pdfaid:part / pdfaid:conformance
  std::string pdfa_conformance;
  // 1: pdfuaid:part (ISO 14289-1 §5), with the extension schema that describes it to
  // PDF/A readers (ISO 19005-3 §6.6.2.3.3: properties outside the predefined schemas).
  int pdfua_part = 0;
};

// A complete packet (<?xpacket begin ...?> to <?xpacket end="w"?>), UTF-8.
std::string xmp_packet(const XmpFields& f);

// "2023-06-16T00:00:00Z"
std::string xmp_date(std::time_t t);

}  // namespace appeal::pdf
