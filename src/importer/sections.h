// An Urgent Action's text cut at its labels ("PREFERRED LANGUAGE TO ADDRESS TARGET:",
// "Additional information") into sections, each a run of lines.
#pragma once
#include <string>
#include <vector>

#include "extract/document_text.h"

namespace appeal::importer {

struct Line {
  std::string text;
  bool para_start = false;  // the first line of a paragraph
  bool gap_before = false;
  std::vector<extract::Link> links;  // of its paragraph, on its first line
};

struct Section {
  std::string kind;   // a label kind of data/import/vocabulary.json, or "" before the first label
  std::string label;  // the label as written
  std::vector<Line> lines;  // the text after the label on its line comes first
  bool has_value = false;   // lines[0] is that text ("Salutation: Dear Minister")
};

std::vector<Section> split_sections(const extract::DocumentText& doc);

// Lines [from, to) as paragraphs of running text.
std::vector<std::string> paragraphs(const std::vector<Line>& lines, size_t from = 0, size_t to = static_cast<size_t>(-1));

}  // namespace appeal::importer
