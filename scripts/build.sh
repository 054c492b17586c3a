#!/usr/bin/env bash
# Configures and builds Newsroom into build/ (the CLI lands at
# build/newsroom) and the browser interface into web/dist/. Arguments are
# passed to ninja (targets).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

scripts/build-web.sh
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
ninja -C build "$@"
