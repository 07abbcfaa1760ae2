// Archival copies of sent letters: the letter as printed, as PDF/A-3b, carrying its own
// source (the case JSON and the sender's CSV row as JSON, as associated files), and
// optionally a PAdES signature.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "appeal/case_model.h"
#include "appeal/letter_builder.h"
#include "appeal/senders.h"
#include "layout/document.h"

namespace appeal {

// "siobhan-nuanain" for "Siobhán Nuanáin", "zhanbolat-mamay" for "Жанболат Мамай",
// "giorgos-papadopoulos" for "Γιώργος Παπαδόπουλος", "wang-xiao-ming" for "王晓明":
// lower-case ASCII letters and digits joined by "-"; "sender" when nothing is left.
std::string sender_slug(const std::string& name);

// The sender's CSV row as JSON (line, name, address lines, country, e-mail, signature
// file as written in the CSV, language).
std::string sender_row_json(const Sender& s, const std::filesystem::path& senders_file);

struct ArchiveSource {
  std::string case_name, case_json;  // the case file's name and exact bytes
  std::string sender_json;
  std::string senders_file_name;
};

// The archive copy of a sent letter: its printed pages, to be written as PDF/A-3b with the
// case JSON and the sender's row attached as sources (and signed when the run signs).
layout::Document archive_document(std::vector<layout::DisplayPage> pages, const Case& c, const Target& t,
                                  const std::string& lang, const Sender& sender, const ArchiveSource& source,
                                  const LetterSettings& settings);

}  // namespace appeal
