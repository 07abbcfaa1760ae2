// The per-format readers behind read_document() and the clean-up they share.
#pragma once
#include <filesystem>
#include <string>

#include "extract/document_text.h"

namespace appeal::extract {

DocumentText read_pdf(const std::filesystem::path& file);
DocumentText read_html(const std::filesystem::path& file, const std::string& bytes);
DocumentText read_docx(const std::filesystem::path& file);
DocumentText read_plain_text(const std::filesystem::path& file, const std::string& bytes);

// Whitespace of one line collapsed (tabs, no-break and other Unicode spaces become one
// space; ends trimmed) and put in Unicode Normalization Form C.
std::string clean_line(const std::string& s);

// True for a line that is only a page number: "3", "- 3 -", "Page 3", "Page 3 of 5",
// "3/5", "3 of 5", "Página 3", "Seite 3 von 5".
bool is_page_number(const std::string& line);

// Joins words broken across lines with a hyphen at the line end (see the rule in
// dehyphenate.cpp) in every paragraph.
void join_broken_words(DocumentText& doc);

// Drops lines that recur at the top or bottom of several pages (running headers and
// footers, page numbers masked) and page-number lines; empty paragraphs go too.
void drop_page_furniture(DocumentText& doc);

}  // namespace appeal::extract
