#!/bin/sh
# Builds the libFuzzer targets of tests/fuzz (clang, AddressSanitizer, UndefinedBehavior-
# Sanitizer) in build-fuzz/ and runs each for SECONDS (default 20) from its seed corpus in
# tests/fuzz/corpus/<target>/ (copied: the repository's corpus does not grow). Prints each
# target's executions and coverage; on a crash, prints the report, keeps the input in
# fuzz-artifacts/ and exits 1.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET ...]
set -eu
cd "$(dirname "$0")/.."
secs=${1:-20}
[ $# -gt 0 ] && shift
targets=${*:-"case_reader senders layout images text pdf_strings import"}
command -v clang++ >/dev/null || { echo "fuzz.sh: needs clang (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DAPPEAL_FUZZ=ON -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
set --
for t in $targets; do set -- "$@" --target "fuzz_$t"; done
cmake --build build-fuzz -j2 "$@" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# libhyphen's own bounded leak (tests/lsan.supp); every other leak fails the run.
export LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp"
status=0
printf '%-14s %12s %8s %8s\n' target executions cov ft
for t in $targets; do
  mkdir -p "$work/$t"
  cp tests/fuzz/corpus/"$t"/* "$work/$t/" 2>/dev/null || true
  if ! build-fuzz/tests/fuzz/fuzz_"$t" -max_total_time="$secs" -timeout=20 -rss_limit_mb=4096 -malloc_limit_mb=1024 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$work/$t-" "$work/$t" >"$work/$t.log" 2>&1; then
    status=1
    echo "fuzz_$t: FAILED" >&2
    grep -A40 -m1 "ERROR\|runtime error\|deadly signal\|Timeout\|out-of-memory" "$work/$t.log" >&2 || tail -40 "$work/$t.log" >&2
    mkdir -p fuzz-artifacts
    cp "$work/$t"-* fuzz-artifacts/ 2>/dev/null || true
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$work/$t.log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$work/$t.log" | tail -1 | cut -d' ' -f2)
  printf '%-14s %12s %8s %8s\n' "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}"
done
exit $status
