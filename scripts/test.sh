#!/bin/sh
# The whole test suite: builds (tests included) and runs every test with CTest.
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build
cmake --build build -j2
ctest --test-dir build --output-on-failure -j2
