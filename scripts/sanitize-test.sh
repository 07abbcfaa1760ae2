#!/bin/sh
# The test suite under sanitizers. Default: AddressSanitizer + UndefinedBehaviorSanitizer
# (build in build-asan/). `scripts/sanitize-test.sh thread`: ThreadSanitizer (build-tsan/),
# for the merge's background renderer, the pattern preloading and --jobs.
set -eu
cd "$(dirname "$0")/.."
if [ "${1:-}" = thread ]; then
  cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS="-fsanitize=thread" \
        -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread"
  cmake --build build-tsan -j2
  TSAN_OPTIONS="halt_on_error=1 suppressions=$(pwd)/tests/tsan.supp" ctest --test-dir build-tsan --output-on-failure -j2
  exit 0
fi
flags="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="$flags" \
      -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined"
cmake --build build-asan -j2
LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp" ctest --test-dir build-asan --output-on-failure -j2
