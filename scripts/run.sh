#!/usr/bin/env bash
# Sets everything up, builds, and starts the news site on
# http://127.0.0.1:8080/ with its database in newsroom.db (a new database
# gets the demo article). Arguments go to `newsroom serve` (--listen,
# --db, --config, …). Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh newsroom
exec build/newsroom serve --config config/server.toml "$@"
