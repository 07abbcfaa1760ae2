// What the command line asked for, as plain data: the one input of the application
// (src/app/), filled in by the CLI (src/cli/main.cpp).
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace appeal::app {

enum class Command { kLetters, kEnvelopes, kLabels, kArchive, kLeaflet, kSign, kCheck, kImport, kReport };

struct RunOptions {
  std::string case_file, out_dir, layout, langs, date, from, senders, targets, group, sign, password_file;
  std::string id, check;         // import: --id, --check CASE
  std::string reason, location;  // sign: the signature's /Reason and /Location
  std::string profile = "auto";  // check: auto, plain, pdfa-3b, pdfx-4
  std::string font_family;       // --font-family NAME: an installed family for every style
  std::string report;            // --report FILE (.csv, .json): what the run wrote, counted (app/report.h)
  bool split = false, quiet = false;
  bool trace = false;  // write text traces of the pages (render/trace.h) instead of PDFs
  bool untagged = false;  // --untagged: no structure tree (smallest files)
  bool pdf_ua = false;    // --pdf-ua: declare PDF/UA-1 (ISO 14289-1)
  unsigned jobs = 1;
};

// A wrong option value ("--lang xx-!!", "--split" without "--senders"): exit 2, printed
// after "appeal: ".
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// --password-file's first line (a CR before the LF is dropped); UsageError when unreadable.
std::string read_password(const std::string& file);

// "a, b,c" -> {"a", "b", "c"}: the comma-separated lists of --lang and --target.
std::vector<std::string> split_commas(const std::string& s);

// --lang's comma-separated tags, canonical BCP 47, each once ("nl,NL" is one language);
// UsageError for a tag that is not one.
std::vector<std::string> cli_languages(const std::string& given);

}  // namespace appeal::app
