#include "inspect/pdf_check.h"

#include <hb.h>
#include <podofo.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <regex>
#include <set>

#include "common/input_error.h"
#include "inspect/checker.h"
#include "text/utf8.h"

namespace appeal::inspect {

using namespace PoDoFo;
using detail::Checker;

Report check_pdf(const std::filesystem::path& file, Profile profile) {
  PdfError::EnableLogging(false);
  PdfError::EnableDebug(false);
  std::string bytes;
  {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file, "", "cannot read the file");
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  PdfMemDocument doc;
  try {
    doc.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
  } catch (const PdfError& e) {
    const char* m = PdfError::ErrorMessage(e.GetError());
    throw InputError(file, "", std::string("not a PDF PoDoFo can read (") + (m && *m ? m : PdfError::ErrorName(e.GetError())) + ")");
  }
  std::map<std::string, std::string> info;
  try {
    PdfVecObjects objects;
    PdfParser parser(&objects, bytes.data(), static_cast<long>(bytes.size()), true);
    const PdfObject* ref = parser.GetTrailer() ? parser.GetTrailer()->GetDictionary().GetKey("Info") : nullptr;
    const PdfObject* dict = ref && ref->IsReference() ? objects.GetObject(ref->GetReference()) : nullptr;
    if (dict && dict->IsDictionary()) {
      for (const auto& [k, v] : dict->GetDictionary().GetKeys()) {
        if (v->IsString() || v->IsHexString()) info[k.GetName()] = Checker::text(v);
      }
    }
  } catch (const PdfError&) {
    // Read as a whole below; its error is reported there.
  }
  Report report;
  Checker c(doc, bytes, std::move(info), report);
  if (profile == Profile::kAuto) {
    const PdfObject* meta = c.key(doc.GetCatalog(), "Metadata");
    const std::string xmp = meta ? c.stream(meta) : "";
    if (Checker::xmp_prop(xmp, "pdfaid:part") == "3") {
      profile = Profile::kPdfA3b;
    } else if (c.key(c.key(doc.GetTrailer(), "Info"), "GTS_PDFXVersion")) {
      profile = Profile::kPdfX4;
    } else if (Checker::xmp_prop(xmp, "pdfuaid:part") == "1") {
      profile = Profile::kPdfUa1;
    } else {
      profile = Profile::kPlain;
    }
  }
  report.profile = profile == Profile::kPdfA3b ? "pdfa-3b"
                   : profile == Profile::kPdfX4 ? "pdfx-4"
                   : profile == Profile::kPdfUa1 ? "pdfua-1"
                                                 : "plain";
  try {
    c.facts();
    c.fonts(profile == Profile::kPdfA3b);
    c.glyphs(profile == Profile::kPdfA3b);
    c.files_and_signatures();
    if (profile == Profile::kPdfA3b) c.pdfa();
    if (profile == Profile::kPdfX4) c.pdfx();
    if (profile == Profile::kPdfUa1) c.pdfua();
  } catch (const PdfError& e) {
    const char* m = PdfError::ErrorMessage(e.GetError());
    report.violations.push_back(std::string("ISO 32000-1: the file does not read as a whole (") +
                                (m && *m ? m : PdfError::ErrorName(e.GetError())) + ")");
  }
  return report;
}

}  // namespace appeal::inspect
