// Builds one window letter (a target in a language) from a case and a layout: picks the
// content for each frame of the layout; layout/ sets and places it.
#pragma once
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "appeal/case_model.h"
#include "layout/display_list.h"
#include "layout/flow.h"
#include "layout/layout_spec.h"

namespace appeal {

struct LetterSettings {
  Date letter_date;            // printed in the information block
  std::time_t created = 0;     // PDF CreationDate
  std::string origin_country;  // ISO alpha-2 the letter is posted from; "" = unknown
};

// Throws InputError naming the case file and pointer when the address does not fit the
// layout's window (too many lines, or a line too wide).
std::vector<layout::DisplayPage> build_letter(const Case& c, size_t target_index, const std::string& lang,
                                              const layout::LayoutSpec& spec, layout::Typesetter& ts,
                                              const LetterSettings& settings);

void write_letter_pdf(const std::vector<layout::DisplayPage>& pages, const Case& c, const Target& t,
                      const std::string& lang, const LetterSettings& settings, layout::Typesetter& ts,
                      const std::filesystem::path& file);

}  // namespace appeal
