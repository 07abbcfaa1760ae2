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
#include "inspect/pdf_facts.h"
#include "text/utf8.h"

namespace appeal::inspect {

using namespace PoDoFo;
using detail::Checker;

Report check_pdf(const std::filesystem::path& file, Profile profile) {
  std::string bytes;
  PdfMemDocument doc;
  detail::load_pdf(file, bytes, doc);
  std::map<std::string, std::string> info = info_entries(bytes);
  Report report;
  Checker c(doc, bytes, std::move(info), report);
  // Every profile the file claims, or the one asked for: a tagged leaflet is PDF/X-4 and
  // PDF/UA-1, an archive copy PDF/A-3a and perhaps PDF/UA-1.
  const PdfObject* meta = c.key(doc.GetCatalog(), "Metadata");
  const std::string xmp = meta ? c.stream(meta) : "";
  std::vector<Profile> profiles;
  if (profile == Profile::kAuto) {
    if (Checker::xmp_prop(xmp, "pdfaid:part") == "3") profiles.push_back(Checker::xmp_prop(xmp, "pdfaid:conformance") == "A" ? Profile::kPdfA3a : Profile::kPdfA3b);
    if (c.key(c.key(doc.GetTrailer(), "Info"), "GTS_PDFXVersion")) profiles.push_back(Profile::kPdfX4);
    if (Checker::xmp_prop(xmp, "pdfuaid:part") == "1") profiles.push_back(Profile::kPdfUa1);
    if (profiles.empty()) profiles.push_back(Profile::kPlain);
  } else {
    profiles.push_back(profile);
  }
  const auto has = [&](Profile p) { return std::find(profiles.begin(), profiles.end(), p) != profiles.end(); };
  const bool pdfa = has(Profile::kPdfA3b) || has(Profile::kPdfA3a);
  for (Profile p : profiles) {
    const char* n = p == Profile::kPdfA3b ? "pdfa-3b" : p == Profile::kPdfA3a ? "pdfa-3a" : p == Profile::kPdfX4 ? "pdfx-4"
                    : p == Profile::kPdfUa1 ? "pdfua-1" : "plain";
    report.profile += (report.profile.empty() ? "" : "+") + std::string(n);
  }
  try {
    c.facts();
    c.fonts(pdfa);
    c.glyphs(pdfa);
    c.files_and_signatures();
    if (pdfa) c.pdfa();
    if (has(Profile::kPdfA3a)) c.pdfa_level_a();
    if (has(Profile::kPdfX4)) c.pdfx();
    if (has(Profile::kPdfUa1)) c.pdfua();
  } catch (const PdfError& e) {
    const char* m = PdfError::ErrorMessage(e.GetError());
    report.violations.push_back(std::string("ISO 32000-1: the file does not read as a whole (") +
                                (m && *m ? m : PdfError::ErrorName(e.GetError())) + ")");
  }
  return report;
}

}  // namespace appeal::inspect
