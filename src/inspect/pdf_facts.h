// What a PDF says of itself for machines: its Info dictionary's text entries and its
// embedded files (`appeal report` reads the counts a run left in its files and the archive
// copies' attached sender rows). Independent of the writer in pdf/.
#pragma once
#include <filesystem>
#include <map>
#include <string>

namespace appeal::inspect {

struct PdfFacts {
  std::map<std::string, std::string> info;         // Info text entries, UTF-8
  std::map<std::string, std::string> attachments;  // embedded file name -> its bytes
};

// BadInput naming the file when PoDoFo cannot read it (not a PDF, damaged, encrypted).
PdfFacts read_facts(const std::filesystem::path& file);

// The Info dictionary's text entries of the PDF in `bytes`, read through the trailer as
// the file has it (PdfMemDocument's own PdfInfo would add entries); empty when unreadable.
std::map<std::string, std::string> info_entries(const std::string& bytes);

}  // namespace appeal::inspect
