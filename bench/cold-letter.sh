#!/bin/sh
# Times one letter from a cold process, the command a user types most:
#   appeal letters samples/ua-31-22/case.json --target president --lang ru
# RUNS times (default 30); prints the minimum and the median wall time in ms and the peak
# RSS. Start-up is most of it: fonts are opened on first use, hyphenation patterns load
# on a second thread while the case is read, fallback fonts are listed but not opened.
# Usage: bench/cold-letter.sh [RUNS]
set -eu
cd "$(dirname "$0")/.."
APPEAL=${APPEAL:-build/appeal}
[ -x "$APPEAL" ] || { echo "cold-letter.sh: $APPEAL missing; run scripts/setup.sh" >&2; exit 2; }
runs=${1:-30}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$APPEAL" "$runs" "$work" <<'PY'
import resource, subprocess, sys, time
appeal, runs, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
cmd = [appeal, "letters", "samples/ua-31-22/case.json", "--target", "president", "--lang", "ru",
       "--date", "2023-06-16", "-q", "-o", work + "/out"]
subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)  # the page cache warm, as on a user's machine
times = []
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    times.append((time.perf_counter() - t) * 1000)
times.sort()
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"cold letter: min {times[0]:.1f} ms, median {times[len(times) // 2]:.1f} ms over {runs} runs, peak RSS {rss:.1f} MB")
PY
