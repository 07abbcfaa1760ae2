// The text of a document as a reader sees it: paragraphs of lines in reading order, with
// the page furniture (page numbers, running headers and footers) and the hyphens that only
// broke a word at a line end taken out. Knows nothing of Urgent Actions: `importer/` reads
// the sections. Formats: PDF (poppler), HTML (libxml2), DOCX (libzip + libxml2), plain text.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace appeal::extract {

struct Link {
  std::string text, href;  // the words of an <a href> or a DOCX hyperlink, and where it points
};

struct Paragraph {
  std::vector<std::string> lines;  // as laid out: an address keeps its lines
  bool gap_before = false;         // visible space above it (a blank line, a paragraph gap)
  int page = 1;                    // 1-based; plain text counts form feeds
  std::vector<Link> links;
  // Per line, filled by the PDF reader: the line lies in the page's top or bottom margin
  // (where running headers, footers and page numbers go). Empty for other formats, where the
  // first and last three lines of a page count as its edges.
  std::vector<bool> at_edge;
};

struct DocumentText {
  std::string format;  // "pdf", "docx", "html", "text"
  std::vector<Paragraph> paragraphs;
  int pages = 1;
  // The running headers and footers taken out, once each: they often carry the document's
  // reference ("Index: EUR 46/9954/2025").
  std::vector<std::string> furniture;
};

// Reads `file` by its content (not its name): "%PDF-", a ZIP holding word/document.xml,
// HTML markup, else UTF-8 (or UTF-16 with a byte-order mark) text. Throws appeal::InputError
// naming the file for what it cannot read: an encrypted or image-only PDF, a ZIP that is not
// a Word document, text that is not UTF-8.
DocumentText read_document(const std::filesystem::path& file);

// One paragraph's lines as running text: lines joined with a space.
std::string joined(const Paragraph& p);

}  // namespace appeal::extract
