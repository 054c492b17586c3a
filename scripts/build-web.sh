#!/usr/bin/env bash
# Builds the browser interface: web/*.ts → web/dist/newsroom-<hash>.js and
# embed.js, which the server serves at /assets/. npm ci runs only when the
# lock file is newer than the last install, Vite only when a source is
# newer than the last build. Called by scripts/build.sh and scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] ||
   [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
if [ ! -f web/dist/.built ] ||
   [ -n "$(find web package.json package-lock.json -path web/dist -prune -o \
           -newer web/dist/.built -type f -print -quit)" ]; then
  # The page script's name carries its content hash: drop the old ones, so
  # that the server finds the one it should serve.
  rm -f web/dist/newsroom-*.js web/dist/newsroom.js
  npm run build
  touch web/dist/.built
fi
