#!/usr/bin/env bash
# Issue 15 item 1: captures the statements of two list requests (perf, edu) with EF command logging, to compare the
# scope filters before and after they lost the "@ScopeIsSystem OR" flag. Database: the demo county seeded into jx_plans
# (Database__Provider=Postgres ... dotnet Jixiao.Web.dll seed) on 127.0.0.1:56100.
# /tmp/plans.sh APPDIR OUTLOG : runs the app build in APPDIR against jx_plans with EF command logging, makes a few requests as perf and edu
set -u
APP=$1; OUT=$2; PORT=5191
env -C "$APP" Database__Provider=Postgres "ConnectionStrings__Jixiao=Host=127.0.0.1;Port=56100;Username=postgres;Password=postgres;Database=jx_plans" \
  Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information Logging__Console__FormatterName=simple \
  dotnet Jixiao.Web.dll --urls http://127.0.0.1:$PORT > "$OUT.raw" 2>&1 &
PID=$!
for i in $(seq 60); do curl -sf http://127.0.0.1:$PORT/health >/dev/null && break; sleep 1; done
for u in perf edu; do
  T=$(curl -sf -X POST http://127.0.0.1:$PORT/api/auth/tokens -H 'Content-Type: application/json' -d "{\"userName\":\"$u\",\"password\":\"Jixiao@2026\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  echo "=== MARK $u projects" >> "$OUT.raw"
  curl -sf -H "Authorization: Bearer $T" "http://127.0.0.1:$PORT/api/projects?year=2026&page=3" -o /dev/null -w "%{http_code}\n"
  echo "=== MARK $u targets" >> "$OUT.raw"
  curl -sf -H "Authorization: Bearer $T" "http://127.0.0.1:$PORT/api/targets/inbox?year=2026" -o /dev/null -w "%{http_code}\n"
  echo "=== MARK $u end" >> "$OUT.raw"
done
kill $PID; wait $PID 2>/dev/null
echo done
