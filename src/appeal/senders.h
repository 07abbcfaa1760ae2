// The senders of a mail merge, read from an RFC 4180 CSV file (libcsv). Errors name the
// file and "LINE:COLUMN" of the offending field, as editors count them.
#pragma once
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/input_error.h"

namespace appeal {

struct Sender {
  size_t line = 0;                    // where the record starts in the CSV
  std::string name;
  std::vector<std::string> address;   // the lines before the country
  std::string country;                // ISO 3166-1 alpha-2
  std::string email;                  // optional
  std::filesystem::path signature;    // optional PNG, absolute (resolved against the CSV)
  std::string language;               // optional: the sender's own language
  size_t record = 0;                  // 1 = the first sender of the file
  // Optional: a paragraph of the sender's own, set after the body paragraph the case says
  // (LetterText::personal_after); line breaks in it are kept.
  std::string personal;
  // Optional: the variant of the body the sender's letters use (1, 2, ...); 0: by turn.
  size_t variant = 0;
  // Where those two are in the CSV, for messages once the case and layout are known:
  // "LINE:COLUMN" and "record N, column "personal": ".
  std::string personal_at, personal_context, variant_at, variant_context;
};

// A CSV whose structure is broken (a quote not closed, a stray quote): reading cannot go
// on past it, unlike a record whose values are wrong.
class CsvStructureError : public InputError {
 public:
  using InputError::InputError;
};

struct SendersFile {
  std::vector<Sender> senders;        // in file order
  std::vector<std::string> warnings;  // e.g. unknown columns, ignored
};

// Header row required, with at least name, address, country; optional email, signature,
// language, personal, variant. UTF-8 with or without BOM, CRLF or LF, quoted fields with commas and newlines.
SendersFile read_senders(const std::filesystem::path& file);

// The same, one sender at a time, so a merge of 100,000 senders holds one row in memory.
class SendersReader {
 public:
  explicit SendersReader(const std::filesystem::path& file);  // reads and checks the header
  ~SendersReader();
  SendersReader(const SendersReader&) = delete;
  SendersReader& operator=(const SendersReader&) = delete;
  // The next sender in file order; false after the last. Throws InputError.
  bool next(Sender& out);
  // From now on a name, address or e-mail with a character `can_draw` rejects is bad input
  // at its line:column (an empty box on an envelope is worse than an error).
  void check_drawable(std::function<bool(char32_t)> can_draw, std::string fonts_named);
  const std::vector<std::string>& warnings() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace appeal
