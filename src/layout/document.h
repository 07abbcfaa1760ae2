// What a builder returns: a whole output described, never written. Pages of display-list
// items, the document's metadata, what it is for (which fixes the PDF profile), and the
// files it carries. render/ alone turns a description into PDF bytes (render/pdf_output.h)
// or into a text trace for golden tests (render/trace.h).
#pragma once
#include <ctime>
#include <map>
#include <string>
#include <vector>

#include "layout/display_list.h"

namespace appeal::layout {

// What the output is for. The renderer maps each purpose onto one PDF profile:
// office printing (plain PDF 1.7), a print shop (PDF/X-4, CMYK output intent), or an
// archive (PDF/A-3b with its sources attached and, when the run signs, a signature).
enum class Purpose { kOffice, kPrintShop, kArchive };

// A file carried inside the output as its source (PDF/A-3 "associated file").
struct AttachedFile {
  std::string name;  // shown to the reader, e.g. "case.json"
  std::string mime;  // e.g. "application/json"
  std::string data;
  std::string description;
};

struct DocumentHead {
  std::string title, author, subject;
  std::string language;     // BCP 47
  std::time_t created = 0;  // the input's date, never the clock (same input, same bytes)
  Purpose purpose = Purpose::kOffice;
  std::vector<AttachedFile> attachments;  // kArchive only
  // Why the document would be signed (the signature's /Reason), for a run that signs.
  std::string signing_reason;
  // Facts for machines reading the file later (an Info entry each in a PDF), e.g. what a
  // run counted ("AppealReport": app/report.h).
  std::map<std::string, std::string> facts;
};

struct Document {
  DocumentHead head;
  std::vector<DisplayPage> pages;
};

}  // namespace appeal::layout
