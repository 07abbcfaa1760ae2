#!/bin/sh
# Times `appeal import` from a cold process on each test UA (tests/data/import: text, HTML;
# a long UA made by repeating the real one's background 40 times, about 20 pages of text):
# RUNS times each (default 20), minimum and median wall time in ms, and the peak RSS.
# The PDF and DOCX of tests/data/import/ua-ru.fodt are timed when LibreOffice is installed.
# Usage: bench/import.sh [RUNS]
set -eu
bench=import.sh
. "$(dirname "$0")/timing.sh"
runs=${1:-20}
docs="tests/data/import/ua-31-22.txt tests/data/import/ua-template-mx.txt tests/data/import/ua-eg.html tests/data/import/ua-ve-es.txt"
python3 - "$work/long.txt" <<'PY'
import sys
text = open("tests/data/import/ua-31-22.txt", encoding="utf-8").read()
head, sep, rest = text.partition("Additional information")
background, sep2, tail = rest.partition("PREFERRED LANGUAGE")
open(sys.argv[1], "w", encoding="utf-8").write(head + sep + background * 40 + sep2 + tail)
PY
docs="$docs $work/long.txt"
if command -v soffice >/dev/null; then
  for f in pdf docx; do
    soffice -env:UserInstallation=file://"$work"/lo --headless --convert-to $f --outdir "$work" tests/data/import/ua-ru.fodt >/dev/null 2>&1
  done
  docs="$docs $work/ua-ru.pdf $work/ua-ru.docx"
fi
python3 - "$APPEAL" "$runs" "$work" $docs <<'PY'
import os, resource, subprocess, sys, time
appeal, runs, work, docs = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
for doc in docs:
    cmd = [appeal, "import", doc, "-o", work + "/case.json", "--date", "2025-01-01", "-q"]
    subprocess.run(cmd, check=True)
    times = []
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{os.path.basename(doc):22} {os.path.getsize(doc):8} B  min {times[0]:6.1f} ms  median {times[len(times) // 2]:6.1f} ms  peak RSS so far {rss:.1f} MB")
PY
