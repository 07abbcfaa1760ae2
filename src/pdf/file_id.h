// Content-derived trailer /ID (ISO 32000-1 §14.4), so identical input gives identical bytes.
#pragma once
#include <filesystem>

namespace appeal::pdf {

// Replaces both strings of the trailer's /ID [<..><..>] in `file` with the MD5 of the file
// (taken with the ID digits zeroed). Same length, so the xref offsets stay valid.
// Throws std::runtime_error when the file has no /ID of 32 hex digits.
void set_content_file_id(const std::filesystem::path& file);

}  // namespace appeal::pdf
