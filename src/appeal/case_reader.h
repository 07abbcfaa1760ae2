// Reads and validates case.json; every error names the file and the JSON pointer.
#pragma once
#include <filesystem>

#include "appeal/case_model.h"
#include "appeal/coverage.h"

namespace appeal {

// Throws InputError on bad syntax (line:column) or content (JSON pointer). With
// `can_draw`, also rejects characters the fonts cannot draw (see coverage.h).
Case read_case(const std::filesystem::path& file, const CanDraw& can_draw = {},
               const std::string& fonts_named = {});

}  // namespace appeal
