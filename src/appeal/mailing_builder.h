// Envelopes and address-label sheets for the letters of a mail merge: one envelope or
// label per letter, in the order of the merged letters.
#pragma once
#include <memory>
#include <vector>

#include "appeal/letter_builder.h"

namespace appeal {

// One envelope page: the recipient in the layout's "address" frame and, with a sender,
// their return address in "return_address".
layout::DisplayPage build_envelope(const Case& c, size_t target_index, const std::string& lang,
                                   const layout::LayoutSpec& spec, text::Typesetter& ts,
                                   const LetterSettings& settings, const Sender* sender);

// The metadata of a file of envelopes or label sheets (`kind`: "envelopes" or "labels")
// for the letters to target `t` in `lang`.
layout::DocumentHead mailing_head(const Case& c, const Target& t, const std::string& lang, const std::string& kind,
                                  const LetterSettings& settings);

// Fills label sheets cell by cell; a new sheet when one is full.
class LabelSheets {
 public:
  LabelSheets(const layout::LayoutSpec& spec, text::Typesetter& ts);  // spec must have a grid
  void add(const Case& c, size_t target_index, const std::string& lang, const LetterSettings& settings,
           const Sender* sender);
  // The sheets filled so far, the last one perhaps partly; none are kept.
  std::vector<layout::DisplayPage> take();
  // The full sheets only (a partly filled last sheet stays), so a long run of labels is
  // written sheet by sheet and never held whole.
  std::vector<layout::DisplayPage> take_full();

 private:
  const layout::LayoutSpec& spec_;
  text::Typesetter& ts_;
  std::vector<layout::DisplayPage> sheets_;
  int used_ = 0;
};

}  // namespace appeal
