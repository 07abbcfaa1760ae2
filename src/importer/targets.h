// The officials of an Urgent Action: the block of lines naming each one (office, name,
// organisation, postal address, e-mail, fax, telephone) read into the case's targets.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "importer/sections.h"
#include "importer/ua_import.h"

namespace appeal::importer {

struct TargetDraft {
  std::vector<std::string> lines;             // name, office, address: in the document's order
  std::string email, fax, phone, salutation;  // as written
  std::vector<std::string> other;             // "Twitter: @...", kept for the report
  bool copy = false;                          // listed under "Copies to"
};

// Splits a run of lines into targets: a new one starts after a target's contact lines, or
// after a gap once the current one has a name and an address line.
std::vector<TargetDraft> split_targets(const std::vector<Line>& lines, bool copies);

// A contact line: "E-mail: x@y", "Fax +7 ...", "Tel. (202) ...", a bare e-mail address or
// number. Sets `kind` ("email", "fax", "phone", "social", "salutation") and `value`.
bool contact_line(const std::string& line, std::string& kind, std::string& value);

struct TargetContext {
  std::string language;                     // the document's language: keys of name, lines, ...
  std::vector<std::string> name_languages;  // for country names: the document's and the preferred
};

// One target as the case format has it, without "id" and "salutation" (the caller knows the
// others and the letters); findings go to `findings` under `pointer`.
nlohmann::ordered_json build_target(const TargetDraft& d, const TargetContext& ctx, const std::string& pointer,
                                    std::vector<Finding>& findings);

}  // namespace appeal::importer
