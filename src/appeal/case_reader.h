// Reads and validates case.json; every error names the file and the JSON pointer.
#pragma once
#include <filesystem>

#include "appeal/case_model.h"
#include "appeal/coverage.h"
#include "common/json_reader.h"

namespace appeal {

// Throws InputError on bad syntax (line:column) or content (JSON pointer). With
// `can_draw`, also rejects characters the fonts cannot draw (see coverage.h).
Case read_case(const std::filesystem::path& file, const CanDraw& can_draw = {},
               const std::string& fonts_named = {});

// Refuses (InputError naming the first) a placeholder `appeal import` left in text a
// command writes: any language-neutral one, and those under one of `languages`; those of
// targets not in `c.targets` (left out with --target) are not written and pass.
void refuse_placeholders(const Case& c, const std::vector<std::string>& languages);

// A group contact: {"name", "lines": [...], "email", "phone", "web"}, all but name
// optional. `n` is the object in a case ("/group") or a --group file's root.
Group read_group(const JsonNode& n);
// A group file (`appeal leaflet --group`); with `can_draw`, every string must be drawable.
Group read_group_file(const std::filesystem::path& file, const CanDraw& can_draw = {}, const std::string& fonts_named = "");

}  // namespace appeal
