#!/usr/bin/env bash
# Sets everything up, builds, and runs every test: the unit and integration
# tests (GoogleTest, through ctest) and a time-bounded libFuzzer run of the
# moderation engine (built with clang into build-fuzz/, run by ctest as the
# test fuzz_engine), and the browser tests (headless Chromium against the
# real server). Exits non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# The browser interface, which the browser tests drive.
scripts/build-web.sh

# The fuzzer needs clang's libFuzzer; the rest builds with g++.
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DNEWSROOM_FUZZ=ON -DNEWSROOM_TESTS=OFF >/dev/null
ninja -C build-fuzz engine_fuzzer

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DNEWSROOM_FUZZER="$PWD/build-fuzz/fuzz/engine_fuzzer" >/dev/null
ninja -C build
cd build
ctest --output-on-failure -j "$(nproc)"
