// Reads any PDF (PoDoFo 0.9.8's PdfMemDocument: xref streams, object streams, incremental
// updates) and says what is in it and which rules of a profile it breaks: `appeal check`.
// Independent of the writer in pdf/: it reads files, whoever wrote them.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace appeal::inspect {

enum class Profile {
  // From the file, every profile it claims: XMP pdfaid part 3 -> PDF/A-3b (3a with
  // conformance A), Info GTS_PDFXVersion -> PDF/X-4, XMP pdfuaid part 1 -> PDF/UA-1; else plain.
  kAuto,
  kPlain,   // fonts embedded and subset with ToUnicode, no glyph 0, every glyph shown in its subset
  kPdfA3b,  // ISO 19005-3 level B, the clauses that apply to what a letter holds
  kPdfA3a,  // ISO 19005-3 level A: level B, and tagged with a natural language (§6.7)
  kPdfX4,   // ISO 15930-7
  kPdfUa1,  // ISO 14289-1: the machine-checkable Matterhorn checkpoints (pdfua_check.cpp)
};

struct Report {
  std::string profile;                  // the profiles checked, "+" between: "plain", "pdfa-3b", "pdfa-3a", "pdfx-4", "pdfua-1"
  std::vector<std::string> facts;       // pages, boxes, fonts, output intents, files, signatures
  std::vector<std::string> violations;  // "ISO 19005-3 §6.2.11.8: ..."
};

// BadInput naming the file when PoDoFo cannot read it (not a PDF, damaged, encrypted).
Report check_pdf(const std::filesystem::path& file, Profile profile);

}  // namespace appeal::inspect
