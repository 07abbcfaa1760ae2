// The subcommands. Each reads and checks its input (app/job.h), plans its files (targets x
// languages x senders x outputs) and hands them to the runner (app/runner.h), or, for
// leaflets, lays every language out before writing any.
#pragma once
#include "app/run_options.h"
#include "app/typesetters.h"

namespace appeal::app {

// OUTDIR/<target>-<lang>.pdf: letters to sign by hand, or with --senders one merged print
// file, or with --split one file per sender (<target>-<lang>-NNNN.pdf).
void run_letters(const RunOptions& options, Typesetters& typesetters);
// OUTDIR/<target>-<lang>-envelopes.pdf or -labels.pdf: one per letter, in letter order.
void run_mailing(const RunOptions& options, Typesetters& typesetters, bool labels);
// OUTDIR/archive/<sender>-<target>-<lang>.pdf: PDF/A-3b copies, signed with --sign.
void run_archive(const RunOptions& options, Typesetters& typesetters);
// OUTDIR/leaflet-<layout>-<lang>.pdf: PDF/X-4 folded leaflets.
void run_leaflet(const RunOptions& options, Typesetters& typesetters);

// `appeal sign IN.pdf -o OUT.pdf`: a PDF from anywhere signed by incremental update.
void run_sign(const RunOptions& options);

// `appeal check FILE.pdf [--profile P]`: what the PDF holds and which rules it breaks.
// Exit status 0 clean, 2 violations found (one line each on stdout, with the ISO clause).
int run_check(const RunOptions& options);

// `appeal import UA -o case.json`: a UA document read into a case and case.import.json;
// with --check CASE, prints what differs from CASE: exit 0 none, 3 some.
int run_import(const RunOptions& options);

// `appeal report DIR [--report FILE]`: the letters, envelopes, labels and archive copies
// an output folder holds, per target, language and sender country (app/report.h), as CSV
// on stdout; exit 2 when no file there carries counts.
int run_report(const RunOptions& options, Typesetters& typesetters);

// Runs `command`; returns the exit status: 0, 2 for bad input or output that cannot be
// written (messages on stderr), 1 for an internal fault.
int run(Command command, const RunOptions& options, Typesetters& typesetters);

}  // namespace appeal::app
