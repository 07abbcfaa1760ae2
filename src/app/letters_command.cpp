#include <cstdio>
#include <deque>
#include <iostream>
#include <map>
#include <memory>

#include "app/commands.h"
#include "app/job.h"
#include "app/progress.h"
#include "app/runner.h"
#include "app/worker_templates.h"
#include "appeal/letter_builder.h"
#include "render/output.h"

namespace appeal::app {

namespace {

// Senders set ahead of the letter template at most (about 1 MB), whatever the wait.
constexpr size_t kMaxEarlySenders = 2000;

// One print file: every sender's letter in CSV order, each starting on an odd page. The
// body is set once (LetterTemplate); the senders CSV is streamed; pages are written on a
// second thread as they come (render::open_page_stream).
void write_merged(const Job& job, size_t ti, const std::string& lang, text::Typesetter& ts,
                  const std::filesystem::path& file, Progress& progress) {
  const Case& c = job.kase;
  const auto set_sender = [&](const Sender& s) { return set_sender_parts(s, c, ti, lang, job.spec, ts, job.settings); };
  // Senders set while the hyphenation patterns for the body load; only those writing in
  // this language (writes_in).
  SendersReader reader(job.senders_file);
  const auto next = [&](Sender& s) {
    while (reader.next(s)) {
      if (writes_in(s, lang, c)) return true;
    }
    return false;
  };
  std::deque<SenderParts> early;
  Sender sender;
  bool more = true;
  while (early.size() < kMaxEarlySenders && !ts.hyphenators_ready(lang) && (more = next(sender))) {
    early.push_back(set_sender(sender));
  }
  LetterVersions versions(c, ti, lang, job.spec, ts, job.settings);
  versions.get(0);  // the first variant's body now, as the pages of the first letters need it
  const auto out = render::open_page_stream(letter_head(c, c.targets[ti], lang, job.settings, job.letters_in.at(lang)),
                                            ts.fonts(), job.output, file);
  std::map<std::string, size_t> countries;  // letters by sender country (app/report.h)
  const auto add = [&](SenderParts parts) {
    ++countries[parts.sender.country];
    std::vector<layout::DisplayPage> letter = versions.for_sender(std::move(parts));
    pad_for_duplex(letter);
    out->add(std::move(letter));
    progress.step();
  };
  for (; !early.empty(); early.pop_front()) add(std::move(early.front()));
  while (more && next(sender)) add(set_sender(sender));
  const std::string& target = c.targets[ti].id;
  out->set_fact(kReportFact, file_fact(Output::kLetters, c, target, lang, job.settings.letter_date, countries));
  out->finish();
  job.report->count(Output::kLetters, c, target, lang, job.settings.letter_date, countries);
}

// --split: one file per sender, <target>-<lang>-NNNN.pdf, in the order target, language,
// CSV row. The CSV is read once per target and language as files are handed out, so no
// run holds every sender; each worker keeps the letter template of the target and
// language it is on (the body is set once per worker, not once per sender).
class SplitPlan {
 public:
  SplitPlan(const Job& job, Progress& progress) : job_(job), progress_(progress) {}

  bool next(FileTask& task) {
    for (;;) {
      if (ti_ == job_.kase.targets.size()) return false;
      if (!reader_) reader_ = std::make_unique<SendersReader>(job_.senders_file);
      auto sender = std::make_shared<Sender>();
      if (reader_->next(*sender)) {
        const std::string& lang = job_.langs[li_];
        char name[64];
        // Files are numbered by the sender's record, so a sender's letters in two
        // languages have one number.
        std::snprintf(name, sizeof name, "-%04zu", sender->record);
        task.name = job_.kase.targets[ti_].id + "-" + lang + name + job_.output.extension();
        if (!writes_in(*sender, lang, job_.kase)) continue;
        task.make = [this, ti = ti_, lang, sender](text::Typesetter& ts, const std::filesystem::path& file) {
          LetterVersions& shared = templates_.get(ts, ti, lang);
          const Case& c = job_.kase;
          const std::map<std::string, size_t> one = {{sender->country, 1}};
          layout::Document doc{letter_head(c, c.targets[ti], lang, job_.settings), shared.for_sender(*sender)};
          doc.head.facts[kReportFact] = file_fact(Output::kLetters, c, c.targets[ti].id, lang, job_.settings.letter_date, one);
          render::write_document(doc, ts.fonts(), job_.output, file);
          job_.report->count(Output::kLetters, c, c.targets[ti].id, lang, job_.settings.letter_date, one);
          progress_.step();
        };
        return true;
      }
      reader_.reset();
      if (++li_ == job_.langs.size()) li_ = 0, ++ti_;
    }
  }

 private:
  const Job& job_;
  Progress& progress_;
  WorkerTemplates templates_{job_.kase, job_.spec, job_.settings};
  size_t ti_ = 0, li_ = 0;
  std::unique_ptr<SendersReader> reader_;
};

}  // namespace

void run_letters(const RunOptions& a, Typesetters& typesetters) {
  Job job = prepare(a, "letter", typesetters.first(), a.split);
  const Case& c = job.kase;
  const size_t files = c.targets.size() * job.langs.size();
  const size_t letters = job.letters_per_target();
  Progress progress(job.senders_file.empty() ? files : c.targets.size() * letters, a.quiet);
  RunnerSettings run{a.out_dir, a.jobs, job.font_files};
  if (!job.senders_file.empty() && a.split) {
    share_between_files(job);
    SplitPlan plan(job, progress);
    run.jobs = std::max<size_t>(1, std::min<size_t>(a.jobs, c.targets.size() * letters));
    run_tasks([&](FileTask& t) { return plan.next(t); }, typesetters, run);
    if (!a.report.empty()) job.report->write(a.report, typesetters.first(), job.settings.created, job.output, a.font_family);
    return;
  }
  std::vector<FileTask> tasks;
  for (size_t ti = 0; ti < c.targets.size(); ++ti) {
    for (const std::string& lang : job.langs) {
      const std::string name = c.targets[ti].id + "-" + lang + job.output.extension();
      if (job.senders_file.empty()) {  // a letter to sign by hand
        tasks.push_back({name, [&, ti, lang](text::Typesetter& ts, const std::filesystem::path& file) {
                           layout::Document doc = letter_document(c, ti, lang, job.spec, ts, job.settings);
                           const std::map<std::string, size_t> one = {{"", 1}};  // whoever fills it in
                           doc.head.facts[kReportFact] =
                               file_fact(Output::kLetters, c, c.targets[ti].id, lang, job.settings.letter_date, one);
                           render::write_document(doc, ts.fonts(), job.output, file);
                           job.report->count(Output::kLetters, c, c.targets[ti].id, lang, job.settings.letter_date, one);
                           progress.step();
                         }});
      } else if (job.letters_in.count(lang)) {
        tasks.push_back({name, [&, ti, lang](text::Typesetter& ts, const std::filesystem::path& file) {
                           write_merged(job, ti, lang, ts, file, progress);
                         }});
      } else if (!a.quiet && ti == 0) {
        std::cerr << "note: every sender chose another language (CSV \"language\"): no letters in \"" << lang << "\"\n";
      }
    }
  }
  run.jobs = std::max<size_t>(1, std::min<size_t>(a.jobs, tasks.size()));
  run_tasks(tasks_from(std::move(tasks)), typesetters, run);
  if (!a.report.empty()) job.report->write(a.report, typesetters.first(), job.settings.created, job.output, a.font_family);
}

}  // namespace appeal::app
