#!/bin/sh
# Times a mail merge of N generated senders into one print file (one target, one
# language) with /usr/bin/time -v: wall time, peak RSS, output size.
# Usage: bench/merge.sh [--mixed | --personal] [N ...]   (default: 1000 100000)
# --mixed: the senders cycle through tests/data/many-scripts/senders.csv (30 senders in 25
# scripts: Arabic, Hebrew, CJK, Indic, ...) instead of generated Latin/Cyrillic ones.
# --personal: 30 % of the senders write a personal paragraph (eight languages and scripts),
# and the case's English letter has three variants of its body, given by turn (issue 18).
# CI runs it with N=200 so it cannot rot; the figures of a full run go in notes/docs.
# APPEAL_ARGS: more options for every run, e.g. APPEAL_ARGS=--untagged to time the merge
# without the structure tree (docs/accessibility.md).
set -eu
bench=merge.sh
. "$(dirname "$0")/timing.sh"
mixed=0
personal=0
case_file=samples/ua-31-22/case.json
if [ "${1:-}" = "--mixed" ]; then mixed=1; shift; fi
if [ "${1:-}" = "--personal" ]; then
  personal=1
  shift
  case_file=$work/case-variants.json
  python3 - samples/ua-31-22/case.json "$case_file" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
en = c["letters"]["en"]
b = en.pop("body")
en["variants"] = [b, [b[0], "In other words: " + b[1], b[2]], [b[0], b[1], "Once more: " + b[2]]]
json.dump(c, open(sys.argv[2], "w"), ensure_ascii=False)
PY
fi
[ $# -gt 0 ] || set -- 1000 100000
printf '%-8s %9s %12s %12s %12s\n' N wall_s peak_rss_MB output_KB bytes/letter
for n in "$@"; do
  if [ "$mixed" = 1 ]; then
    python3 - "$n" tests/data/many-scripts/senders.csv >"$work/senders-$n.csv" <<'PY'
import csv, sys
n, rows = int(sys.argv[1]), list(csv.reader(open(sys.argv[2], newline="")))
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(rows[0])
for i in range(n):
    w.writerow(rows[1 + i % (len(rows) - 1)])
PY
  elif [ "$personal" = 1 ]; then
    bench/make-senders.py "$n" --personal 30 >"$work/senders-$n.csv"
  else
    bench/make-senders.py "$n" >"$work/senders-$n.csv"
  fi
  $TIME -v -o "$work/time-$n.txt" "$APPEAL" letters "$case_file" --senders "$work/senders-$n.csv" \
    --target president --lang en --date 2023-06-16 -q -o "$work/out-$n" ${APPEAL_ARGS:-} >/dev/null
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time-$n.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$work/time-$n.txt")
  size=$(stat -c %s "$work/out-$n/president-en.pdf")
  pages=$(pdfinfo "$work/out-$n/president-en.pdf" | awk '/^Pages:/ {print $2}')
  [ "$pages" -eq $((2 * n)) ] || { echo "merge.sh: expected $((2 * n)) pages, got $pages" >&2; exit 1; }
  printf '%-8s %9s %12s %12s %12s\n' "$n" "$wall" "$rss" "$((size / 1024))" "$((size / n))"
done
