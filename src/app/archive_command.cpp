#include <ctime>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <unordered_map>

#include "app/commands.h"
#include "app/job.h"
#include "app/progress.h"
#include "app/runner.h"
#include "app/worker_templates.h"
#include "appeal/archive_builder.h"
#include "appeal/dates.h"
#include "render/output.h"

namespace appeal::app {

namespace {

// The copies in the order sender, target, language, made as the senders CSV is read.
class ArchivePlan {
 public:
  ArchivePlan(const Job& job, const RunOptions& a, ArchiveSource source, Progress& progress)
      : job_(job), a_(a), source_(std::move(source)), progress_(progress), reader_(job.senders_file) {}

  bool next(FileTask& task) {
    const Case& c = job_.kase;
    for (;;) {
      if (li_ == 0 && ti_ == 0) {
        auto sender = std::make_shared<Sender>();
        if (!reader_.next(*sender)) return false;
        sender_ = std::move(sender);
        slug_ = sender_slug(sender_->name);
        // Two namesakes get two files ("-2"): every slug seen is kept (a few dozen bytes each).
        if (const int n = ++used_[slug_]; n > 1) slug_ += "-" + std::to_string(n);
      }
      const size_t ti = ti_;
      const std::string lang = job_.langs[li_];
      if (++li_ == job_.langs.size()) {
        li_ = 0;
        if (++ti_ == c.targets.size()) ti_ = 0;
      }
      // A copy of each letter the sender sends: not of languages they did not choose.
      if (!writes_in(*sender_, lang, c)) continue;
      task.name = slug_ + "-" + c.targets[ti].id + "-" + lang + job_.output.extension();
      task.make = [this, ti, lang, sender = sender_](text::Typesetter& ts, const std::filesystem::path& file) {
        ArchiveSource src = source_;
        src.sender_json = sender_row_json(*sender, a_.senders);
        LetterVersions& shared = templates_.get(ts, ti, lang);
        const Case& kase = job_.kase;
        const std::map<std::string, size_t> one = {{sender->country, 1}};
        layout::Document doc =
            archive_document(shared.for_sender(*sender), kase, kase.targets[ti], lang, *sender, src, job_.settings);
        doc.head.facts[kReportFact] = file_fact(Output::kArchive, kase, kase.targets[ti].id, lang, job_.settings.letter_date, one);
        render::write_document(doc, ts.fonts(), job_.output, file);
        job_.report->count(Output::kArchive, kase, kase.targets[ti].id, lang, job_.settings.letter_date, one);
        progress_.step();
      };
      return true;
    }
  }

 private:
  const Job& job_;
  const RunOptions& a_;
  const ArchiveSource source_;
  Progress& progress_;
  SendersReader reader_;
  WorkerTemplates templates_{job_.kase, job_.spec, job_.settings};
  size_t ti_ = 0, li_ = 0;
  std::shared_ptr<const Sender> sender_;
  std::string slug_;
  std::unordered_map<std::string, int> used_;
};

}  // namespace

// Archival copies: OUTDIR/archive/<sender-slug>-<target>-<lang>.pdf per sender letter,
// PDF/A-3b with the sources attached, signed with --sign.
void run_archive(const RunOptions& a, Typesetters& typesetters) {
  if (a.senders.empty()) throw UsageError("archive needs --senders: it keeps a copy of each sender's letter");
  if (!a.sign.empty() && a.password_file.empty()) throw UsageError("--sign needs --password-file");
  if (a.sign.empty() && !a.password_file.empty()) throw UsageError("--password-file without --sign");
  Job job = prepare(a, "letter", typesetters.first(), true);
  std::optional<render::Signer> signer;
  if (!a.sign.empty()) {
    // The certificate must be valid now, when the copies are signed. The signature's /M:
    // SOURCE_DATE_EPOCH for reproducible builds, else the real time.
    signer.emplace(render::Signer::from_pkcs12(a.sign, read_password(a.password_file), std::time(nullptr),
                                               source_date_epoch().value_or(std::time(nullptr))));
    job.output.pdf.signer = &*signer;
  }
  share_between_files(job);
  ArchiveSource source;
  source.case_name = std::filesystem::path(a.case_file).filename().string();
  {
    std::ifstream in(a.case_file, std::ios::binary);
    source.case_json.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  source.senders_file_name = std::filesystem::path(a.senders).filename().string();
  const size_t files = job.letters_per_target() * job.kase.targets.size();
  Progress progress(files, a.quiet);
  ArchivePlan plan(job, a, std::move(source), progress);
  RunnerSettings run{std::filesystem::path(a.out_dir) / "archive", static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(a.jobs, files))),
                     job.font_files};
  run_tasks([&](FileTask& t) { return plan.next(t); }, typesetters, run);
  if (!a.report.empty()) job.report->write(a.report, typesetters.first(), job.settings.created, job.output, a.font_family);
}

}  // namespace appeal::app
