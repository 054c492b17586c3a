#!/usr/bin/env bash
# Installs every Debian package Newsroom builds, tests and runs with.
# Idempotent: when everything is present it only checks and returns.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev
  # libraries
  libicu-dev libabsl-dev libhunspell-dev libcld2-dev
  libtomlplusplus-dev nlohmann-json3-dev libcli11-dev libhyperscan-dev
  libboost-dev libsqlite3-dev libpq-dev libsodium-dev libvips-dev libxml2-dev python3
  libgoogle-perftools-dev libcsv-dev zlib1g-dev
  # dictionaries; WordNet's usage examples are the clean English the
  # English offensive-language model learns from (newsroom train offensive)
  hunspell-tr hunspell-en-us hunspell-en-gb wordnet-base
  # tests and benchmarks
  googletest libgtest-dev libgmock-dev libbenchmark-dev wrk sqlite3
  # the PostgreSQL server the tests start themselves (and a site with
  # several nodes runs on), and nginx, which balances the nodes (deploy/,
  # tests/integration/cluster_test.py)
  postgresql nginx
  # the browser interface (web/: TypeScript and Vite from npm) and its
  # tests (tests/browser/: headless Chromium)
  nodejs chromium
)
# Debian's npm, unless the nodejs package brings its own (NodeSource's does,
# and conflicts with Debian's npm package).
if ! command -v npm >/dev/null 2>&1; then
  packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
