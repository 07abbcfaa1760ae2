// `appeal`: the command line. Exit codes: 0 ok, 2 bad input (file:location: message),
// 1 internal fault.
#include <unistd.h>

#include <algorithm>
#include <deque>
#include <atomic>
#include <functional>
#include <mutex>
#include <thread>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include <CLI/CLI.hpp>

#include "appeal/address_block.h"
#include "appeal/archive_builder.h"
#include "appeal/case_reader.h"
#include "appeal/countries.h"
#include "appeal/coverage.h"
#include "appeal/dates.h"
#include "appeal/strings.h"
#include "text/language_tag.h"
#include "text/utf8.h"
#include "appeal/leaflet_builder.h"
#include "appeal/letter_builder.h"
#include "appeal/mailing_builder.h"
#include "appeal/output_file.h"
#include "appeal/paths.h"
#include "appeal/postal_address.h"
#include "appeal/senders.h"
#include "common/input_error.h"
#include "layout/layout_spec.h"
#include "layout/leaflet_spec.h"
#include "render/pdf_output.h"

namespace {

using namespace appeal;

// Several bad-input messages at once, in file order: the bad records of a senders CSV, or
// the addresses that could not fit and the files left unwritten for them. Exit status 2.
class InputMessages : public std::exception {
 public:
  explicit InputMessages(std::vector<std::string> messages) : messages_(std::move(messages)) {}
  const char* what() const noexcept override { return "bad input"; }
  const std::vector<std::string>& messages() const { return messages_; }

 private:
  std::vector<std::string> messages_;
};

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');) {
    const size_t b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
  }
  return out;
}

// Options every subcommand shares.
struct Args {
  std::string case_file, out_dir, layout, langs, date, from, senders, targets, group, sign, password_file;
  std::string layout_kind;  // "letter", "envelope", "label" or "leaflet": what --layout must be
  bool split = false, quiet = false;
  unsigned jobs = 1;
};

// What a layout file is for: leaflets have "sides", label sheets a "grid", letters a
// "window" frame, envelopes none of these. "" when the file cannot be read as JSON.
std::string layout_kind_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_object()) return "";
  if (j.contains("sides")) return "leaflet";
  if (j.contains("grid")) return "label";
  if (j.contains("frames") && j["frames"].is_object() && j["frames"].contains("window")) return "letter";
  return "envelope";
}

// --layout as a path: a name from layouts/ of the subcommand's kind, or a JSON file. An
// unknown name, or a layout of another kind, lists the ones that fit.
std::filesystem::path resolve_layout(const Args& a) {
  const std::filesystem::path p = layout_path(a.layout);
  if (std::filesystem::path(a.layout).extension() == ".json") return p;  // the user's own file
  // The layouts of this kind, read only for a message: a good name costs one parse.
  const auto fitting = [&] {
    std::vector<std::string> fit;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(data_dir() / "layouts", ec)) {
      if (e.path().extension() == ".json" && layout_kind_of(e.path()) == a.layout_kind) fit.push_back(e.path().stem().string());
    }
    std::sort(fit.begin(), fit.end());
    std::string list;
    for (const std::string& f : fit) list += (list.empty() ? "" : ", ") + f;
    return list;
  };
  if (!std::filesystem::is_regular_file(p)) {
    throw UsageError("--layout " + a.layout + ": no such layout; " + a.layout_kind + " layouts: " + fitting() +
                     " (or a path to a layout .json)");
  }
  if (const std::string kind = layout_kind_of(p); kind != a.layout_kind) {
    throw UsageError("--layout " + a.layout + " is a" + (kind == "envelope" ? "n " : " ") + kind + " layout; " +
                     a.layout_kind + " layouts: " + fitting());
  }
  return p;
}

// Every style's font must be one of fonts/: a layout naming another is bad input at its
// pointer, never a FreeType error later.
void check_layout_fonts(const std::filesystem::path& layout, const std::map<std::string, layout::TextStyleSpec>& styles) {
  for (const auto& [name, style] : styles) {
    if (std::filesystem::is_regular_file(font_dir() / style.font)) continue;
    std::string have;
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(font_dir(), ec)) {
      if (e.path().extension() == ".ttf" || e.path().extension() == ".otf") files.push_back(e.path().filename().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) have += (have.empty() ? "" : ", ") + f;
    throw InputError(layout, "/styles/" + name + "/font", "no font \"" + style.font + "\" in fonts/ (there are: " + have + ")");
  }
}

// A one-line progress bar on stderr, only when stderr is a terminal.
class Progress {
 public:
  Progress(size_t total, bool quiet) : total_(total), on_(!quiet && isatty(2) && total > 1) {}
  void step() {
    std::lock_guard<std::mutex> lock(mu_);
    ++done_;
    if (!on_ || (done_ != total_ && done_ % 10 != 0)) return;
    const size_t width = 30, filled = width * done_ / total_;
    std::fprintf(stderr, "\r[%s%s] %zu/%zu", std::string(filled, '#').c_str(), std::string(width - filled, ' ').c_str(),
                 done_, total_);
    if (done_ == total_) std::fprintf(stderr, "\n");
  }

 private:
  size_t total_, done_ = 0;
  bool on_;
  std::mutex mu_;
};

// The run's typesetter (see prepare), so main can join its pattern loads on every exit.
layout::Typesetter* g_typesetter = nullptr;

// Everything a run needs, read and checked before any output is written.
struct Job {
  layout::LayoutSpec spec;
  layout::Typesetter* ts = nullptr;  // lives until the process ends (see prepare)
  Case kase;
  std::vector<std::string> langs;
  LetterSettings settings;
  std::filesystem::path senders_file;  // empty: no senders
  size_t sender_count = 0;
  render::PdfSettings pdf;
};

// A --lang value as a canonical BCP 47 tag, or a usage error.
std::string cli_language(const std::string& given) {
  std::string why;
  const auto tag = text::canonical_language_tag(given, &why);
  if (!tag) throw UsageError("--lang " + given + ": " + why);
  return *tag;
}

// --lang's comma-separated tags, canonical, each once ("nl,NL" is one language).
std::vector<std::string> cli_languages(const std::string& given) {
  std::vector<std::string> out;
  for (const std::string& g : split_commas(given)) {
    const std::string tag = cli_language(g);
    if (std::find(out.begin(), out.end(), tag) == out.end()) out.push_back(tag);
  }
  if (out.empty() && !given.empty()) throw UsageError("--lang \"" + given + "\": no language tag given");
  return out;
}

// Without --lang a leaflet is made in the first preferred language the case tells its
// story in (background and actions), else English.
std::string default_leaflet_language(const Case& c) {
  for (const std::string& l : c.languages) {
    if (find_lang(c.background, l) && find_lang(c.actions, l)) return l;
  }
  return "en";
}

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

Job prepare(const Args& a) {
  Job job;
  set_address_notes(!a.quiet);
  job.spec = layout::load_layout(resolve_layout(a));
  check_layout_fonts(job.spec.file, job.spec.styles);
  // Never freed: tearing down libhyphen's pattern tries took 1.5 ms, as long as setting a
  // one-page letter, for memory the process returns at exit anyway.
  static layout::Typesetter* const process_ts = [] {
    auto* ts = new layout::Typesetter(font_dir(), hyphen_catalog());
    ts->set_fallback(font_fallback());
    return ts;
  }();
  job.ts = g_typesetter = process_ts;
  layout::Typesetter& ts = *job.ts;
  for (const std::string& l : cli_languages(a.langs)) ts.preload_hyphenators(l);

  std::vector<text::FontId> fonts;
  std::string font_names;
  for (const auto& [name, style] : job.spec.styles) {
    const text::FontId id = ts.font(style.font);
    if (std::find(fonts.begin(), fonts.end(), id) == fonts.end()) {
      fonts.push_back(id);
      font_names += (font_names.empty() ? "" : ", ") + style.font;
    }
  }
  if (!ts.fallback().names().empty()) font_names += "; fallbacks: " + ts.fallback().names();
  std::map<char32_t, bool> seen;  // each code point is looked up in the fonts once
  const auto can_draw = [&](char32_t c) {
    auto it = seen.find(c);
    if (it == seen.end()) {
      it = seen.emplace(c, std::all_of(fonts.begin(), fonts.end(),
                                       [&](text::FontId f) { return ts.can_draw(f, c); }))
               .first;
    }
    return it->second;
  };
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


  job.pdf.profiles = render::colour_profiles(data_dir());
  LetterSettings& s = job.settings;
  if (!a.date.empty()) {
    const auto d = parse_iso_date(a.date);
    if (!d) throw UsageError("--date " + a.date + ": expected YYYY-MM-DD");
    s.letter_date = *d;
  } else if (const auto epoch = source_date_epoch()) {
    s.letter_date = date_from_time(*epoch);
  } else {
    s.letter_date = date_from_time(std::time(nullptr));
  }
  s.created = source_date_epoch().value_or(time_from_date(s.letter_date));
  // Allowed but suspicious: a deadline already past, or too close for international post
  // (a week or more between most countries).
  if (!a.quiet) {
    const long days = static_cast<long>((time_from_date(job.kase.deadline) - time_from_date(s.letter_date)) / 86400);
    char deadline[16];
    std::snprintf(deadline, sizeof deadline, "%04d-%02d-%02d", job.kase.deadline.year, job.kase.deadline.month,
                  job.kase.deadline.day);
    if (days < 0) {
      std::cerr << "warning: " << std::filesystem::path(a.case_file).filename().string() << ":/deadline: the deadline "
                << deadline << " passed " << -days << " day(s) before the letters' date\n";
    } else if (days < 7) {
      std::cerr << "warning: " << std::filesystem::path(a.case_file).filename().string() << ":/deadline: " << days
                << " day(s) to the deadline " << deadline << "; international post often takes a week or more\n";
    }
  }
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
    for (Sender row;;) {
      try {
        if (!reader.next(row)) break;
        ++job.sender_count;
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
    if (job.sender_count == 0) throw InputError(a.senders, "2:1", "no senders after the header row");
    for (const std::string& w : reader.warnings()) std::cerr << "warning: " << w << '\n';
    job.senders_file = a.senders;
    s.senders_file = a.senders;
  } else if (a.split) {
    throw UsageError("--split needs --senders");
  }
  return job;
}

// All senders in memory, for one file per sender, envelopes and labels.
std::vector<Sender> load_senders(const Job& job) {
  return job.senders_file.empty() ? std::vector<Sender>{} : read_senders(job.senders_file).senders;
}

// One item per sender, or one unsigned item when there are no senders.
std::vector<const Sender*> sender_list(const std::vector<Sender>& senders) {
  std::vector<const Sender*> out;
  for (const Sender& s : senders) out.push_back(&s);
  if (out.empty()) out.push_back(nullptr);
  return out;
}

// One output file and how to make it with a given typesetter (one per worker thread:
// FreeType faces and HarfBuzz fonts are not shared across threads).
struct FileTask {
  std::string name;
  std::function<void(layout::Typesetter&, const std::filesystem::path&)> make;
};


// Runs the tasks on `jobs` threads. Every file is written under a temporary name and
// renamed only when all succeeded; the first failing task in file order is reported,
// whatever the threads' timing, so errors are reproducible.
void run_tasks(const Job& job, const Args& a, std::vector<FileTask>& tasks, unsigned jobs,
               const std::string& subdir = "") {
  const std::filesystem::path dir = subdir.empty() ? std::filesystem::path(a.out_dir) : std::filesystem::path(a.out_dir) / subdir;
  OutputBatch batch(dir);
  std::vector<std::filesystem::path> temps;
  for (const FileTask& t : tasks) temps.push_back(batch.reserve(t.name));
  std::vector<std::exception_ptr> errors(tasks.size());
  std::atomic<size_t> next{0};
  const auto worker = [&](layout::Typesetter& ts) {
    for (size_t i = next++; i < tasks.size(); i = next++) {
      try {
        tasks[i].make(ts, temps[i]);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(tasks.size())));
  if (jobs == 1) {
    worker(*job.ts);
  } else {
    // The first worker uses the prepared typesetter (fonts loaded, patterns loading).
    std::vector<std::unique_ptr<layout::Typesetter>> typesetters;
    const text::HyphenCatalog catalog = hyphen_catalog();
    for (unsigned j = 1; j < jobs; ++j) {
      typesetters.push_back(std::make_unique<layout::Typesetter>(font_dir(), catalog));
      typesetters.back()->set_fallback(font_fallback());
      for (const auto& [name, style] : job.spec.styles) typesetters.back()->font(style.font);
    }
    std::vector<std::thread> threads;
    threads.emplace_back(worker, std::ref(*job.ts));
    for (auto& ts : typesetters) threads.emplace_back(worker, std::ref(*ts));
    for (std::thread& t : threads) t.join();
  }
  job.ts->finish_loading();
  // An address that cannot fit stops only its own files (issue 12): the others are
  // written and the run still ends with exit 2. Any other error writes nothing.
  std::vector<std::string> unfit;
  for (size_t i = 0; i < errors.size(); ++i) {
    if (!errors[i]) continue;
    try {
      std::rethrow_exception(errors[i]);
    } catch (const UnfittableAddress& e) {
      unfit.push_back(std::string(e.what()) + "\nappeal: not written: " + (dir / tasks[i].name).string());
    } catch (...) {
      throw;
    }
  }
  for (size_t i = 0; i < errors.size(); ++i) {
    if (errors[i]) batch.drop(temps[i]);
  }
  batch.commit();
  for (size_t i = 0; i < tasks.size(); ++i) {
    if (!errors[i]) std::cout << (dir / tasks[i].name).string() << '\n';
  }
  if (!unfit.empty()) throw InputMessages(std::move(unfit));
}

// Senders set ahead of the letter template at most (about 1 MB), whatever the wait.
constexpr size_t kMaxEarlySenders = 2000;

int run_letters(const Args& a) {
  const Job job = prepare(a);
  const Case& c = job.kase;
  const bool merge = !job.senders_file.empty() && !a.split;
  const std::vector<Sender> all = merge ? std::vector<Sender>{} : load_senders(job);
  const auto senders = sender_list(all);
  Progress progress(c.targets.size() * job.langs.size() * std::max<size_t>(1, job.sender_count), a.quiet);
  std::vector<FileTask> tasks;
  for (size_t ti = 0; ti < c.targets.size(); ++ti) {
    for (const std::string& lang : job.langs) {
      const std::string stem = c.targets[ti].id + "-" + lang;
      if (!merge) {
        for (size_t si = 0; si < senders.size(); ++si) {
          char suffix[32] = ".pdf";
          if (a.split) std::snprintf(suffix, sizeof suffix, "-%04zu.pdf", si + 1);
          tasks.push_back({stem + suffix, [&, ti, lang, si](layout::Typesetter& ts, const std::filesystem::path& file) {
                             render::write_pdf(letter_document(c, ti, lang, job.spec, ts, job.settings, senders[si]),
                                               ts.fonts(), job.pdf, file);
                             progress.step();
                           }});
        }
        continue;
      }
      // One print file: every sender's letter in CSV order, each starting on an odd page.
      tasks.push_back({stem + ".pdf", [&, ti, lang](layout::Typesetter& ts, const std::filesystem::path& file) {
                         const auto set_sender = [&](const Sender& s) {
                           return set_sender_parts(s, c, ti, lang, job.spec, ts, job.settings);
                         };
                         // Senders set while the hyphenation patterns for the body load.
                         SendersReader reader(job.senders_file);
                         std::deque<SenderParts> early;
                         Sender sender;
                         bool more = true;
                         while (early.size() < kMaxEarlySenders && !ts.hyphenators_ready(lang) && (more = reader.next(sender))) {
                           early.push_back(set_sender(sender));
                         }
                         LetterTemplate shared(c, ti, lang, job.spec, ts, job.settings, true);
                         render::PdfStream out(letter_head(c, c.targets[ti], lang, job.settings, job.sender_count),
                                               ts.fonts(), job.pdf, file);
                         const auto add = [&](SenderParts parts) {
                           std::vector<layout::DisplayPage> letter = shared.for_sender(std::move(parts), job.settings);
                           pad_for_duplex(letter);
                           out.add(std::move(letter));
                           progress.step();
                         };
                         for (; !early.empty(); early.pop_front()) add(std::move(early.front()));
                         while (more && reader.next(sender)) add(set_sender(sender));
                         out.finish();
                       }});
    }
  }
  run_tasks(job, a, tasks, a.jobs);
  return 0;
}

// Envelopes or label sheets: one per letter, same order as the merged letters.
int run_mailing(const Args& a, bool labels) {
  const Job job = prepare(a);
  const Case& c = job.kase;
  const std::vector<Sender> all = load_senders(job);
  const auto senders = sender_list(all);
  const std::string kind = labels ? "labels" : "envelopes";
  std::vector<FileTask> tasks;
  for (size_t ti = 0; ti < c.targets.size(); ++ti) {
    for (const std::string& lang : job.langs) {
      const std::string name = c.targets[ti].id + "-" + lang + "-" + kind + ".pdf";
      tasks.push_back({name, [&, ti, lang](layout::Typesetter& ts, const std::filesystem::path& file) {
                         std::vector<layout::DisplayPage> pages;
                         if (labels) {
                           LabelSheets sheets(job.spec, ts);
                           for (const Sender* s : senders) sheets.add(c, ti, lang, job.settings, s);
                           pages = sheets.take();
                         } else {
                           for (const Sender* s : senders) {
                             pages.push_back(build_envelope(c, ti, lang, job.spec, ts, job.settings, s));
                           }
                         }
                         render::write_pdf({mailing_head(c, c.targets[ti], lang, kind, job.settings), std::move(pages)},
                                           ts.fonts(), job.pdf, file);
                       }});
    }
  }
  run_tasks(job, a, tasks, a.jobs);
  return 0;
}

// Archival copies: OUTDIR/archive/<sender-slug>-<target>-<lang>.pdf per sender letter,
// PDF/A-3b with the sources attached, signed with --sign.
int run_archive(const Args& a) {
  if (a.senders.empty()) throw UsageError("archive needs --senders: it keeps a copy of each sender's letter");
  if (!a.sign.empty() && a.password_file.empty()) throw UsageError("--sign needs --password-file");
  if (a.sign.empty() && !a.password_file.empty()) throw UsageError("--password-file without --sign");
  Job job = prepare(a);
  std::optional<render::Signer> signer;
  if (!a.sign.empty()) {
    std::ifstream pw(a.password_file, std::ios::binary);
    if (!pw) throw UsageError("--password-file " + a.password_file + ": cannot read it");
    std::string password;
    std::getline(pw, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    // The certificate must be valid now, when the copies are signed.
    // The signature's /M: SOURCE_DATE_EPOCH for reproducible builds, else the real time.
    signer.emplace(render::Signer::from_pkcs12(a.sign, password, std::time(nullptr),
                                               source_date_epoch().value_or(std::time(nullptr))));
    job.pdf.signer = &*signer;
  }
  const Case& c = job.kase;
  ArchiveSource source;
  source.case_name = std::filesystem::path(a.case_file).filename().string();
  {
    std::ifstream in(a.case_file, std::ios::binary);
    source.case_json.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  source.senders_file_name = std::filesystem::path(a.senders).filename().string();
  const std::vector<Sender> senders = load_senders(job);
  Progress progress(senders.size() * c.targets.size() * job.langs.size(), a.quiet);
  std::vector<FileTask> tasks;
  std::map<std::string, int> used;  // slug -> times seen, so two namesakes get two files
  for (const Sender& s : senders) {
    std::string slug = sender_slug(s.name);
    if (const int n = ++used[slug]; n > 1) slug += "-" + std::to_string(n);
    for (size_t ti = 0; ti < c.targets.size(); ++ti) {
      for (const std::string& lang : job.langs) {
        tasks.push_back({slug + "-" + c.targets[ti].id + "-" + lang + ".pdf",
                         [&, ti, lang, sender = &s](layout::Typesetter& ts, const std::filesystem::path& file) {
                           ArchiveSource src = source;
                           src.sender_json = sender_row_json(*sender, a.senders);
                           render::write_pdf(archive_document(build_letter(c, ti, lang, job.spec, ts, job.settings, sender),
                                                              c, c.targets[ti], lang, *sender, src, job.settings),
                                             ts.fonts(), job.pdf, file);
                           progress.step();
                         }});
      }
    }
  }
  run_tasks(job, a, tasks, a.jobs, "archive");
  return 0;
}

// Leaflets: one PDF/X-4 file per language, OUTDIR/leaflet-<layout>-<lang>.pdf.
int run_leaflet(const Args& a) {
  layout::Typesetter ts(font_dir(), hyphen_catalog());
  ts.set_fallback(font_fallback());
  const layout::LeafletSpec spec = layout::load_leaflet(resolve_layout(a));
  check_layout_fonts(spec.file, spec.styles);
  std::vector<text::FontId> fonts;
  std::string font_names;
  for (const auto& [name, style] : spec.styles) {
    const text::FontId id = ts.font(style.font);
    if (std::find(fonts.begin(), fonts.end(), id) == fonts.end()) {
      fonts.push_back(id);
      font_names += (font_names.empty() ? "" : ", ") + style.font;
    }
  }
  if (!ts.fallback().names().empty()) font_names += "; fallbacks: " + ts.fallback().names();
  const auto can_draw = [&](char32_t c) {
    return std::all_of(fonts.begin(), fonts.end(), [&](text::FontId f) { return ts.can_draw(f, c); });
  };
  const Case c = read_case(a.case_file, can_draw, font_names);
  if (!a.quiet) {
    for (const std::string& w : c.warnings) std::cerr << "warning: " << w << '\n';
  }
  std::optional<Group> group = c.group;
  if (!a.group.empty()) group = read_group_file(a.group, can_draw, font_names);
  std::vector<std::string> langs = cli_languages(a.langs);
  if (langs.empty()) langs.push_back(default_leaflet_language(c));
  std::time_t created;
  if (!a.date.empty()) {
    const auto d = parse_iso_date(a.date);
    if (!d) throw UsageError("--date " + a.date + ": expected YYYY-MM-DD");
    created = time_from_date(*d);
  } else {
    created = source_date_epoch().value_or(time_from_date(c.issued.value_or(c.deadline)));
  }
  // Every leaflet is laid out before the output folder is touched: a case that does not
  // fit leaves nothing behind.
  std::vector<Leaflet> leaflets;
  for (const std::string& lang : langs) leaflets.push_back(build_leaflet(c, lang, spec, ts, group, created));
  const render::PdfSettings pdf{render::colour_profiles(data_dir())};
  OutputBatch batch(a.out_dir);
  std::vector<std::filesystem::path> written;
  for (size_t i = 0; i < langs.size(); ++i) {
    const std::string& lang = langs[i];
    const Leaflet& leaflet = leaflets[i];
    // "leaflet-a4-trifold-en.pdf" for layout leaflet-a4-trifold.
    const std::string stem = spec.name.rfind("leaflet-", 0) == 0 ? spec.name : "leaflet-" + spec.name;
    const std::string name = stem + "-" + lang + ".pdf";
    render::write_pdf(leaflet.doc, ts.fonts(), pdf, batch.reserve(name));
    written.push_back(std::filesystem::path(a.out_dir) / name);
    if (leaflet.scale < 1 && !a.quiet) {
      std::cerr << "note: " << name << ": text set at " << std::lround(leaflet.scale * 100)
                << " % of the layout's sizes to fit\n";
    }
  }
  batch.commit();
  for (const auto& f : written) std::cout << f.string() << '\n';
  return 0;
}

void add_common(CLI::App* cmd, Args& a, const std::string& default_layout, const std::string& layouts) {
  a.layout = default_layout;
  a.layout_kind = default_layout.rfind("envelope", 0) == 0 ? "envelope"
                  : default_layout.rfind("labels", 0) == 0 ? "label"
                  : default_layout.rfind("leaflet", 0) == 0 ? "leaflet"
                                                              : "letter";
  cmd->add_option("case", a.case_file, "The case description (JSON, see docs/case-format.md)")->required();
  cmd->add_option("-o,--output", a.out_dir, "Folder for the PDFs (created if missing)")->required();
  cmd->add_option("--layout", a.layout, "Layout name in layouts/ or a path to a layout JSON: " + layouts)
      ->capture_default_str();
  cmd->add_option("--lang", a.langs, "Comma-separated BCP 47 tags (default: the case's preferred languages)");
  cmd->add_option("--target", a.targets, "Comma-separated target ids (default: every target of the case)");
  cmd->add_option("--senders", a.senders,
                  "CSV of senders (header: name,address,country[,email,signature,language]): one item per sender");
  cmd->add_option("--from", a.from,
                  "ISO country code the mail is posted from, without --senders; mail to that country gets no "
                  "country line");
  cmd->add_flag("-q,--quiet", a.quiet, "No progress bar and no notes on stderr");
  cmd->add_option("-j,--jobs", a.jobs, "Files written in parallel (threads); output is the same for any value")
      ->check(CLI::Range(1u, 64u))
      ->capture_default_str();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"appeal: print-ready PDFs from a human-rights Urgent Action case (case.json).\n"
               "Exit status: 0 success, 2 bad input (the message names file and location), 1 internal error."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "appeal 0.1.0");

  Args la, ea, lb;
  CLI::App* letters = app.add_subcommand(
      "letters",
      "Window-envelope letters: OUTDIR/<target-id>-<lang>.pdf per target and language. Without --senders each\n"
      "letter has a blank sender block and signature line to fill in by hand; with --senders one print file\n"
      "holds every sender's letter in CSV order, each starting on an odd page for duplex printing.");
  add_common(letters, la, "din5008-b-a4", "din5008-b-a4 (A4, DIN 5008 form B, DL/C5/6 window) or us-letter-10");
  letters->add_option("--date", la.date, "Letter date YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)");
  letters->add_flag("--split", la.split, "With --senders: one PDF per sender, <target>-<lang>-NNNN.pdf");

  CLI::App* envelopes = app.add_subcommand(
      "envelopes", "Envelopes printed directly, one per letter in letter order: OUTDIR/<target>-<lang>-envelopes.pdf");
  add_common(envelopes, ea, "envelope-dl", "envelope-dl, envelope-c5 or envelope-10");

  CLI::App* labels = app.add_subcommand(
      "labels", "Address-label sheets, one label per letter in letter order: OUTDIR/<target>-<lang>-labels.pdf");
  add_common(labels, lb, "labels-l7160", "labels-l7160 (A4, 21 per sheet) or labels-5160 (Letter, 30 per sheet)");

  Args ar;
  CLI::App* archive = app.add_subcommand(
      "archive",
      "Archival copies of each sender's letters: OUTDIR/archive/<sender>-<target>-<lang>.pdf, PDF/A-3b with the\n"
      "case JSON and the sender's CSV row attached, optionally signed (PAdES B-B)");
  add_common(archive, ar, "din5008-b-a4", "din5008-b-a4 or us-letter-10");
  archive->add_option("--date", ar.date, "Letter date YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)");
  archive->add_option("--sign", ar.sign, "PKCS#12 file (.p12) with the key and certificate to sign each copy");
  archive->add_option("--password-file", ar.password_file, "File whose first line is the PKCS#12 password");

  Args lf;
  lf.layout = "leaflet-a4-trifold";
  lf.layout_kind = "leaflet";
  CLI::App* leaflet = app.add_subcommand(
      "leaflet",
      "A folded, two-sided event leaflet for print shops (PDF/X-4, bleed, crop marks, QR code to the action):\n"
      "OUTDIR/leaflet-<layout>-<lang>.pdf");
  leaflet->add_option("case", lf.case_file, "The case description (JSON, see docs/case-format.md)")->required();
  leaflet->add_option("-o,--output", lf.out_dir, "Folder for the PDFs (created if missing)")->required();
  leaflet->add_option("--layout", lf.layout, "leaflet-a4-trifold (A4 roll fold to DL) or leaflet-a5-fold, or a path")
      ->capture_default_str();
  leaflet->add_option("--lang", lf.langs,
                      "Comma-separated BCP 47 tags (default: the first preferred language the case tells its story in, else en)");
  leaflet->add_option("--group", lf.group, "JSON with the local group's contact for the back panel (default: the case's)");
  leaflet->add_option("--date", lf.date, "Creation date YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else the case's date)");
  leaflet->add_flag("-q,--quiet", lf.quiet, "No notes on stderr");

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

  const auto run = [&]() -> int {
    try {
      if (letters->parsed()) return run_letters(la);
      if (envelopes->parsed()) return run_mailing(ea, false);
      if (labels->parsed()) return run_mailing(lb, true);
      if (leaflet->parsed()) return run_leaflet(lf);
      if (archive->parsed()) return run_archive(ar);
    } catch (const InputMessages& e) {
      for (const std::string& m : e.messages()) std::cerr << m << '\n';
      return 2;
    } catch (const BadInput& e) {
      std::cerr << e.what() << '\n';
      return 2;
    } catch (const UsageError& e) {
      std::cerr << "appeal: " << e.what() << '\n';
      return 2;
    } catch (const OutputError& e) {
      std::cerr << "appeal: " << e.what() << '\n';
      return 2;
    } catch (const std::exception& e) {
      std::cerr << "appeal: internal error: " << e.what() << '\n';
      return 1;
    }
    return 0;
  };
  remove_files_on_interrupt();
  const int rc = run();
  if (g_typesetter) g_typesetter->join_loading();  // an error may have left a load running
  return rc;
}
