#include <iostream>

#include "app/commands.h"
#include "inspect/pdf_check.h"

namespace appeal::app {

int run_check(const RunOptions& a) {
  inspect::Profile profile = inspect::Profile::kAuto;
  if (a.profile == "plain") profile = inspect::Profile::kPlain;
  else if (a.profile == "pdfa-3b") profile = inspect::Profile::kPdfA3b;
  else if (a.profile == "pdfa-3a") profile = inspect::Profile::kPdfA3a;
  else if (a.profile == "pdfx-4") profile = inspect::Profile::kPdfX4;
  else if (a.profile == "pdfua-1") profile = inspect::Profile::kPdfUa1;
  else if (a.profile != "auto") throw UsageError("--profile " + a.profile + ": expected auto, plain, pdfa-3b, pdfa-3a, pdfx-4 or pdfua-1");
  const inspect::Report r = inspect::check_pdf(a.case_file, profile);
  std::cout << a.case_file << ": profile " << r.profile << "\n";
  for (const std::string& f : r.facts) std::cout << "  " << f << "\n";
  for (const std::string& v : r.violations) std::cout << a.case_file << ": " << v << "\n";
  std::cout << a.case_file << ": " << r.violations.size() << " violation" << (r.violations.size() == 1 ? "" : "s") << "\n";
  return r.violations.empty() ? 0 : 2;
}

}  // namespace appeal::app
