// What the poppler/qpdf tools say about a PDF, parsed for assertions.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace test {

struct FontRow {
  std::string name, type;
  bool embedded = false, subset = false, unicode = false;
};
std::vector<FontRow> pdffonts(const std::filesystem::path& pdf);

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
struct PageBoxes {
  Box media, crop, bleed, trim, art;
  int pages = 0;
};
PageBoxes pdfinfo_boxes(const std::filesystem::path& pdf);  // page 1

struct Word {
  int page = 0;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // points from the page's top-left (poppler -bbox)
  std::string text;
};
std::vector<Word> pdftotext_words(const std::filesystem::path& pdf);

std::string pdftotext(const std::filesystem::path& pdf, int first_page = 0, int last_page = 0);

// qpdf --check exit code 0 and its "No syntax or stream encoding errors" line, and
// `appeal check` clean under the profile the file claims (pages, fonts, glyph 0, PDF/A, PDF/X).
bool qpdf_clean(const std::filesystem::path& pdf, std::string* report = nullptr);

}  // namespace test
