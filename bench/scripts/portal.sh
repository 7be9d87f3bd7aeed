#!/usr/bin/env bash
# The portal's department page at 64 connections (issue 20 item 6), against a running app:
#   bench/scripts/portal.sh [BASE=http://127.0.0.1:5180] [REGION=140423] [YEAR=2026] [DEPARTMENT=105]
# Start the app with Portal__RequestsPerMinute set high (the per-client limit would otherwise answer 429 to wrk's one address).
set -euo pipefail
BASE="${1:-http://127.0.0.1:5180}" REGION="${2:-140423}" YEAR="${3:-2026}" DEPARTMENT="${4:-105}"
URL="$BASE/portal/$REGION/$YEAR?Department=$DEPARTMENT"
curl -sf -o /dev/null "$URL"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores) at $(date -u +%FT%TZ)"
wrk -t2 -c64 -d10s "$URL" > /dev/null   # warm-up
wrk -t2 -c64 -d20s --latency "$URL"
