#!/usr/bin/env bash
# Two builds on one database, side by side: the project list API and the performance division's target inbox at
# 16 connections (wrk, 20 s after a 20 s warm-up). Build each (e.g. `git worktree add /tmp/old REV` and
# `dotnet build src/Jixiao.Web -c Release`), copy its bin/Release/net10.0, then run the older build first (the
# newer one migrates the database):
#   CMP_DB="Host=…;Database=bench_cmp" bench/scripts/compare-builds.sh /tmp/jx-old old
#   CMP_DB="Host=…;Database=bench_cmp" bench/scripts/compare-builds.sh /tmp/jx-new new
# The database comes from the older build's `generate --regions 1 --projects-per-region 3000`; the user is perf.990101.
set -euo pipefail
APP=$1 LABEL=$2
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
CS="${CMP_DB:?set CMP_DB to the Npgsql connection string of the database}"
URL="http://127.0.0.1:${CMP_PORT:-5091}"
env -C "$APP" Database__Provider=Postgres "ConnectionStrings__Jixiao=$CS" "Urls=$URL" ASPNETCORE_WEBROOT="$REPO/src/Jixiao.Web/wwwroot" \
  dotnet Jixiao.Web.dll > "/tmp/compare-$LABEL.log" 2>&1 &
S=$!
trap 'kill $S 2>/dev/null; wait $S 2>/dev/null || true' EXIT
for _ in $(seq 90); do curl -sf "$URL/health" >/dev/null && break; sleep 1; done
TOKEN=$(curl -sf -X POST "$URL/api/auth/tokens" -H 'Content-Type: application/json' -d '{"userName":"perf.990101","password":"Jixiao@2026"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
PENDING=$(curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/targets/inbox?year=2026&box=Todo&pageSize=10" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
export TOKEN YEAR=2026 MODE=api PAGES=$(( (PENDING + 49) / 50 ))
echo "== $LABEL pending=$PENDING $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
for s in project-list targets-inbox; do
  wrk -t2 -c16 -d20s --timeout 60s -s "$REPO/bench/scripts/$s.lua" "$URL" > /dev/null
  echo "-- $s"; wrk -t2 -c16 -d20s --timeout 60s --latency -s "$REPO/bench/scripts/$s.lua" "$URL" | grep -E "latency_ms|rps|errors|Requests/sec"
done
