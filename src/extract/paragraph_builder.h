// Collects the text of a marked-up document (HTML, DOCX) into paragraphs of lines while a
// reader walks its tree: text runs, line breaks (<br>, <w:br/>), paragraph ends.
#pragma once
#include <string>
#include <utility>

#include "extract/document_text.h"
#include "extract/reader_parts.h"

namespace appeal::extract {

class ParagraphBuilder {
 public:
  void text(const std::string& s) { line_ += s; }
  void line_break() {
    std::string l = clean_line(line_);
    if (!l.empty()) cur_.lines.push_back(std::move(l));
    line_.clear();
  }
  // Ends the paragraph; an empty one (a blank line typed as an empty paragraph) becomes a
  // gap before the next.
  void paragraph_break(bool gap_after = false) {
    line_break();
    if (cur_.lines.empty()) {
      gap_ = gap_ || gap_after || !started_;
      cur_.links.clear();
      return;
    }
    cur_.gap_before = gap_;
    doc_.paragraphs.push_back(std::move(cur_));
    cur_ = Paragraph{};
    gap_ = gap_after;
    started_ = true;
  }
  void link(const std::string& words, const std::string& href) {
    if (!href.empty()) cur_.links.push_back({clean_line(words), href});
  }
  DocumentText finish(const std::string& format) {
    paragraph_break();
    doc_.format = format;
    return std::move(doc_);
  }

 private:
  DocumentText doc_;
  Paragraph cur_;
  std::string line_;
  bool gap_ = false, started_ = false;
};

}  // namespace appeal::extract
