#include "app/job.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <set>

#include "app/date_policy.h"
#include "app/font_coverage.h"
#include "app/layouts.h"
#include "app/run_options.h"
#include "appeal/address_block.h"
#include "appeal/case_reader.h"
#include "appeal/countries.h"
#include "appeal/paths.h"
#include "appeal/postal_address.h"
#include "appeal/strings.h"
#include "common/input_error.h"
#include "text/utf8.h"

namespace appeal::app {

namespace {

// A sender's country line (postal_address.cpp) is in the sender's `language`, else in the
// language their post reads (data/postal.json). The bundled fonts must draw it: a Greek
// or Arabic country name would print as empty boxes (glyph 0) on the envelope. A language
// the sender chose is bad input; their post's language falls back to English, which the
// UPU accepts from any origin (recorded in `settings`, said once per country).
void check_country_lines(const Sender& row, const Case& c, const std::filesystem::path& file, const CanDraw& can_draw,
                         const std::string& font_names, LetterSettings& settings,
                         std::set<std::pair<std::string, std::string>>& checked) {
  // The line depends on the origin and the language only: each pair is checked once.
  if (!checked.emplace(row.country, row.language).second) return;
  for (const Target& t : c.targets) {
    if (t.address.country == row.country) continue;  // domestic: no country line
    const RecipientBlock r = format_recipient(t.address, row.language, origin_of(row, settings));
    if (!r.country_line) continue;
    const std::string& line = r.lines.back();
    bool drawable = true;
    for (size_t p = 0; p < line.size() && drawable;) drawable = can_draw(text::next_code_point(line, p));
    if (drawable) continue;
    if (!row.language.empty()) {
      throw InputError(file, std::to_string(row.line) + ":1",
                       "sender's language \"" + row.language + "\": the country line \"" + line +
                           "\" cannot be drawn by the installed fonts (" + font_names +
                           "); leave the language column empty to print it in the language of the sender's post");
    }
    settings.english_country_lines.insert(row.country);
    std::cerr << "note: " << file.filename().string() << ": senders in " << row.country << ": the country line \"" << line
              << "\" cannot be drawn by the installed fonts; printed in English\n";
    return;
  }
}

// A family of one's own choice that lacks characters of the input: they print in the
// fallback fonts, which the user should know before sending the job to the print shop.
void note_fallback(const FontCoverage& coverage, const std::string& families, bool quiet) {
  if (families.empty() || quiet) return;
  const std::vector<char32_t> missing = coverage.drawn_by_fallback();
  if (missing.empty()) return;
  std::string shown;
  text::append_utf8(shown, missing.front());
  std::cerr << "note: font family " << families << " lacks " << missing.size() << " character(s) of the input (e.g. "
            << text::code_point_name(missing.front()) << " '" << shown << "'); they print in the fallback fonts\n";
}

// Adds each code point of the sender's name, address and e-mail once to `using`.
void count_characters(const Sender& row, std::map<char32_t, size_t>& senders_using) {
  std::set<char32_t> seen;
  const auto add = [&](const std::string& s) {
    for (size_t p = 0; p < s.size();) seen.insert(text::next_code_point(s, p));
  };
  add(row.name);
  for (const std::string& line : row.address) add(line);
  add(row.email);
  add(row.personal);
  for (char32_t c : seen) ++senders_using[c];
}

// The code points at least 1 % of `senders` and at least 20 senders use, at most 512, the
// most used first (ties in code point order, so the same CSV gives the same text). A
// character fewer files draw is not worth its glyph in every file: a small run keeps
// exact subsets (each file then about as small as without sharing).
std::u32string common_characters(const std::map<char32_t, size_t>& senders_using, size_t senders) {
  constexpr size_t kMax = 512, kMinSenders = 20;
  std::vector<std::pair<size_t, char32_t>> ranked;
  for (const auto& [c, n] : senders_using) {
    if (n * 100 >= senders && n >= kMinSenders) ranked.emplace_back(n, c);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  if (ranked.size() > kMax) ranked.resize(kMax);
  std::u32string out;
  for (const auto& [n, c] : ranked) out += c;
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

Job prepare(const RunOptions& a, const std::string& layout_kind, text::Typesetter& ts, bool one_file_per_sender) {
  Job job;
  if (!a.report.empty()) check_report_path(a.report);
  set_address_notes(!a.quiet);
  job.spec = layout::load_layout(resolve_layout(a.layout, layout_kind));
  const std::string families = resolve_font_families(job.spec.file, job.spec.styles, a.font_family);
  check_layout_fonts(job.spec.file, job.spec.styles);
  for (const std::string& l : cli_languages(a.langs)) ts.preload_hyphenators(l);
  FontCoverage coverage(ts, job.spec.styles);
  job.font_files = coverage.font_files();
  const CanDraw can_draw = coverage.can_draw();
  const std::string& font_names = coverage.font_names();
  job.kase = read_case(a.case_file, can_draw, font_names);
  if (!a.quiet) {
    for (const std::string& w : job.kase.warnings) std::cerr << "warning: " << w << '\n';
  }

  job.langs = job.kase.languages;
  if (a.langs.empty()) {
    for (const std::string& l : job.langs) ts.preload_hyphenators(l);
  } else {
    job.langs = cli_languages(a.langs);
    for (std::string& l : job.langs) {
      // A --lang the case serves through its base language ("pt-BR" from "pt").
      if (!job.kase.letters.count(l) && find_lang(job.kase.letters, l)) job.kase.letters[l] = job.kase.letters.at(*find_lang(job.kase.letters, l));
      if (!job.kase.letters.count(l)) {
        std::string have;
        for (const auto& x : job.kase.languages) have += (have.empty() ? "" : ", ") + x;
        throw UsageError("--lang " + l + ": " + a.case_file + " has no letter in \"" + l + "\" (it has: " + have + ")");
      }
    }
  }

  // Only the chosen targets are written, so only theirs are checked (their pointers stay
  // the case file's: Target::index).
  if (!a.targets.empty()) {
    std::vector<Target> chosen;
    for (const std::string& id : split_commas(a.targets)) {
      auto it = std::find_if(job.kase.targets.begin(), job.kase.targets.end(), [&](const Target& t) { return t.id == id; });
      if (it == job.kase.targets.end()) throw UsageError("--target " + id + ": no target with this id in " + a.case_file);
      chosen.push_back(*it);
    }
    job.kase.targets = std::move(chosen);
  }
  refuse_placeholders(job.kase, job.langs);

  // Every language to write needs its fixed words ("From", "page 2 of 3") now, before any
  // output: never an English word in a Spanish letter. Languages not written need none.
  for (const std::string& l : job.langs) {
    strings_for(job.kase, l);
    // A language the officials did not list still needs its salutation (the reader checks
    // the preferred ones).
    for (size_t i = 0; i < job.kase.targets.size(); ++i) {
      if (!find_lang(job.kase.targets[i].salutation, l)) {
        throw InputError(a.case_file, "/targets/" + std::to_string(job.kase.targets[i].index) + "/salutation/" + l,
                         "missing the salutation in \"" + l + "\", the language given with --lang");
      }
    }
  }


  job.output.pdf.profiles = render::colour_profiles(data_dir());
  job.output.pdf.tagged = !a.untagged;
  job.output.pdf.pdf_ua = a.pdf_ua;
  if (a.trace) job.output.format = render::Format::kTrace;
  LetterSettings& s = job.settings;
  const LetterDates dates = letter_dates(a.date);
  s.letter_date = dates.letter_date;
  s.created = dates.created;
  if (!a.quiet) warn_about_deadline(job.kase, s.letter_date, a.case_file, std::cerr);
  if (!a.from.empty()) {
    if (!country_name_en(a.from)) throw UsageError("--from " + a.from + ": unknown ISO 3166-1 alpha-2 country code");
    s.origin = Origin{a.from, ""};
  }
  if (!a.senders.empty()) {
    // A first pass checks every row (errors before any output) and counts them, holding
    // one row at a time; merges then stream the file again.
    // Every bad record is reported (up to kMaxErrors), so one run shows what to fix; a
    // broken structure (an unclosed quote) ends the reading.
    constexpr size_t kMaxErrors = 20;
    SendersReader reader(a.senders);
    reader.check_drawable(can_draw, font_names);
    std::set<std::pair<std::string, std::string>> checked;
    std::vector<std::string> errors;
    std::map<char32_t, size_t> senders_using;  // code point -> senders whose fields hold it
    std::map<std::string, size_t> unwritten;   // senders with no letter in this run, by the language they chose
    for (Sender row;;) {
      try {
        if (!reader.next(row)) break;
        ++job.sender_count;
        size_t letters = 0, with_variants = 0;
        for (const std::string& l : job.langs) {
          if (!writes_in(row, l, job.kase)) continue;
          variant_of(row, job.kase.letters.at(l), l, a.senders);  // a variant the letter has
          ++job.letters_in[l];
          ++letters;
          with_variants += job.kase.letters.at(l).versions() > 1;
        }
        if (row.variant > 1 && letters > 0 && with_variants == 0) {
          throw InputError(a.senders, row.variant_at,
                           row.variant_context + "variant " + std::to_string(row.variant) +
                               " is unknown: the sender's letters have one version of their body each (variant 1)");
        }
        if (letters == 0) ++unwritten[row.language];
        if (one_file_per_sender) count_characters(row, senders_using);
        check_country_lines(row, job.kase, a.senders, can_draw, font_names, job.settings, checked);
      } catch (const CsvStructureError& e) {
        errors.push_back(e.what());
        break;
      } catch (const InputError& e) {
        errors.push_back(e.what());
        if (errors.size() == kMaxErrors) {
          errors.push_back("appeal: stopped after " + std::to_string(kMaxErrors) + " errors in " + a.senders);
          break;
        }
      }
    }
    if (!errors.empty()) throw InputMessages(std::move(errors));
    // A sender who chose a language the run does not write gets no letter: said, not silent.
    for (const auto& [lang, n] : unwritten) {
      if (a.quiet) break;
      std::cerr << "note: " << std::filesystem::path(a.senders).filename().string() << ": " << n << " sender(s) chose \"" << lang
                << "\" (column \"language\"), a letter this run does not write: none for them (--lang " << lang
                << " writes it)\n";
    }
    if (job.sender_count == 0) throw InputError(a.senders, "2:1", "no senders after the header row");
    job.senders_text = common_characters(senders_using, job.sender_count);
    for (const std::string& w : reader.warnings()) std::cerr << "warning: " << w << '\n';
    job.senders_file = a.senders;
    s.senders_file = a.senders;
  } else if (a.split) {
    throw UsageError("--split needs --senders");
  }
  note_fallback(coverage, families, a.quiet);  // after the senders: their text is checked too
  return job;
}


void share_between_files(Job& job) {
  const std::vector<std::string> sender_styles = sender_text_styles(job.spec);
  std::set<std::string> sender_fonts, others;
  for (const auto& [name, style] : job.spec.styles) {
    const bool senders = std::find(sender_styles.begin(), sender_styles.end(), name) != sender_styles.end();
    (senders ? sender_fonts : others).insert(style.font);
  }
  for (const std::string& f : sender_fonts) others.erase(f);
  render::share_between_files(job.output.pdf, job.senders_text, std::move(others));
}

std::vector<Sender> load_senders(const Job& job) {
  return job.senders_file.empty() ? std::vector<Sender>{} : read_senders(job.senders_file).senders;
}

std::vector<const Sender*> sender_list(const std::vector<Sender>& senders) {
  std::vector<const Sender*> out;
  for (const Sender& s : senders) out.push_back(&s);
  if (out.empty()) out.push_back(nullptr);
  return out;
}

}  // namespace appeal::app
