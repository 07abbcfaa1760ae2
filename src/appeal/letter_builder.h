// Builds one window letter (a target in a language) from a case and a layout: picks the
// content for each frame of the layout; layout/ sets and places it.
#pragma once
#include <ctime>
#include <filesystem>
#include <set>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "appeal/case_model.h"
#include "appeal/postal_address.h"
#include "appeal/senders.h"
#include "layout/display_list.h"
#include "layout/document.h"
#include "layout/flow.h"
#include "layout/layout_spec.h"

namespace appeal {

struct LetterSettings {
  Date letter_date;              // printed in the information block
  std::time_t created = 0;       // PDF CreationDate
  std::optional<Origin> origin;  // where the letters are posted; nullopt = unknown
  std::filesystem::path senders_file;  // for errors about a sender's row
  // Origin countries whose post's language gives country names the fonts cannot draw
  // (Uzbek "QOZOGʻISTON"): their senders' country lines are in English, which the UPU
  // accepts from any origin.
  std::set<std::string> english_country_lines;
};

// Where a sender's letters are posted from, and the language of their country line.
Origin origin_of(const Sender& sender, const LetterSettings& settings);

// Throws InputError naming the case file and pointer when the address does not fit the
// layout's window (too many lines, or a line too wide).
// `sender` null: a letter with a blank sender block and signature line to fill by hand.
std::vector<layout::DisplayPage> build_letter(const Case& c, size_t target_index, const std::string& lang,
                                              const layout::LayoutSpec& spec, text::Typesetter& ts,
                                              const LetterSettings& settings, const Sender* sender = nullptr);

// A sender's own part of a letter, set without the template: the sender block and the
// return line in place, the typed name at (0, 0) until the template says where, and the
// signature image's size. It needs no hyphenation patterns, so a merge sets its first
// senders while the patterns still load. Throws InputError (the CSV line) when the
// sender block does not fit.
struct SenderParts {
  Sender sender;
  layout::DisplayPage first_page;  // lines and rules for page 1
  layout::PlacedLine name;
  std::optional<std::pair<unsigned, unsigned>> signature_px;
};
SenderParts set_sender_parts(const Sender& sender, const Case& c, size_t target_index, const std::string& lang,
                             const layout::LayoutSpec& spec, text::Typesetter& ts, const LetterSettings& settings);

// What every sender's letter to one target in one language shares, set once: the body
// (one variant of it), the signature rule, the date, the marks, continuation headers. Its
// pages become the underlay of each sender's pages (one form XObject per file in the PDF).
// A sender's personal paragraph goes between two paragraphs of the body: the letter flows
// again around a hole as many lines high, once per line count, and the paragraph's lines
// fill the hole; everything else stays shared.
class LetterTemplate {
 public:
  LetterTemplate(const Case& c, size_t target_index, const std::string& lang, const layout::LayoutSpec& spec,
                 text::Typesetter& ts, const LetterSettings& settings, bool with_sender, size_t variant = 0);
  // The letter's pages: the shared underlay plus the address for this sender's origin,
  // the sender block, return line, typed name, signature and personal paragraph. `sender`
  // null only when the template was made without senders. Throws InputError (the CSV's
  // personal field) when the personal paragraph is longer than the layout allows.
  std::vector<layout::DisplayPage> for_sender(const Sender* sender, const LetterSettings& settings);
  std::vector<layout::DisplayPage> for_sender(SenderParts parts, const LetterSettings& settings);
  size_t page_count() const { return plain_.pages.size(); }

 private:
  // The letter flowed once: shared pages, where the typed name and signature go, and the
  // hole left for a personal paragraph (empty without one).
  struct HoleLine {
    size_t page;
    double x, top;
  };
  struct Flowed {
    std::vector<std::shared_ptr<const layout::DisplayPage>> pages;
    size_t caption_page = 0;
    double caption_x = 0, caption_baseline = 0, rule_y = 0, signature_room = 0;
    std::vector<HoleLine> hole;
  };
  Flowed flow(size_t personal_lines) const;
  const Flowed& holed(size_t personal_lines);
  std::vector<layout::DisplayPage> pages_for(const Flowed& f, const std::optional<Origin>& origin);

  const Case& c_;
  size_t ti_;
  std::string lang_;
  const layout::LayoutSpec& spec_;
  text::Typesetter& ts_;
  bool with_sender_;
  Date letter_date_;
  std::vector<layout::Block> blocks_;   // subject to the typed name's placeholder
  std::vector<layout::SetBlock> set_;   // blocks_ set to the body's width
  size_t personal_at_ = 0;              // the personal paragraph is inserted before blocks_[personal_at_]
  Flowed plain_;
  std::map<size_t, Flowed> holed_;      // by the personal paragraph's line count
  std::string signature_alt_;  // "Signature of {name}" in the letter's language
  // The recipient block depends only on where the letter is posted: one per origin.
  std::map<std::pair<std::string, std::string>, std::shared_ptr<const layout::DisplayPage>> addresses_;
};

// The variant of the body (0-based) a sender's letter in `lang` uses: the CSV's `variant`
// column, else by turn (record 1 the first, record 2 the second, ...); a letter with one
// body ignores the column. Throws InputError at the CSV field for a variant a letter with
// variants does not have.
size_t variant_of(const Sender& sender, const LetterText& letter, const std::string& lang,
                  const std::filesystem::path& senders_file);

// Whether a sender writes in `lang`: a sender whose CSV `language` is a language the case
// has a letter in writes in that one only (if the run writes it); any other sender in
// every language of the run.
bool writes_in(const Sender& sender, const std::string& lang, const Case& c);

// Every variant's template of one target in one language, made when first needed.
class LetterVersions {
 public:
  LetterVersions(const Case& c, size_t target_index, const std::string& lang, const layout::LayoutSpec& spec,
                 text::Typesetter& ts, const LetterSettings& settings)
      : c_(c), ti_(target_index), lang_(lang), spec_(spec), ts_(ts), settings_(settings) {}
  LetterTemplate& get(size_t variant);
  // The sender's letter: their variant's template (variant_of) with their parts.
  std::vector<layout::DisplayPage> for_sender(SenderParts parts);
  std::vector<layout::DisplayPage> for_sender(const Sender& sender);

 private:
  const Case& c_;
  size_t ti_;
  std::string lang_;
  const layout::LayoutSpec& spec_;
  text::Typesetter& ts_;
  const LetterSettings& settings_;
  std::map<size_t, std::unique_ptr<LetterTemplate>> templates_;
};

// The metadata of a letter file to target `t` in `lang`; `letters` > 0 for a merged print
// file holding that many senders' letters (said in the title).
layout::DocumentHead letter_head(const Case& c, const Target& t, const std::string& lang,
                                 const LetterSettings& settings, size_t letters = 0);

// The styles of `spec` a sender's own text is set in (sender block, return line, typed
// name): the fonts of the other styles never draw it.
std::vector<std::string> sender_text_styles(const layout::LayoutSpec& spec);

// One letter file: build_letter's pages with letter_head.
layout::Document letter_document(const Case& c, size_t target_index, const std::string& lang,
                                 const layout::LayoutSpec& spec, text::Typesetter& ts,
                                 const LetterSettings& settings, const Sender* sender = nullptr);

// In a merged print file every letter starts on an odd page: a letter with an odd page
// count gets a blank back page, so a duplex print never puts two senders on one sheet.
void pad_for_duplex(std::vector<layout::DisplayPage>& letter);

}  // namespace appeal
