#include <map>
#include <optional>

#include "app/commands.h"
#include "app/job.h"
#include "app/runner.h"
#include "appeal/letter_builder.h"
#include "appeal/mailing_builder.h"
#include "render/output.h"

namespace appeal::app {

// Envelopes or label sheets: one per letter, in the order of the merged letters. The
// senders CSV is streamed and pages are written as they are made, so memory stays flat
// however many senders there are.
void run_mailing(const RunOptions& a, Typesetters& typesetters, bool labels) {
  const Job job = prepare(a, labels ? "label" : "envelope", typesetters.first());
  const Case& c = job.kase;
  const std::string kind = labels ? "labels" : "envelopes";
  std::vector<FileTask> tasks;
  for (size_t ti = 0; ti < c.targets.size(); ++ti) {
    for (const std::string& lang : job.langs) {
      if (!job.senders_file.empty() && !job.letters_in.count(lang)) continue;  // no letter in it
      const std::string name = c.targets[ti].id + "-" + lang + "-" + kind + job.output.extension();
      tasks.push_back({name, [&, ti, lang](text::Typesetter& ts, const std::filesystem::path& file) {
                         const auto out = render::open_page_stream(mailing_head(c, c.targets[ti], lang, kind, job.settings),
                                                                   ts.fonts(), job.output, file);
                         std::optional<LabelSheets> sheets;
                         if (labels) sheets.emplace(job.spec, ts);
                         std::map<std::string, size_t> countries;  // by sender country (app/report.h)
                         const auto add = [&](const Sender* s) {
                           ++countries[s ? s->country : ""];
                           if (sheets) {
                             sheets->add(c, ti, lang, job.settings, s);
                             if (auto full = sheets->take_full(); !full.empty()) out->add(std::move(full));
                           } else {
                             out->add({build_envelope(c, ti, lang, job.spec, ts, job.settings, s)});
                           }
                         };
                         if (job.senders_file.empty()) {
                           add(nullptr);  // one, without a return address
                         } else {
                           // One per letter: a sender who chose another language sends none in this one.
                           SendersReader reader(job.senders_file);
                           for (Sender s; reader.next(s);) {
                             if (writes_in(s, lang, c)) add(&s);
                           }
                         }
                         if (sheets) out->add(sheets->take());
                         const Output what = labels ? Output::kLabels : Output::kEnvelopes;
                         out->set_fact(kReportFact, file_fact(what, c, c.targets[ti].id, lang, job.settings.letter_date, countries));
                         out->finish();
                         job.report->count(what, c, c.targets[ti].id, lang, job.settings.letter_date, countries);
                       }});
    }
  }
  RunnerSettings run{a.out_dir, static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(a.jobs, tasks.size()))),
                     job.font_files};
  run_tasks(tasks_from(std::move(tasks)), typesetters, run);
  if (!a.report.empty()) job.report->write(a.report, typesetters.first(), job.settings.created, job.output, a.font_family);
}

}  // namespace appeal::app
