#!/bin/sh
# Times every per-sender output of one target in one language for N generated senders,
# with /usr/bin/time -v: wall time, peak RSS and files written, for
#   merge      letters --senders (one print file)
#   split      letters --senders --split (one file per sender)
#   envelopes  envelopes --senders (envelope-dl)
#   labels     labels --senders (labels-l7160)
#   archive    archive --senders (PDF/A-3b copy per sender)
# Usage: bench/batch.sh [-j JOBS] [KIND[,KIND...]] [N ...]
#   (default: every kind, N = 10000 100000). Peak RSS should not grow with N: senders
#   are streamed and pages written as they are made (docs/merge.md).
set -eu
bench=batch.sh
. "$(dirname "$0")/timing.sh"
jobs=1
if [ "${1:-}" = "-j" ]; then jobs=$2; shift 2; fi
kinds=merge,split,envelopes,labels,archive
case "${1:-}" in [a-z]*) kinds=$1; shift ;; esac
[ $# -gt 0 ] || set -- 10000 100000
case_file=samples/ua-31-22/case.json
printf '%-10s %8s %4s %9s %12s %8s\n' kind N jobs wall_s peak_rss_MB files
for n in "$@"; do
  bench/make-senders.py "$n" >"$work/senders.csv"
  for kind in $(echo "$kinds" | tr , ' '); do
    # A folder per run, removed only at the end: ext4 spends long creating files right
    # after thousands were deleted (it avoids reusing their inodes), which is the
    # benchmark's doing, not the program's.
    out="$work/out-$kind-$n"
    case $kind in
      merge) set -- letters ;;
      split) set -- letters --split ;;
      envelopes) set -- envelopes ;;
      labels) set -- labels ;;
      archive) set -- archive ;;
      *) echo "batch.sh: unknown kind $kind" >&2; exit 2 ;;
    esac
    SOURCE_DATE_EPOCH=1686873600 $TIME -v -o "$work/time.txt" "$APPEAL" "$@" "$case_file" \
      --senders "$work/senders.csv" --target president --lang en -q -j "$jobs" -o "$out" >/dev/null
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$work/time.txt")
    files=$(find "$out" -name '*.pdf' | wc -l)
    printf '%-10s %8s %4s %9s %12s %8s\n' "$kind" "$n" "$jobs" "$wall" "$rss" "$files"
  done
done
