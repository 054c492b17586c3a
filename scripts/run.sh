#!/usr/bin/env bash
# Sets everything up, builds, and runs Newsroom's main job: moderating the
# demo comments in data/demo/comments.txt and printing the verdicts.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh newsroom
exec build/newsroom moderate --explain --policy config/policy.toml data/demo/comments.txt
