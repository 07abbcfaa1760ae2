#!/bin/sh
# The whole test suite: builds (tests included) and runs every test with CTest, then a
# short run of every libFuzzer target (FUZZ_SECONDS each, default 20).
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build
cmake --build build -j2
ctest --test-dir build --output-on-failure -j2
# Every fuzz target for a short while (docs/errors.md, tests/fuzz): a crash fails the run.
scripts/fuzz.sh "${FUZZ_SECONDS:-20}"
