#include "appeal/letter_builder.h"

#include <unicode/uloc.h>

#include "appeal/address_block.h"
#include <algorithm>

#include "appeal/countries.h"
#include "appeal/dates.h"
#include "appeal/strings.h"
#include "image/png_info.h"
#include "common/input_error.h"
#include "text/utf8.h"

namespace appeal {

namespace {

// Arabic, Hebrew, Persian, Urdu... (ICU's likely script for the language is right to left).
bool right_to_left(const std::string& lang) { return uloc_isRightToLeft(lang.c_str()); }

}  // namespace

namespace {

using layout::Block;
using layout::LayoutSpec;
using text::Typesetter;

// A sender block to fill in by hand: a label and ruled lines.
std::vector<Block> blank_sender_blocks(const Strings& words, const LayoutSpec& spec, Typesetter& ts) {
  const std::string& lang = words.tag;
  const Rect& f = spec.frame("sender");
  Block label = ragged(styled(words["sender"] + words.colon, lang, spec, "small", ts));
  label.role = layout::Role::kCaption;
  const layout::WriteInSpec& w = spec.write_in();
  const double gap = spec.style("body").leading_pt * w.spacing_lines;  // room for handwriting
  const double width = w.width_pt > 0 ? std::min(w.width_pt, f.w_pt) : f.w_pt;
  for (int i = 1; i <= w.lines; ++i) label.rules_after.push_back({0, gap * i, width, gap * i, w.rule_pt, Ink{w.gray}});
  return {label};
}

// The sender's name, address (with their country when writing abroad) and e-mail.
std::vector<std::string> sender_lines(const Sender& s, const Target& t) {
  std::vector<std::string> lines = format_return_address(s.name, s.address, s.country, t.address.country);
  if (!s.email.empty()) lines.push_back(s.email);
  return lines;
}

// DIN 5008's return-address line above the recipient: one small line, "·"-separated.
std::string return_line(const Sender& s, const Target& t) {
  std::string text;
  for (const std::string& line : format_return_address(s.name, s.address, s.country, t.address.country)) {
    text += (text.empty() ? "" : " \u00B7 ") + line;
  }
  return text;
}

// The letter from the subject to the signature. With senders the last block is a
// placeholder for the typed name, replaced per sender (LetterTemplate).
// `first_paragraph`: the index of the body's first paragraph (after subject and salutation).
std::vector<Block> body_blocks(const Case& c, const Target& t, const std::string& lang, const LayoutSpec& spec,
                               Typesetter& ts, bool with_sender, size_t variant, size_t& first_paragraph) {
  const std::vector<std::string> names = name_words(c);
  const LetterText& letter = c.letters.at(lang);
  const double lead = spec.style("body").leading_pt;
  std::vector<Block> blocks;
  if (!letter.subject.empty()) {
    Block s = ragged(styled(letter.subject, lang, spec, "subject", ts));
    s.role = layout::Role::kTitle;
    s.space_after_pt = lead;  // DIN 5008: one blank line after the subject
    s.keep_with_next = true;
    blocks.push_back(std::move(s));
  }
  Block salutation = ragged(styled(pick(t.salutation, lang), lang, spec, "body", ts));
  salutation.space_after_pt = lead;
  salutation.keep_with_next = true;
  blocks.push_back(std::move(salutation));
  first_paragraph = blocks.size();
  for (const std::string& para : letter.version(variant)) {
    Block p = styled(para, lang, spec, "body", ts);
    p.unbreakable_words = names;
    p.space_after_pt = lead;  // blank line between paragraphs, as DIN 5008 letters do
    blocks.push_back(std::move(p));
  }
  Block closing = ragged(styled(letter.closing, lang, spec, "body", ts));
  closing.keep_with_next = true;
  closing.keep_with_previous = true;  // never a page with only the closing and signature
  blocks.push_back(std::move(closing));

  // Signature: room to sign (or the sender's scanned signature), a rule, and the typed
  // name (or a caption to sign by hand); never split from the closing.
  const layout::SignatureSpec& sig = spec.signature();
  const double room = lead * sig.room_lines;
  const double rule_w = sig.rule_width_pt;
  Block gap = ragged(styled("", lang, spec, "body", ts));
  gap.space_before_pt = room;
  gap.keep_with_next = true;
  // A right-to-left letter signs on the right (the caption below aligns there by itself).
  const double body_w = spec.frame("body").w_pt;
  if (right_to_left(lang)) gap.rules_after.push_back({body_w - rule_w, 0, body_w, 0, sig.rule_pt, Ink{0}});
  else gap.rules_after.push_back({0, 0, rule_w, 0, sig.rule_pt, Ink{0}});
  blocks.push_back(std::move(gap));
  Block caption = with_sender ? ragged(styled("X", lang, spec, "body", ts))
                              : ragged(styled(strings_for(c, lang)["signature"], lang, spec, "small", ts));
  caption.space_before_pt = sig.caption_gap_pt;
  caption.role = with_sender ? layout::Role::kSignature : layout::Role::kCaption;
  caption.keep_together = true;
  blocks.push_back(std::move(caption));
  return blocks;
}

// Where a letter's zones come in reading order (layout::PlacedLine::reading): whom it is
// to, the return line, who writes, the date, then the letter. DIN 5008 puts the address
// field and the information block side by side, so their lines alone would interleave.
enum Zone : uint16_t { kRecipientZone, kReturnZone, kSenderZone, kDateZone, kLetterZone };

// Gives the lines placed on `page` since it held `from` the zone `zone`.
void zone_lines(layout::DisplayPage& page, size_t from, Zone zone) {
  for (size_t i = from; i < page.lines.size(); ++i) page.lines[i].reading = zone;
}

void add_marks(const LayoutSpec& spec, layout::DisplayPage& page) {
  for (const layout::Mark& m : spec.marks) {
    page.rules.push_back({m.x_pt, m.y_pt, m.x_pt + m.length_pt, m.y_pt, m.width_pt, Ink{0}});
  }
}

}  // namespace

LetterTemplate::LetterTemplate(const Case& c, size_t ti, const std::string& lang, const LayoutSpec& spec,
                               Typesetter& ts, const LetterSettings& settings, bool with_sender, size_t variant)
    : c_(c), ti_(ti), lang_(lang), spec_(spec), ts_(ts), with_sender_(with_sender), letter_date_(settings.letter_date) {
  const Target& t = c.targets.at(ti);
  size_t first_paragraph = 0;
  blocks_ = body_blocks(c, t, lang, spec, ts, with_sender, variant, first_paragraph);
  for (const Block& b : blocks_) set_.push_back(layout::set_block(b, spec.frame("body").w_pt, ts));
  const LetterText& letter = c.letters.at(lang);
  personal_at_ = first_paragraph + std::min(letter.personal_after, letter.version(variant).size());
  signature_alt_ = strings_for(c, lang).fill("signature_of", {});  // the placeholder stays for the name
  plain_ = flow(0);
}

LetterTemplate::Flowed LetterTemplate::flow(size_t personal_lines) const {
  const LayoutSpec& spec = spec_;
  Typesetter& ts = ts_;
  std::vector<Block> blocks = blocks_;
  std::vector<layout::SetBlock> set = set_;
  // A hole for the personal paragraph: placeholder lines as high as the body's, with the
  // body's spacing, so the pagination rules (no widow, no orphan) treat it as the
  // paragraph it will be.
  const auto hole_text = std::make_shared<const std::string>();
  if (personal_lines > 0) {
    Block hole = blocks_.at(personal_at_ - 1);  // a body paragraph (or the salutation): its spacing
    hole.text = hole_text;
    hole.keep_together = hole.keep_with_next = hole.keep_with_previous = false;
    hole.rules_after.clear();
    hole.images_after.clear();
    blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(personal_at_), hole);
    set.insert(set.begin() + static_cast<std::ptrdiff_t>(personal_at_),
               layout::SetBlock{std::vector<text::Line>(personal_lines), nullptr});
  }
  for (size_t i = 0; i < set.size(); ++i) set[i].block = &blocks[i];
  std::vector<layout::BlockPlacement> placed;
  std::vector<layout::DisplayPage> pages = layout::flow_set_pages(
      blocks, std::move(set), spec.frame("body"), spec.frame("continuation_body"), spec.page_w_pt, spec.page_h_pt, &placed);
  Flowed out;
  if (personal_lines > 0) {
    for (size_t p = 0; p < pages.size(); ++p) {
      auto& lines = pages[p].lines;
      for (const layout::PlacedLine& l : lines) {
        if (l.text == hole_text) out.hole.push_back({p, l.x_pt, layout::placeholder_top(l, blocks[personal_at_].leading_pt)});
      }
      lines.erase(std::remove_if(lines.begin(), lines.end(), [&](const layout::PlacedLine& l) { return l.text == hole_text; }),
                  lines.end());
    }
  }
  if (with_sender_) {
    // Take the placeholder name out; remember where the name and the signature go.
    const Block& caption = blocks.back();
    const layout::BlockPlacement& cap = placed.back();
    auto& lines = pages.at(cap.page).lines;
    lines.erase(std::remove_if(lines.begin(), lines.end(), [&](const layout::PlacedLine& l) { return l.text == caption.text; }),
                lines.end());
    out.caption_page = cap.page;
    out.caption_x = cap.x_pt;
    out.caption_baseline = layout::first_baseline(caption, cap.top_pt, ts);
    out.rule_y = placed[placed.size() - 2].bottom_pt;                  // not a length: the rule's block, before the caption
    out.signature_room = blocks[blocks.size() - 2].space_before_pt;  // not a length: the same block
  }
  for (auto& p : pages) zone_lines(p, 0, kLetterZone);
  layout::DisplayPage& first = pages.front();
  const Strings words = strings_for(c_, lang_);
  size_t placed_before = first.lines.size();
  if (!with_sender_ && !layout::place_in_frame(blank_sender_blocks(words, spec, ts), spec.frame("sender"), ts, first)) {
    throw InputError(spec.file, "/frames/sender", "too small for the sender block of a hand-filled letter");
  }
  zone_lines(first, placed_before, kSenderZone);
  placed_before = first.lines.size();
  Block date = ragged(styled(format_date(letter_date_, lang_, words.date_format), lang_, spec, "body", ts));
  if (spec.date_align == "right") date.measure.align = text::Align::kRight;
  if (!layout::place_in_frame({date}, spec.frame("info"), ts, first)) {
    throw InputError(spec.file, "/frames/info", "too small for the date line");
  }
  zone_lines(first, placed_before, kDateZone);
  add_marks(spec, first);

  // Continuation pages name the person and "page n of m" (DIN 5008 Folgeseiten).
  const std::string person = pick(c_.person.name, lang_);
  for (size_t n = 1; n < pages.size(); ++n) {
    const std::string page_of = words.fill("page_of", {{"n", std::to_string(n + 1)}, {"m", std::to_string(pages.size())}});
    // A long name shrinks and wraps like an address; one that still does not fit is the
    // case's to shorten.
    auto header = fit_lines({person + " \u00B7 " + page_of}, lang_, spec.style("small"), spec.header_fit,
                            spec.frame("continuation_header"), ts, nullptr, layout::Role::kArtifact);
    if (!header || !layout::place_in_frame(header->set, spec.frame("continuation_header"), pages[n])) {
      throw InputError(c_.source_file, "/person/name",
                       "the name is too long for the continuation-page header of layout " + spec.name + " even at " +
                           format_pt(spec.header_fit.min_size_pt) + " pt; give a shorter form of it");
    }
  }
  for (auto& p : pages) out.pages.push_back(std::make_shared<const layout::DisplayPage>(std::move(p)));
  return out;
}

const LetterTemplate::Flowed& LetterTemplate::holed(size_t personal_lines) {
  auto it = holed_.find(personal_lines);
  if (it == holed_.end()) it = holed_.emplace(personal_lines, flow(personal_lines)).first;
  return it->second;
}

SenderParts set_sender_parts(const Sender& sender, const Case& c, size_t ti, const std::string& lang,
                             const LayoutSpec& spec, Typesetter& ts, const LetterSettings& settings) {
  SenderParts parts;
  parts.sender = sender;
  const Target& t = c.targets.at(ti);
  layout::DisplayPage& first = parts.first_page;
  first.width_pt = spec.page_w_pt;
  first.height_pt = spec.page_h_pt;
  auto block = fit_lines(sender_lines(sender, t), lang, spec.style("small"), spec.sender_fit, spec.frame("sender"), ts);
  if (!block || !layout::place_in_frame(block->set, spec.frame("sender"), first)) {
    throw InputError(settings.senders_file, std::to_string(sender.line) + ":1",
                     "the sender's name and address do not fit the sender block of layout " + spec.name);
  }
  zone_lines(first, 0, kSenderZone);
  const size_t return_from = first.lines.size();
  // The return line shrinks, then wraps, like the recipient's address (return_fit).
  if (spec.frames.count("return_address")) {
    const Rect& rf = spec.frame("return_address");
    auto line = fit_lines({return_line(sender, t)}, lang, spec.style(sender_text_styles(spec)[1]),
                          spec.return_fit, rf, ts);
    if (!line) {
      throw InputError(settings.senders_file, std::to_string(sender.line) + ":1",
                       "the sender's return address does not fit the return-address line of layout " + spec.name);
    }
    if (const auto& u = spec.return_underline) {
      line->blocks.back().rules_after.push_back({0, u->below_pt, rf.w_pt, u->below_pt, u->rule_pt, Ink{0}});
    }
    layout::place_in_frame(line->set, rf, first, true);
    zone_lines(first, return_from, kReturnZone);
  }
  Block name = ragged(styled(sender.name, lang, spec, "body", ts));
  name.role = layout::Role::kSignature;
  parts.name = layout::place_line(name, 0, 0, ts);
  parts.name.reading = kLetterZone;
  // The sender's name and address are in the sender's own language when the CSV says it:
  // a screen reader reads "Айгерім Сәрсенова" as Kazakh in an English letter.
  if (!sender.language.empty()) {
    for (auto& l : first.lines) l.language = sender.language;
    parts.name.language = sender.language;
  }
  if (!sender.signature.empty()) parts.signature_px = image::png_size(sender.signature);
  return parts;
}

std::vector<layout::DisplayPage> LetterTemplate::pages_for(const Flowed& f, const std::optional<Origin>& origin) {
  std::vector<layout::DisplayPage> pages;
  for (const auto& shared : f.pages) {
    layout::DisplayPage p;
    p.width_pt = shared->width_pt;
    p.height_pt = shared->height_pt;
    p.underlays.push_back(shared);
    pages.push_back(std::move(p));
  }
  const auto key = origin ? std::make_pair(origin->country, origin->language) : std::make_pair(std::string(), std::string("?"));
  auto cached = addresses_.find(key);
  if (cached == addresses_.end()) {
    layout::DisplayPage window;
    window.width_pt = spec_.page_w_pt;
    window.height_pt = spec_.page_h_pt;
    const FittedLines address = address_blocks(c_, ti_, lang_, spec_, ts_, origin, spec_.frame("address"));
    if (!layout::place_in_frame(address.set, spec_.frame("address"), window)) {
      throw std::logic_error("an address fitted to the window does not fit it");
    }
    zone_lines(window, 0, kRecipientZone);
    cached = addresses_.emplace(key, std::make_shared<const layout::DisplayPage>(std::move(window))).first;
  }
  pages.front().underlays.push_back(cached->second);
  return pages;
}

std::vector<layout::DisplayPage> LetterTemplate::for_sender(const Sender* sender, const LetterSettings& settings) {
  if (!sender) return pages_for(plain_, settings.origin);
  return for_sender(set_sender_parts(*sender, c_, ti_, lang_, spec_, ts_, settings), settings);
}

Origin origin_of(const Sender& sender, const LetterSettings& settings) {
  if (sender.language.empty() && settings.english_country_lines.count(sender.country)) return {sender.country, "en"};
  return {sender.country, sender.language};
}

std::vector<layout::DisplayPage> LetterTemplate::for_sender(SenderParts parts, const LetterSettings& settings) {
  if (!with_sender_) throw std::logic_error("LetterTemplate: made for hand-filled letters, given a sender");
  const Sender& sender = parts.sender;
  // The personal paragraph, in the sender's language when the CSV gives one (its
  // hyphenation), with the body's typography.
  std::optional<Block> personal;
  layout::SetBlock personal_set;
  if (!sender.personal.empty()) {
    const std::string plang = sender.language.empty() ? lang_ : sender.language;
    personal = styled(sender.personal, plang, spec_, "body", ts_);
    personal->unbreakable_words = name_words(c_);
    personal_set = layout::set_block(*personal, spec_.frame("body").w_pt, ts_);
    const size_t most = spec_.personal_max_lines;
    if (personal_set.lines.size() > most) {
      throw InputError(settings.senders_file, sender.personal_at,
                       sender.personal_context + "the personal paragraph takes " + std::to_string(personal_set.lines.size()) +
                           " lines in layout " + spec_.name + "; at most " + std::to_string(most) +
                           " fit the letter (its \"personal_max_lines\"): shorten it");
    }
  }
  const Flowed& f = personal ? holed(personal_set.lines.size()) : plain_;
  std::vector<layout::DisplayPage> pages = pages_for(f, origin_of(sender, settings));
  layout::DisplayPage& first = pages.front();
  for (auto& l : parts.first_page.lines) first.lines.push_back(std::move(l));
  for (auto& r : parts.first_page.rules) first.rules.push_back(r);
  for (size_t i = 0; personal && i < f.hole.size(); ++i) {
    layout::PlacedLine l = layout::place_set_line(personal_set, i, f.hole[i].x, f.hole[i].top);
    l.reading = kLetterZone;
    pages.at(f.hole[i].page).lines.push_back(std::move(l));
  }
  // The typed name under the rule and, above it, the scanned signature at its aspect ratio.
  layout::DisplayPage& sig_page = pages.at(f.caption_page);
  parts.name.x_pt = f.caption_x;
  const double body_w = spec_.frame("body").w_pt;
  if (right_to_left(lang_)) parts.name.x_pt += body_w - parts.name.line.width_pt;
  parts.name.baseline_pt = f.caption_baseline;
  sig_page.lines.push_back(std::move(parts.name));
  if (const auto& px = parts.signature_px) {
    const layout::SignatureSpec& sig = spec_.signature();
    const double h_max = f.signature_room - 2 * sig.image_gap_pt, w_max = sig.rule_width_pt;  // not a length: above and below
    const double aspect = static_cast<double>(px->first) / px->second;
    const double h = std::min(h_max, w_max / aspect), w = h * aspect;
    const double x = right_to_left(lang_) ? f.caption_x + body_w - w : f.caption_x;
    std::string alt = signature_alt_;
    alt.replace(alt.find("{name}"), 6, sender.name);  // not a length: "{name}"
    sig_page.images.push_back({sender.signature.string(), {x, f.rule_y - h - sig.image_gap_pt, w, h}, layout::Role::kFigure,
                               std::move(alt), kLetterZone});
  }
  return pages;
}

size_t variant_of(const Sender& sender, const LetterText& letter, const std::string& lang,
                  const std::filesystem::path& senders_file) {
  const size_t n = letter.versions();
  if (sender.variant == 0) return sender.record == 0 ? 0 : (sender.record - 1) % n;
  // A letter with one body has nothing to choose: a sender's variant is for the letters
  // that have variants (app/job.cpp refuses one no letter of the run has).
  if (n == 1) return 0;
  if (sender.variant > n) {
    throw InputError(senders_file, sender.variant_at,
                     sender.variant_context + "variant " + std::to_string(sender.variant) + " is unknown: the letter in \"" +
                         lang + "\" has " + std::to_string(n) + " variants (1 to " + std::to_string(n) + ")");
  }
  return sender.variant - 1;
}

bool writes_in(const Sender& sender, const std::string& lang, const Case& c) {
  if (sender.language.empty()) return true;
  const auto chosen = find_lang(c.letters, sender.language);
  return !chosen || *chosen == lang || sender.language == lang;
}

LetterTemplate& LetterVersions::get(size_t variant) {
  auto& t = templates_[variant];
  if (!t) t = std::make_unique<LetterTemplate>(c_, ti_, lang_, spec_, ts_, settings_, true, variant);
  return *t;
}

std::vector<layout::DisplayPage> LetterVersions::for_sender(SenderParts parts) {
  const size_t v = variant_of(parts.sender, c_.letters.at(lang_), lang_, settings_.senders_file);
  return get(v).for_sender(std::move(parts), settings_);
}

std::vector<layout::DisplayPage> LetterVersions::for_sender(const Sender& sender) {
  return for_sender(set_sender_parts(sender, c_, ti_, lang_, spec_, ts_, settings_));
}

std::vector<layout::DisplayPage> build_letter(const Case& c, size_t ti, const std::string& lang,
                                              const LayoutSpec& spec, Typesetter& ts,
                                              const LetterSettings& settings, const Sender* sender) {
  if (!sender) return LetterTemplate(c, ti, lang, spec, ts, settings, false).for_sender(nullptr, settings);
  const size_t variant = variant_of(*sender, c.letters.at(lang), lang, settings.senders_file);
  return LetterTemplate(c, ti, lang, spec, ts, settings, true, variant).for_sender(sender, settings);
}

layout::DocumentHead letter_head(const Case& c, const Target& t, const std::string& lang,
                                 const LetterSettings& settings, size_t letters) {
  layout::DocumentHead head;
  head.title = c.id + ": " + pick(c.title, lang) + " \u2014 " + pick(t.name, lang);
  if (letters > 0) {
    // "(Письма: 12)" in the letters' language; "(12)" for a case's own language without the word.
    const Strings words = strings_for(c, lang);
    const auto word = words.words.find("letters");
    head.title += " (" + (word == words.words.end() ? "" : word->second + words.colon + " ") + std::to_string(letters) + ")";
  }
  head.subject = pick(c.person.name, lang);
  head.language = lang;
  head.created = settings.created;
  return head;
}

std::vector<std::string> sender_text_styles(const LayoutSpec& spec) {
  return {"small", spec.styles.count("return") ? "return" : "small", "body"};
}

layout::Document letter_document(const Case& c, size_t ti, const std::string& lang, const LayoutSpec& spec,
                                 Typesetter& ts, const LetterSettings& settings, const Sender* sender) {
  return {letter_head(c, c.targets[ti], lang, settings), build_letter(c, ti, lang, spec, ts, settings, sender)};
}

void pad_for_duplex(std::vector<layout::DisplayPage>& letter) {
  if (letter.size() % 2 == 0) return;  // not a length: two pages a sheet
  layout::DisplayPage blank;
  blank.width_pt = letter.front().width_pt;
  blank.height_pt = letter.front().height_pt;
  letter.push_back(std::move(blank));
}

}  // namespace appeal
