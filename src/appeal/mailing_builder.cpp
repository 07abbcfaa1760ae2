#include "appeal/mailing_builder.h"

#include "appeal/strings.h"

#include <stdexcept>

#include "appeal/address_block.h"
#include "common/input_error.h"

namespace appeal {

namespace {

std::optional<Origin> origin_of(const LetterSettings& settings, const Sender* sender) {
  if (sender) return appeal::origin_of(*sender, settings);
  return settings.origin;
}

}  // namespace

layout::DocumentHead mailing_head(const Case& c, const Target& t, const std::string& lang, const std::string& kind,
                                  const LetterSettings& settings) {
  layout::DocumentHead head;
  // "UA 31.22: Конверты — Касым-Жомарт Токаев" in the language of the addresses; the case
  // and the target alone for a case's own language without the word.
  const Strings words = strings_for(c, lang);
  const auto word = words.words.find(kind == "labels" ? "address_labels" : "envelopes");
  head.title = c.id + (word == words.words.end() ? "" : ": " + word->second) + " \u2014 " + pick(t.name, lang);
  head.language = lang;
  head.created = settings.created;
  return head;
}

layout::DisplayPage build_envelope(const Case& c, size_t ti, const std::string& lang, const layout::LayoutSpec& spec,
                                   text::Typesetter& ts, const LetterSettings& settings, const Sender* sender) {
  layout::DisplayPage page;
  page.width_pt = spec.page_w_pt;
  page.height_pt = spec.page_h_pt;
  const Rect& frame = spec.frame("address");
  const FittedLines address = address_blocks(c, ti, lang, spec, ts, origin_of(settings, sender), frame);
  if (!layout::place_in_frame(address.set, frame, page)) {
    throw std::logic_error("an address fitted to the address zone does not fit it");
  }
  if (sender) {
    const Target& t = c.targets.at(ti);
    const auto lines = format_return_address(sender->name, sender->address, sender->country, t.address.country);
    auto block = fit_lines(lines, lang, spec.style("return"), spec.return_fit, spec.frame("return_address"), ts);
    if (!block || !layout::place_in_frame(block->set, spec.frame("return_address"), page)) {
      throw InputError(settings.senders_file, std::to_string(sender->line) + ":1",
                       "the return address does not fit the envelope of layout " + spec.name);
    }
  }
  return page;
}

LabelSheets::LabelSheets(const layout::LayoutSpec& spec, text::Typesetter& ts) : spec_(spec), ts_(ts) {
  if (!spec.grid) throw InputError(spec.file, "/grid", "a label layout needs a \"grid\"");
}

void LabelSheets::add(const Case& c, size_t ti, const std::string& lang, const LetterSettings& settings,
                      const Sender* sender) {
  const layout::LabelGrid& grid = *spec_.grid;
  if (used_ % grid.per_sheet() == 0) {
    sheets_.emplace_back();
    sheets_.back().width_pt = spec_.page_w_pt;
    sheets_.back().height_pt = spec_.page_h_pt;
  }
  const Rect frame = grid.text_frame(used_ % grid.per_sheet());
  const FittedLines address = address_blocks(c, ti, lang, spec_, ts_, origin_of(settings, sender), frame);
  if (!layout::place_in_frame(address.set, frame, sheets_.back())) {
    throw std::logic_error("an address fitted to a label does not fit it");
  }
  ++used_;
}

std::vector<layout::DisplayPage> LabelSheets::take() { return std::move(sheets_); }

std::vector<layout::DisplayPage> LabelSheets::take_full() {
  std::vector<layout::DisplayPage> full;
  const size_t keep = used_ % spec_.grid->per_sheet() == 0 ? 0 : 1;
  if (sheets_.size() <= keep) return full;
  full.assign(std::make_move_iterator(sheets_.begin()), std::make_move_iterator(sheets_.end() - keep));
  sheets_.erase(sheets_.begin(), sheets_.end() - keep);
  return full;
}

}  // namespace appeal
