// The recipient and return-address blocks as the post wants them for a letter posted in
// one country to another (UPU Convention, Deutsche Post / DIN 5008 practice; docs/print-geometry.md §4):
//  - the destination country is the last line, in capitals, in the origin country's
//    language (or the sender's own, where iso-codes has it) or English; none when domestic;
//  - international mail carries Latin letters where the origin post does not read the
//    destination's script (a letter from London to Astana uses the case's Latin lines).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "appeal/case_model.h"

namespace appeal {

struct Origin {
  std::string country;   // ISO 3166-1 alpha-2 the letter is posted in
  std::string language;  // language for the country line; "" = the origin post's own
};

struct RecipientBlock {
  std::vector<std::string> lines;  // the address lines, then the country line if any
  std::string lines_language;      // which entry of address.lines was used
  bool country_line = false;
  // Where each line comes from, relative to the target: "/address/lines/en/0",
  // "/address/name/en", "/address/country" (for messages).
  std::vector<std::string> sources;
};

// The address's optional parts (honorific, name, title, organisation) in the language of
// the lines used join them in the order the destination's post wants for its own script
// (data/postal.json "order", "honorific"); lines in another script (Latin lines for Japan)
// take the international order: name first, honorific before it.
// Without an origin the country line is always written, in English (the origin post is
// unknown) and the letter's own lines are used.
RecipientBlock format_recipient(const Address& to, const std::string& letter_language,
                                const std::optional<Origin>& from);

// Return address: the sender's lines, and their country (in English, which every post
// reads) when the letter goes abroad.
std::vector<std::string> format_return_address(const std::string& name, const std::vector<std::string>& address,
                                               const std::string& sender_country, const std::string& destination);

}  // namespace appeal
