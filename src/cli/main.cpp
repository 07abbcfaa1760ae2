// `appeal`: the command line. Exit codes: 0 ok, 2 bad input (file:location: message),
// 1 internal fault.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <set>
#include <sstream>

#include <CLI/CLI.hpp>

#include "appeal/case_reader.h"
#include "appeal/countries.h"
#include "appeal/dates.h"
#include "appeal/letter_builder.h"
#include "appeal/output_file.h"
#include "appeal/paths.h"
#include "appeal/senders.h"
#include "layout/input_error.h"
#include "layout/layout_spec.h"

namespace {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

struct LettersArgs {
  std::string case_file, out_dir, layout = "din5008-b-a4", langs, date, from, senders;
  bool split = false, quiet = false;
};

// A one-line progress bar on stderr, only when stderr is a terminal.
class Progress {
 public:
  Progress(size_t total, bool quiet) : total_(total), on_(!quiet && isatty(2) && total > 1) {}
  void step() {
    ++done_;
    if (!on_ || (done_ != total_ && done_ % 10 != 0)) return;
    const size_t width = 30, filled = width * done_ / total_;
    std::fprintf(stderr, "\r[%s%s] %zu/%zu letters", std::string(filled, '#').c_str(),
                 std::string(width - filled, ' ').c_str(), done_, total_);
    if (done_ == total_) std::fprintf(stderr, "\n");
  }

 private:
  size_t total_, done_ = 0;
  bool on_;
};

int run_letters(const LettersArgs& a) {
  using namespace appeal;
  const layout::LayoutSpec spec = layout::load_layout(layout_path(a.layout));
  layout::Typesetter ts(font_dir(), hyphen_dir());

  std::vector<text::FontId> fonts;
  std::string font_names;
  for (const auto& [name, style] : spec.styles) {
    const text::FontId id = ts.font(style.font);
    if (std::find(fonts.begin(), fonts.end(), id) == fonts.end()) {
      fonts.push_back(id);
      font_names += (font_names.empty() ? "" : ", ") + style.font;
    }
  }
  const auto can_draw = [&](char32_t c) {
    return std::all_of(fonts.begin(), fonts.end(), [&](text::FontId f) { return ts.fonts().has_code_point(f, c); });
  };
  const Case c = read_case(a.case_file, can_draw, font_names);

  std::vector<std::string> langs = c.languages;
  if (!a.langs.empty()) {
    langs = split_commas(a.langs);
    for (const std::string& l : langs) {
      if (!c.letters.count(l)) {
        throw UsageError("--lang " + l + ": " + a.case_file + " has no letter in \"" + l + "\" (it has: " +
                         [&] { std::string s; for (auto& x : c.languages) s += (s.empty() ? "" : ", ") + x; return s; }() + ")");
      }
    }
  }

  LetterSettings settings;
  if (!a.date.empty()) {
    const auto d = parse_iso_date(a.date);
    if (!d) throw UsageError("--date " + a.date + ": expected YYYY-MM-DD");
    settings.letter_date = *d;
  } else if (const auto epoch = source_date_epoch()) {
    settings.letter_date = date_from_time(*epoch);
  } else {
    settings.letter_date = date_from_time(std::time(nullptr));
  }
  settings.created = source_date_epoch().value_or(time_from_date(settings.letter_date));
  if (!a.from.empty()) {
    if (!country_name_en(a.from)) throw UsageError("--from " + a.from + ": unknown ISO 3166-1 alpha-2 country code");
    settings.origin = Origin{a.from, ""};
  }

  std::vector<Sender> senders;
  if (!a.senders.empty()) {
    SendersFile sf = read_senders(a.senders);
    for (const std::string& w : sf.warnings) std::cerr << "warning: " << w << '\n';
    senders = std::move(sf.senders);
    settings.senders_file = a.senders;
  } else if (a.split) {
    throw UsageError("--split needs --senders");
  }

  OutputBatch batch(a.out_dir);
  std::vector<std::string> written;
  Progress progress(c.targets.size() * langs.size() * std::max<size_t>(1, senders.size()), a.quiet);
  for (size_t ti = 0; ti < c.targets.size(); ++ti) {
    for (const std::string& lang : langs) {
      const std::string stem = c.targets[ti].id + "-" + lang;
      if (senders.empty()) {
        const auto pages = build_letter(c, ti, lang, spec, ts, settings);
        write_letter_pdf(pages, c, c.targets[ti], lang, settings, ts, batch.reserve(stem + ".pdf"));
        written.push_back((std::filesystem::path(a.out_dir) / (stem + ".pdf")).string());
        progress.step();
        continue;
      }
      if (a.split) {
        for (size_t si = 0; si < senders.size(); ++si) {
          char seq[32];
          std::snprintf(seq, sizeof seq, "-%04zu.pdf", si + 1);
          const auto pages = build_letter(c, ti, lang, spec, ts, settings, &senders[si]);
          write_letter_pdf(pages, c, c.targets[ti], lang, settings, ts, batch.reserve(stem + seq));
          written.push_back((std::filesystem::path(a.out_dir) / (stem + seq)).string());
          progress.step();
        }
        continue;
      }
      // One print file: every sender's letter in CSV order, each starting on an odd page.
      LetterStream out(c, c.targets[ti], lang, settings, ts, batch.reserve(stem + ".pdf"), senders.size());
      for (const Sender& sender : senders) {
        out.add(build_letter(c, ti, lang, spec, ts, settings, &sender));
        progress.step();
      }
      out.finish();
      written.push_back((std::filesystem::path(a.out_dir) / (stem + ".pdf")).string());
    }
  }
  batch.commit();
  for (const std::string& w : written) std::cout << w << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"appeal: print-ready PDFs from a human-rights Urgent Action case (case.json).\n"
               "Exit status: 0 success, 2 bad input (the message names file and location), 1 internal error."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "appeal 0.1.0");

  LettersArgs la;
  CLI::App* letters = app.add_subcommand(
      "letters",
      "Write one window-envelope letter per target and language: OUTDIR/<target-id>-<lang>.pdf.\n"
      "Without senders, each letter has a blank sender block and a signature line to fill in by hand.");
  letters->add_option("case", la.case_file, "The case description (JSON, see docs/case-format.md)")->required();
  letters->add_option("-o,--output", la.out_dir, "Folder for the PDFs (created if missing)")->required();
  letters->add_option("--layout", la.layout,
                      "Layout name in layouts/ or a path to a layout JSON: din5008-b-a4 (A4, DIN 5008 form B, DL/C5/6 "
                      "window) or us-letter-10 (US Letter, #10 window)")
      ->capture_default_str();
  letters->add_option("--lang", la.langs, "Comma-separated languages to write (default: the case's preferred languages)");
  letters->add_option("--date", la.date, "Letter date YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)");
  letters->add_option("--from", la.from,
                      "ISO country code the letters are posted from; a letter to that country gets no country line "
                      "(with --senders each sender's own country is used)");
  letters->add_option("--senders", la.senders,
                      "CSV of senders (header: name,address,country[,email,signature,language]): one letter per "
                      "sender, merged per target and language, each starting on an odd page for duplex printing");
  letters->add_flag("--split", la.split, "With --senders: one PDF per sender, <target>-<lang>-NNNN.pdf");
  letters->add_flag("-q,--quiet", la.quiet, "No progress bar");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }

  try {
    if (letters->parsed()) return run_letters(la);
  } catch (const appeal::InputError& e) {
    std::cerr << e.what() << '\n';
    return 2;
  } catch (const UsageError& e) {
    std::cerr << "appeal: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "appeal: internal error: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
