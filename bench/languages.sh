#!/bin/sh
# The same case in eleven languages (tests/data/multilingual/case.json): letter (DIN 5008,
# to the first target) and tri-fold leaflet per language, measured with typo-metrics.
# Prints a Markdown table: worst and p95 word space, hyphenated lines, longest run of
# hyphenated lines, ragged (not justified) paragraph lines, widows/orphans, time to render.
set -eu
cd "$(dirname "$0")/.."
[ -x build/appeal ] || { echo "languages: build/appeal missing; run scripts/setup.sh first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case_file=tests/data/multilingual/case.json
echo "| lang | doc | justified lines | worst | p95 | hyphenated | longest run | widows/orphans | time |"
echo "|---|---|---|---|---|---|---|---|---|"
for lang in en ru kk es fr de pl tr uk pt it; do
  for doc in letter leaflet; do
    start=$(date +%s%N)
    if [ "$doc" = letter ]; then
      build/appeal letters "$case_file" --lang "$lang" --target ambassador-de --date 2023-06-16 -q -o "$work/l" >/dev/null
      pdf="$work/l/ambassador-de-$lang.pdf"
    else
      build/appeal leaflet "$case_file" --lang "$lang" -o "$work/f" >/dev/null 2>&1
      pdf="$work/f/leaflet-a4-trifold-$lang.pdf"
    fi
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    tests/tools/typo-metrics --json "$pdf" | /usr/bin/python3 -c "
import json, sys
m = json.load(sys.stdin)
print(f\"| $lang | $doc | {m['justified_lines']} | {m['worst_ratio']:.2f} | {m['p95_ratio']:.2f} | {m['hyphenated_lines']} | {m['longest_hyphen_run']} | {m['widows']}/{m['orphans']} | $ms ms |\")"
  done
done
