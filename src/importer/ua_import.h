// An Urgent Action document read into a case file (docs/import.md): the sections of
// Amnesty's labelled template and of a national section's e-mail or web text, and a report
// of everything the reading is unsure of. Pure: text in, JSON out; the CLI writes files.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "appeal/case_model.h"
#include "extract/document_text.h"

namespace appeal::importer {

// Opens placeholders `appeal letters` refuses (case_model.h): "⟦TODO translate from en
// into ru⟧ Dear Mr President,".
inline constexpr const char* kPlaceholder = kImportPlaceholder;

struct Finding {
  std::string field;    // what it is about: "country", "fax", "letter", "deadline", ...
  std::string pointer;  // JSON pointer into the case written
  std::string found;    // the words in the document ("" when nothing was found)
  std::string why;      // why it is unsure, and what to do
};

struct ImportOptions {
  std::string id;        // --id: overrides the UA number found
  std::string language;  // --lang: the document's language; else guessed from its letter, else "en"
  Date today;            // for "the deadline has passed"
};

struct ImportResult {
  nlohmann::ordered_json case_json;
  std::vector<Finding> findings;
};

// Throws appeal::InputError (naming `source`) when the text is no Urgent Action: no letter,
// no target and no labelled section found.
ImportResult import_ua(const extract::DocumentText& doc, const std::string& source, const ImportOptions& options);

}  // namespace appeal::importer
