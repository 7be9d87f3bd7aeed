#!/usr/bin/env bash
# Issue 4 benchmarks on the province dataset in PostgreSQL (a region generated with targets at the final-review peak):
#   (a) the performance division's target inbox at 16 connections (target p95 < 150 ms), JSON API and page;
#   (b) saving a 30-indicator target form (PUT, one connection).
#   bench/scripts/targets.sh REGION [DURATION=30s]      e.g. bench/scripts/targets.sh 990202
#   SAVE=no bench/scripts/targets.sh REGION            — (a) only; OUT=FILE appends to another results file
set -euo pipefail
. "$(dirname "$0")/env.sh"
REGION="${1:?region code of a generated region with targets}" DURATION="${2:-30s}"
[[ -f "$BENCH_APP/Jixiao.Web.dll" ]] || build_app
URL="http://127.0.0.1:$BENCH_PORT"
env -C "$BENCH_APP" Database__Provider=Postgres "ConnectionStrings__Jixiao=$PG_EF" "Urls=$URL" \
  ASPNETCORE_WEBROOT="$REPO/src/Jixiao.Web/wwwroot" dotnet Jixiao.Web.dll > "$BENCH_TMP/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "$URL/health" >/dev/null && break; sleep 1; done
token() { curl -sf -X POST "$URL/api/auth/tokens" -H 'Content-Type: application/json' \
  -d "{\"userName\":\"$1\",\"password\":\"Jixiao@2026\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'; }
PERF=$(token "perf.$REGION"); UNIT=$(token "yizhong.$REGION")
PENDING=$(curl -sf -H "Authorization: Bearer $PERF" "$URL/api/targets/inbox?year=$BENCH_YEAR&box=Todo&pageSize=10" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
PAGES=$(( (PENDING + 49) / 50 ))
OUT="${OUT:-$RESULTS/targets-wrk.txt}"   # appended: one block per run
echo "######## run $(date -u +%FT%TZ) region=$REGION pending=$PENDING app=$BENCH_APP" >> "$OUT"
export YEAR="$BENCH_YEAR" PAGES TOKEN="$PERF"
for mode in api page; do
  export MODE=$mode
  wrk -t2 -c16 -d"${WARMUP:-60s}" --timeout 60s -s "$REPO/bench/scripts/targets-inbox.lua" "$URL" > /dev/null   # warm-up (JIT tiering)
  { echo "== inbox MODE=$mode user=perf.$REGION pending=$PENDING connections=16"; load_note
    wrk -t2 -c16 -d"$DURATION" --timeout 60s --latency -s "$REPO/bench/scripts/targets-inbox.lua" "$URL"; load_note; } | tee -a "$OUT"
done

[[ "${SAVE:-yes}" == no ]] && exit 0   # SAVE=no: the inbox only (leaves the database as it was: no draft is started)
# (b) a draft with 30 indicators: start one of the unit's unwritten projects, then save the form repeatedly
PROJECT=$(curl -sf -H "Authorization: Bearer $UNIT" "$URL/api/targets/inbox?year=$BENCH_YEAR&box=NotStarted&pageSize=10" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["rows"][0]["projectId"])')
TARGET=$(curl -sf -X POST -H "Authorization: Bearer $UNIT" -H 'Content-Type: application/json' -d '{"from":"Blank"}' \
  "$URL/api/targets/projects/$PROJECT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["target"]["id"])')
python3 - "$BENCH_TMP/form30.json" <<'PY'
import json, sys
levels = [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"), ("产出指标", "成本指标"),
          ("效益指标", "社会效益指标"), ("效益指标", "经济效益指标"), ("满意度指标", "服务对象满意度指标")]
rows = []
for i in range(30):
    l1, l2 = levels[i % len(levels)]
    cost = l2 == "成本指标"
    rows.append({"level1": l1, "level2": l2, "name": f"压测指标{i + 1:02d}", "comparison": "LessOrEqual" if cost else "GreaterOrEqual",
                 "targetValue": f"≤{100 + i}万元" if cost else f"≥{90 + i % 10}%", "unit": "万元" if cost else "%", "basis": "Plan",
                 "scoringStandard": "按完成比例计分"})
json.dump({"overallGoal": "压测总体目标", "annualGoal": "压测年度目标", "indicators": rows}, open(sys.argv[1], "w"), ensure_ascii=False)
PY
export TOKEN="$UNIT" TARGET BODY="$BENCH_TMP/form30.json"
wrk -t1 -c1 -d10s --timeout 60s -s "$REPO/bench/scripts/targets-save.lua" "$URL" > /dev/null   # warm-up
{ echo "== save 30-indicator form target=$TARGET user=yizhong.$REGION connections=1"; load_note
  wrk -t1 -c1 -d"$DURATION" --timeout 60s --latency -s "$REPO/bench/scripts/targets-save.lua" "$URL"; load_note; } | tee -a "$OUT"
