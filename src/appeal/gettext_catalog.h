// Reads a GNU gettext .mo catalog directly. Debian's iso-codes ships country names in
// every language as .mo files; reading them through libintl would need the matching
// locale generated on the machine, which a fresh Debian does not have.
#pragma once
#include <filesystem>
#include <map>
#include <string>

namespace appeal {

// msgid -> msgstr. Empty map when the file is missing; std::runtime_error when corrupt.
std::map<std::string, std::string> read_mo_catalog(const std::filesystem::path& file);

}  // namespace appeal
