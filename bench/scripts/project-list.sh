#!/usr/bin/env bash
# (b) Project list p95 at 16 connections on the province dataset (target < 100 ms), through the app.
#   bench/scripts/project-list.sh [USER=perf.990150] [DURATION=30s]
#   JIT=off bench/scripts/project-list.sh   — same, with the app's connections set to jit=off
#                                              (Npgsql "Options=-c jit=off"), to show what JIT costs
# Starts the Release app on PostgreSQL at 127.0.0.1:$BENCH_PORT (migrates on start), gets a bearer
# token for a county performance-division user (~4,000 projects), warms up (WARMUP, default 60 s), then runs wrk against
# the JSON API (/api/projects) and the HTML page (/Projects). Stops the app at the end.
set -euo pipefail
. "$(dirname "$0")/env.sh"
USER_NAME="${1:-perf.990150}" DURATION="${2:-30s}"
[[ -f "$BENCH_APP/Jixiao.Web.dll" ]] || build_app
URL="http://127.0.0.1:$BENCH_PORT"
CONN="$PG_EF"; [[ "${JIT:-}" == off ]] && CONN="$PG_EF;Options=-c jit=off"
env -C "$BENCH_APP" Database__Provider=Postgres "ConnectionStrings__Jixiao=$CONN" "Urls=$URL" \
  ASPNETCORE_WEBROOT="$REPO/src/Jixiao.Web/wwwroot" dotnet Jixiao.Web.dll > "$BENCH_TMP/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "$URL/health" >/dev/null && break; sleep 1; done
TOKEN=$(curl -sf -X POST "$URL/api/auth/tokens" -H 'Content-Type: application/json' \
  -d "{\"userName\":\"$USER_NAME\",\"password\":\"Jixiao@2026\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
export TOKEN YEAR="$BENCH_YEAR"
# bearer tokens authenticate pages too; make sure we measure the page and not a redirect to the login
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$URL/Projects?Year=$BENCH_YEAR")
[[ "$code" == 200 ]] || { echo "GET /Projects with bearer answered $code" >&2; exit 1; }

OUT="${OUT:-$RESULTS/project-list-wrk.txt}"   # appended: one block per run
echo "######## run $(date -u +%FT%TZ) jit=${JIT:-server default} app=$BENCH_APP ($(grep -ao "[0-9a-f]\{40\}" "$BENCH_APP/Jixiao.Web.dll" | head -1 || true))" >> "$OUT"
for mode in api page; do
  export MODE=$mode
  # --timeout: wrk's default (2 s) drops slower requests from the latency statistics
  wrk -t2 -c16 -d"${WARMUP:-60s}" --timeout 60s -s "$REPO/bench/scripts/project-list.lua" "$URL" > /dev/null   # warm-up: JIT tiering settles in ~40 s
  { echo "== MODE=$mode user=$USER_NAME connections=16"; load_note
    wrk -t2 -c16 -d"$DURATION" --timeout 60s --latency -s "$REPO/bench/scripts/project-list.lua" "$URL"; load_note; } | tee -a "$OUT"
done
# one connection: the service time of a request without queueing (for reading the 16-connection figure)
export MODE=api
{ echo "== MODE=api user=$USER_NAME connections=1"; load_note
  wrk -t1 -c1 -d"$DURATION" --timeout 60s --latency -s "$REPO/bench/scripts/project-list.lua" "$URL"; load_note; } | tee -a "$OUT"
