#!/usr/bin/env bash
# The import benchmark (BENCHMARKS.md): writes a Disqus export of N
# comments (make_disqus_export.py, seeded), then, pinned to one core, checks
# it (`--check`), imports it into a fresh SQLite database, and imports it
# again (every comment already there). For each run: wall time and peak
# resident memory (GNU time's maximum RSS), and the import's own report.
#   bench/import/run.sh [build/newsroom] [comments] [seed] [cpu]
set -euo pipefail
BIN=$(realpath "${1:-build/newsroom}")
N=${2:-100000}
SEED=${3:-1}
CPU=${4:-0}
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/newsroom-import-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

python3 "$HERE/make_disqus_export.py" --comments "$N" --seed "$SEED" \
  --out "$TMP/export.xml"
BYTES=$(stat -c %s "$TMP/export.xml")
echo "== export: $N comments, seed $SEED, $BYTES bytes ($((BYTES / 1048576)) MiB)"
echo "== machine: $(nproc) cores, pinned to cpu $CPU; other work may share it"

run() {
  local label=$1
  shift
  echo "== $label"
  taskset -c "$CPU" /usr/bin/time -f "TIME %e s wall, %U s user, %S s system, %M KiB peak RSS" \
    "$BIN" import disqus --db "sqlite:$TMP/newsroom.db" "$@" "$TMP/export.xml"
}
run "check only (--check)" --check
run "import into an empty database"
run "the same import again (nothing to add)"
echo "== database: $(stat -c %s "$TMP/newsroom.db") bytes"
