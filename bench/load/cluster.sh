#!/usr/bin/env bash
# Load figures of a site on PostgreSQL (BENCHMARKS.md, "More than one
# node"), in one run beside SQLite: the article page with 50 approved
# comments (GET) and comment posting (POST, each answered after its
# durable commit), with wrk on loopback, for
#   sqlite      one node on SQLite
#   pg-1        one node on PostgreSQL
#   pg-1-nginx  one node on PostgreSQL behind nginx
#   pg-2-nginx  two nodes on one PostgreSQL behind nginx
# PostgreSQL (fsync on, synchronous_commit on) runs in a temporary
# directory (tests/integration/postgres_cluster.py); each configuration
# gets a fresh database. Afterwards, for the PostgreSQL runs, the comments
# written per WAL flush (pg_stat_wal) say how well commits were shared.
#   bench/load/cluster.sh [build/newsroom] [seconds] [connections]
set -euo pipefail
BIN=$(realpath "${1:-build/newsroom}")
SECONDS_EACH=${2:-10}
CONNECTIONS=${3:-50}
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
TMP=$(mktemp -d /tmp/newsroom-bench-XXXXXX)
cleanup() {
  # Nodes and nginx started here, by their ids (in $TMP/pids).
  [ -f "$TMP/pids" ] && while read -r p; do kill "$p" 2>/dev/null || true; done <"$TMP/pids"
  python3 "$REPO/tests/integration/postgres_cluster.py" stop --url-file "$TMP/pg.url" || true
  if [ -n "${KEEP:-}" ]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT

python3 "$REPO/tests/integration/postgres_cluster.py" start --fsync on \
  --url-file "$TMP/pg.url" >/dev/null
ADMIN=$(head -1 "$TMP/pg.url")
PSQL=(/usr/lib/postgresql/15/bin/psql -X -q -A -t)
# The server's own settings beside the defaults initdb wrote.
"${PSQL[@]}" -d "$ADMIN" -c "SHOW fsync" | sed 's/^/== postgresql fsync: /'
"${PSQL[@]}" -d "$ADMIN" -c "SHOW synchronous_commit" | sed 's/^/== postgresql synchronous_commit: /'

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_node() {  # db-url port -> pid
  "$BIN" serve --listen "127.0.0.1:$2" --db "$1" --rate-limit 0 \
    --access-log off >"$TMP/node-$2.out" 2>"$TMP/node-$2.err" &
  local pid=$!
  for _ in $(seq 300); do grep -q listening "$TMP/node-$2.out" && break; sleep 0.1; done
  grep -q listening "$TMP/node-$2.out" || { cat "$TMP/node-$2.err"; exit 1; }
  echo "$pid" >>"$TMP/pids"
  echo "$pid"
}

start_nginx() {  # port node-ports…
  local port=$1; shift
  local dir="$TMP/nginx-$port"
  mkdir -p "$dir"
  {
    [ "$(id -u)" = 0 ] && echo "user root root;"
    echo "worker_processes 1; daemon off; pid $dir/nginx.pid; error_log $dir/error.log warn;"
    echo "events { worker_connections 4096; }"
    echo "http { access_log off; client_body_temp_path $dir/body; proxy_temp_path $dir/proxy;"
    echo "  fastcgi_temp_path $dir/f; uwsgi_temp_path $dir/u; scgi_temp_path $dir/s;"
    echo "  upstream newsroom {"
    for p in "$@"; do echo "    server 127.0.0.1:$p max_fails=2 fail_timeout=5s;"; done
    echo "    keepalive 64; }"
    echo "  server { listen 127.0.0.1:$port; location / { include $REPO/deploy/nginx/newsroom-proxy.conf; } } }"
  } >"$dir/nginx.conf"
  nginx -p "$dir" -c "$dir/nginx.conf" &
  echo "$!" >>"$TMP/pids"
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
}

comments_on() { curl -s "$1/api/v1/articles/$2/comments" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["comments"]))'; }

measure() {  # name base-url [pg-db]
  local name=$1 base=$2 db=${3:-}
  local slug
  slug=$(curl -s "$base/api/v1/articles" | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"][0]["slug"])')
  local have
  have=$(comments_on "$base" "$slug")
  for _ in $(seq $((50 - have))); do
    curl -s -o /dev/null -H 'Content-Type: application/json' \
      -d '{"author": "Okur", "text": "Vapur hattının açılması çok güzel olmuş, emeği geçenlere teşekkürler."}' \
      "$base/api/v1/articles/$slug/comments"
  done
  echo "== $name: GET /news/$slug (50 approved comments)"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$base/news/$slug" |
    grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors"
  local before=0
  if [ -n "$db" ]; then
    before=$("${PSQL[@]}" -d "$ADMIN" -c "SELECT wal_sync FROM pg_stat_wal")
  fi
  local stored_before
  stored_before=$(comments_on "$base" "$slug")
  echo "== $name: POST /api/v1/articles/$slug/comments (durable)"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s "$HERE/post_comment.lua" \
    "$base/api/v1/articles/$slug/comments" |
    grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors|requests in"
  local stored
  stored=$(comments_on "$base" "$slug")
  echo "== $name: comments stored by the POST run: $((stored - stored_before))"
  if [ -n "$db" ]; then
    local after
    after=$("${PSQL[@]}" -d "$ADMIN" -c "SELECT wal_sync FROM pg_stat_wal")
    echo "== $name: WAL flushes (fsync) during the POST run: $((after - before)), comments per flush: $(python3 -c "print(round($((stored - stored_before)) / max(1, $((after - before))), 1))")"
  fi
}

echo "== $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# SQLite, one node.
P=$(free_port)
N=$(start_node "sqlite:$TMP/sqlite.db" "$P")
measure sqlite "http://127.0.0.1:$P"
kill "$N"; wait "$N" 2>/dev/null || true

# PostgreSQL, one node, direct.
"${PSQL[@]}" -d "$ADMIN" -c "CREATE DATABASE pg1"
URL=${ADMIN/\/postgres\?//pg1?}
P=$(free_port)
N=$(start_node "$URL" "$P")
measure pg-1 "http://127.0.0.1:$P" pg1
kill "$N"; wait "$N" 2>/dev/null || true

# PostgreSQL, one node, behind nginx.
"${PSQL[@]}" -d "$ADMIN" -c "CREATE DATABASE pg1n"
URL=${ADMIN/\/postgres\?//pg1n?}
P=$(free_port); G=$(free_port)
N=$(start_node "$URL" "$P")
start_nginx "$G" "$P"
measure pg-1-nginx "http://127.0.0.1:$G" pg1n
kill "$N"; wait "$N" 2>/dev/null || true

# PostgreSQL, two nodes, behind nginx.
"${PSQL[@]}" -d "$ADMIN" -c "CREATE DATABASE pg2n"
URL=${ADMIN/\/postgres\?//pg2n?}
P=$(free_port); Q=$(free_port); G=$(free_port)
N=$(start_node "$URL" "$P")
M=$(start_node "$URL" "$Q")
start_nginx "$G" "$P" "$Q"
measure pg-2-nginx "http://127.0.0.1:$G" pg2n
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
