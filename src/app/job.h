// A run's input, read and checked before any output is written: the layout, the case
// (only the chosen targets and languages), the dates, the senders CSV (every row checked
// and counted, none kept), and how the PDFs are written.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/report.h"
#include "app/run_options.h"
#include "appeal/case_model.h"
#include "appeal/letter_builder.h"
#include "appeal/senders.h"
#include "layout/flow.h"
#include "layout/layout_spec.h"
#include "render/output.h"

namespace appeal::app {

struct Job {
  layout::LayoutSpec spec;
  Case kase;
  std::vector<std::string> langs;
  LetterSettings settings;
  std::filesystem::path senders_file;  // empty: no senders
  size_t sender_count = 0;
  // Senders writing in each language of the run (appeal::writes_in): a sender who chose a
  // language of the case writes in that one only.
  std::map<std::string, size_t> letters_in;
  // One target's letters in every language of the run.
  size_t letters_per_target() const {
    size_t n = 0;
    for (const auto& [lang, count] : letters_in) n += count;
    return n;
  }
  std::vector<std::string> font_files;  // the layout's fonts, for other threads' typesetters
  // The characters of the senders' names, addresses and e-mail addresses that at least
  // 1 % of the senders and 20 of them use (at most 512): what most files of a
  // one-file-per-sender run draw besides the letter (render::share_between_files).
  std::u32string senders_text;
  render::OutputSettings output;  // PDF, or the text trace with --trace
  // What the run writes, counted as its files are made (--report).
  std::shared_ptr<RunReport> report = std::make_shared<RunReport>();
};

// Reads and checks everything (InputError, InputMessages, UsageError), with `ts` loading
// the fonts and, ahead of need, the hyphenation patterns of the languages to write.
// `one_file_per_sender`: also count the senders' characters (Job::senders_text), which
// only such runs use (a 100,000-sender merge would pay 0.3 s for it).
Job prepare(const RunOptions& options, const std::string& layout_kind, text::Typesetter& ts,
            bool one_file_per_sender = false);

// For a one-file-per-sender run: share font subsets and forms between the files
// (render::share_between_files), with the senders' common characters in every subset of
// a font that draws senders' text.
void share_between_files(Job& job);

// All senders in memory (empty without a senders file).
std::vector<Sender> load_senders(const Job& job);
// One item per sender, or one null item (a letter to sign by hand) without senders.
std::vector<const Sender*> sender_list(const std::vector<Sender>& senders);

}  // namespace appeal::app
