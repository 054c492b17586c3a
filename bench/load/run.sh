#!/usr/bin/env bash
# Load figures of the news site with wrk on loopback (BENCHMARKS.md):
# the article page with 50 approved comments (GET), comment posting (POST,
# each answered after its durable commit) and the Perspective API's
# comments:analyze as Coral calls it (POST with an API key made by
# `newsroom apikey add`; the per-key rate limit is off), and the JSON
# comment list other sites' embed.js reads (GET, `wrk -t1 -c32`, the
# setting it is compared with Remark42 at). Starts its own server on a
# fresh database in a temporary directory.
#   bench/load/run.sh [build/newsroom] [seconds] [page,embed,comment,analyze]
set -euo pipefail
BIN=$(realpath "${1:-build/newsroom}")
SECONDS_EACH=${2:-20}
WHICH=",${3:-page,embed,comment,analyze},"
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$TMP"' EXIT

cat >"$TMP/server.toml" <<'TOML'
[perspective]
requests_per_minute = 0
TOML
"$BIN" serve --listen 127.0.0.1:0 --db "sqlite:$TMP/newsroom.db" \
  --config "$TMP/server.toml" --rate-limit 0 --access-log off >"$TMP/out" 2>"$TMP/err" &
SERVER=$!
for _ in $(seq 100); do grep -q listening "$TMP/out" && break; sleep 0.1; done
PORT=$(sed -n 's/listening on 127.0.0.1://p' "$TMP/out")
BASE="http://127.0.0.1:$PORT"
SLUG=$(curl -s "$BASE/api/v1/articles" | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"][0]["slug"])')
echo "== server: $("$BIN" --help | head -1 | cut -c1-40)…; $(nproc) cores"

if [[ $WHICH == *,page,* || $WHICH == *,embed,* ]]; then
  # The demo article has a few comments; bring it to 50 approved ones.
  while [ "$(curl -s "$BASE/api/v1/articles/$SLUG/comments" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["comments"]))')" -lt 50 ]; do
    curl -s -o /dev/null -H 'Content-Type: application/json' \
      -d '{"author": "Okur", "text": "Vapur hattının açılması çok güzel olmuş, emeği geçenlere teşekkürler."}' \
      "$BASE/api/v1/articles/$SLUG/comments"
  done
fi
if [[ $WHICH == *,page,* ]]; then
  echo "== GET /news/$SLUG (50 approved comments)"
  wrk -t2 -c50 -d"${SECONDS_EACH}s" --latency "$BASE/news/$SLUG"
fi
if [[ $WHICH == *,embed,* ]]; then
  # The page at the same setting, for the comparison.
  echo "== GET /news/$SLUG (wrk -t1 -c32)"
  wrk -t1 -c32 -d"${SECONDS_EACH}s" --latency "$BASE/news/$SLUG"
  echo "== GET /api/v1/articles/$SLUG/comments (50 comments, the embed's read; wrk -t1 -c32)"
  wrk -t1 -c32 -d"${SECONDS_EACH}s" --latency "$BASE/api/v1/articles/$SLUG/comments"
fi
if [[ $WHICH == *,comment,* ]]; then
  echo "== POST /api/v1/articles/$SLUG/comments (durable)"
  wrk -t2 -c50 -d"${SECONDS_EACH}s" --latency -s "$HERE/post_comment.lua" \
    "$BASE/api/v1/articles/$SLUG/comments"
  echo "== comments stored: $(curl -s "$BASE/api/v1/articles/$SLUG/comments" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["comments"]))')"
fi
if [[ $WHICH == *,analyze,* ]]; then
  KEY=$("$BIN" apikey add --db "sqlite:$TMP/newsroom.db" load-test 2>/dev/null)
  echo "== POST /v1alpha1/comments:analyze?key=… (Coral's request, Turkish comments)"
  wrk -t2 -c50 -d"${SECONDS_EACH}s" --latency -s "$HERE/analyze.lua" \
    "$BASE/v1alpha1/comments:analyze?key=$KEY"
  curl -s "$BASE/metrics" | grep 'route="/v1alpha1/comments:analyze",method="POST"' | grep -v '_bucket' || true
fi
