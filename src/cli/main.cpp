// `appeal`: the command line, CLI11 wiring only: options into app::RunOptions, then
// app::run (src/app/). Exit codes: 0 ok, 2 bad input (file:location: message), 1 internal
// fault.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <utility>

#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "app/output_batch.h"
#include "app/run_options.h"
#include "app/typesetters.h"

namespace {

using namespace appeal;

// --trace: the same pages as text instead of PDF (docs/golden.md).
void add_font_family(CLI::App* cmd, app::RunOptions& a) {
  cmd->add_option("--font-family", a.font_family,
                  "An installed font family (fc-list) for every text style, each keeping its weight (default: the "
                  "layout's, PT Serif / PT Sans)")
      ->check([](const std::string& v) { return v.find_first_not_of(' ') == std::string::npos ? "a family name" : ""; });
}

void add_trace(CLI::App* cmd, app::RunOptions& a) {
  cmd->add_flag("--trace", a.trace,
                "Write a text trace of each file's pages (fonts, glyph ids with their text, positions to 0.01 pt, "
                "rules, images) as .trace files instead of PDFs: for golden tests and comparing layouts");
}

// Tagged PDF is the default (docs/accessibility.md).
void add_tagging(CLI::App* cmd, app::RunOptions& a) {
  CLI::Option* untagged = cmd->add_flag(
      "--untagged", a.untagged,
      "No structure tree, no marked content: the smallest files, unreadable by screen readers (an archive copy is then PDF/A-3b)");
  cmd->add_flag("--pdf-ua", a.pdf_ua, "Declare PDF/UA-1 (ISO 14289-1) in the XMP metadata; the files are tagged in any case")
      ->excludes(untagged);
}

void add_common(CLI::App* cmd, app::RunOptions& a, const std::string& default_layout, const std::string& layouts) {
  a.layout = default_layout;
  cmd->add_option("case", a.case_file, "The case description (JSON, see docs/case-format.md)")->required();
  cmd->add_option("-o,--output", a.out_dir, "Folder for the PDFs (created if missing)")->required();
  cmd->add_option("--layout", a.layout, "Layout name in layouts/ or a path to a layout JSON: " + layouts)
      ->capture_default_str();
  cmd->add_option("--lang", a.langs, "Comma-separated BCP 47 tags (default: the case's preferred languages)");
  cmd->add_option("--target", a.targets, "Comma-separated target ids (default: every target of the case)");
  cmd->add_option("--senders", a.senders,
                  "CSV of senders (header: name,address,country[,email,signature,language,personal,variant]): one "
                  "item per sender");
  cmd->add_option("--from", a.from,
                  "ISO country code the mail is posted from, without --senders; mail to that country gets no "
                  "country line");
  cmd->add_flag("-q,--quiet", a.quiet, "No progress bar and no notes on stderr");
  add_font_family(cmd, a);
  cmd->add_option("--report", a.report,
                  "Write what the run made (.csv, .json, or .pdf for a printed summary): letters, envelopes, labels, "
                  "archive copies per target, "
                  "language and sender country, with the case id and dates");
  add_trace(cmd, a);
  add_tagging(cmd, a);
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

  app::RunOptions la, ea, lb;
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
  envelopes->add_option("--date", ea.date,
                        "Date of the letters they carry, YYYY-MM-DD, for the file and --report (default: SOURCE_DATE_EPOCH, "
                        "else today)");

  CLI::App* labels = app.add_subcommand(
      "labels", "Address-label sheets, one label per letter in letter order: OUTDIR/<target>-<lang>-labels.pdf");
  add_common(labels, lb, "labels-l7160", "labels-l7160 (A4, 21 per sheet) or labels-5160 (Letter, 30 per sheet)");
  labels->add_option("--date", lb.date,
                     "Date of the letters they carry, YYYY-MM-DD, for the file and --report (default: SOURCE_DATE_EPOCH, "
                     "else today)");

  app::RunOptions ar;
  CLI::App* archive = app.add_subcommand(
      "archive",
      "Archival copies of each sender's letters: OUTDIR/archive/<sender>-<target>-<lang>.pdf, PDF/A-3b with the\n"
      "case JSON and the sender's CSV row attached, optionally signed (PAdES B-B)");
  add_common(archive, ar, "din5008-b-a4", "din5008-b-a4 or us-letter-10");
  archive->add_option("--date", ar.date, "Letter date YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)");
  archive->add_option("--sign", ar.sign, "PKCS#12 file (.p12) with the key and certificate to sign each copy");
  archive->add_option("--password-file", ar.password_file, "File whose first line is the PKCS#12 password");

  app::RunOptions lf;
  lf.layout = "leaflet-a4-trifold";
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
  add_font_family(leaflet, lf);
  add_trace(leaflet, lf);
  add_tagging(leaflet, lf);

  app::RunOptions sg;
  CLI::App* sign = app.add_subcommand(
      "sign",
      "Sign a PDF from anywhere (a scanned signed letter, another program's PDF) by incremental update: every\n"
      "byte of IN.pdf is kept, a PDF/A input stays PDF/A; PAdES B-B, as archive --sign");
  sign->add_option("input", sg.case_file, "The PDF to sign")->required();
  sign->add_option("-o,--output", sg.out_dir, "The signed PDF to write (not the input)")->required();
  sign->add_option("--sign", sg.sign, "PKCS#12 file (.p12) with the key and certificate")->required();
  sign->add_option("--password-file", sg.password_file, "File whose first line is the PKCS#12 password")->required();
  sign->add_option("--reason", sg.reason, "The signature's reason, e.g. \"Signed copy of my letter\"");
  sign->add_option("--location", sg.location, "Where it was signed");

  app::RunOptions ck;
  CLI::App* check = app.add_subcommand(
      "check",
      "Check any PDF: pages and boxes, fonts (embedded, subset, ToUnicode, glyph 0, widths), output intents,\n"
      "attachments, signatures, and the rules of a profile. Exit 0 clean, 2 violations (one line each, with the ISO clause)");
  check->add_option("file", ck.case_file, "The PDF to check")->required();
  check->add_option("--profile", ck.profile, "auto (every profile the file claims), plain, pdfa-3b, pdfa-3a, pdfx-4 or pdfua-1")->capture_default_str();

  app::RunOptions rp;
  CLI::App* report = app.add_subcommand(
      "report",
      "Count what an output folder holds (letters, envelopes, labels, archive copies per target, language and\n"
      "sender country), from the counts each file of a run carries: CSV on stdout, the same as a run's --report");
  report->add_option("folder", rp.case_file, "An output folder of letters, envelopes, labels or archive copies")->required();
  report->add_option("--report", rp.report, "Also write the report to this file (.csv, .json or .pdf)");
  report->add_option("--date", rp.date, "Date of the PDF summary YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)");
  report->add_flag("-q,--quiet", rp.quiet, "No notes on stderr");

  app::RunOptions im;
  CLI::App* import = app.add_subcommand(
      "import",
      "Read an Urgent Action (PDF, DOCX, HTML or text) into a case file, and list in CASE.import.json what\n"
      "to check; missing translations become placeholders `appeal letters` refuses. With --check CASE, print\n"
      "what a fresh import says differently from CASE (exit 0 nothing, 3 differences)");
  import->add_option("document", im.case_file, "The Urgent Action: .pdf, .docx, .html or .txt (read by content)")->required();
  import->add_option("-o,--output", im.out_dir, "The case file to write, e.g. case.json");
  import->add_option("--check", im.check, "Compare this case file with the document instead of writing");
  import->add_option("--id", im.id, "The case id (default: the UA number, else the index number found)");
  import->add_option("--lang", im.langs, "The document's language (default: guessed from its text)");
  import->add_option("--date", im.date, "Today as YYYY-MM-DD, for \"deadline passed\" (default: SOURCE_DATE_EPOCH, else today)");
  import->add_flag("--text", im.trace, "Print the document's text as the importer reads it (paragraphs, pages) and stop");
  import->add_flag("-q,--quiet", im.quiet, "No report on stderr (case.import.json is still written)");

  try {
    app.parse(argc, argv);
    if (import->parsed() && !im.trace && im.out_dir.empty() == im.check.empty()) {
      throw CLI::ValidationError("import", "give either -o CASE.json (write) or --check CASE.json (compare)");
    }
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

  // Every parsed option is now in one RunOptions; the application does the rest.
  const std::pair<CLI::App*, std::pair<app::Command, const app::RunOptions*>> commands[] = {
      {letters, {app::Command::kLetters, &la}},    {envelopes, {app::Command::kEnvelopes, &ea}},
      {labels, {app::Command::kLabels, &lb}},      {archive, {app::Command::kArchive, &ar}},
      {leaflet, {app::Command::kLeaflet, &lf}},    {sign, {app::Command::kSign, &sg}},
      {check, {app::Command::kCheck, &ck}},        {import, {app::Command::kImport, &im}},
      {report, {app::Command::kReport, &rp}}};
  app::remove_files_on_interrupt();
  app::Typesetters typesetters;
  int rc = 2;
  for (const auto& [cmd, what] : commands) {
    if (cmd->parsed()) rc = app::run(what.first, *what.second, typesetters);
  }
  typesetters.join_loading();  // an error may have left a pattern load running
  // Every file is closed and renamed; what is left is freeing memory the kernel reclaims
  // at once anyway. Tearing down libhyphen's pattern tries alone took 1.5 ms, as long as
  // setting a one-page letter, so the process ends here, as compilers do (clang's
  // -disable-free): output streams flushed, no destructors run.
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(rc);
}
