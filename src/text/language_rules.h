// Where a typesetter of a language would not break a line although UAX #14 allows it.
// The text itself is never changed (it must extract exactly as written); the rules only
// say which spaces bind.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace appeal::text {

// Byte offsets of U+0020 spaces in `text` that must not become line breaks:
//  - after a one-letter preposition or conjunction of Russian (в к с у о и а я),
//    Ukrainian, Belarusian, Czech, Slovak, Polish, Slovenian or Croatian (any case);
//  - after an initial ("К.", "К.-Ж.", "J.") before a word;
//  - between a number and the word or number after it ("10 апреля", "400 000 тенге"),
//    unless that word is a single letter ("ст. 378.2 а также": the chain would grow);
//  - after a short abbreviation before a number ("ст. 378.2", "No. 5", "p. 12");
//  - before a dash ("это — расплата"; the space after it still breaks).
// Russian rules follow common Russian typesetting practice (e.g. А. Мильчин, Л. Чельцова,
// "Справочник издателя и автора"); the number, initial, abbreviation and dash rules apply
// to every language.
std::vector<uint32_t> binding_spaces(std::string_view text, const std::string& language);

}  // namespace appeal::text
