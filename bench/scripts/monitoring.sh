#!/usr/bin/env bash
# Issue 5 benchmarks: in-year monitoring on PostgreSQL, through the app's API as the performance division.
#   (a) county — a fresh database with the demo county (`seed`: ~3,000 projects, ~2,000 tasks in its July round,
#       85 % of the returns filled): refigure every light of the seeded round, then close it and open the July
#       round again, and refigure the new one (POST /api/monitoring/rounds, …/rounds/{id}/refigure). Target < 2 s each.
#         bench/scripts/monitoring.sh county [REPEAT=3]
#   (b) province — the generated province with targets (BENCH_DB, default jixiao_bench_t): open the July round of
#       every region and refigure it, region by region, each region as its own perf.<code>; PARALLEL regions at a
#       time. Target < 60 s for all. July rounds of BENCH_YEAR already in the database are deleted first.
#         bench/scripts/monitoring.sh province [PARALLEL=1]
#       jixiao_bench_t is generated at the peak of budget compilation: only 15 % of its targets are approved, so a
#       July round there covers ~580 projects a region. In the year nearly all are: `inyear-db` copies it to
#       jixiao_bench_inyear with the targets waiting for the final review approved (SQL, no review steps written),
#       ~3,450 tasks a region:
#         bench/scripts/monitoring.sh inyear-db && BENCH_DB=jixiao_bench_inyear bench/scripts/monitoring.sh province
# The clock must be past July of BENCH_YEAR (a round opens after its month). Results are appended to
# bench/results/monitoring-<mode>.txt. The app is a snapshot in BENCH_APP (default /tmp/jx-app-monitoring).
set -euo pipefail
MODE="${1:?county, province or inyear-db}"
case "$MODE" in
  county) : "${BENCH_DB:=jixiao_bench_county}" ;;
  province) : "${BENCH_DB:=jixiao_bench_t}" ;;
  inyear-db)
    psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-55999}" -U "${PGUSER:-postgres}" -d postgres \
      -c "DROP DATABASE IF EXISTS jixiao_bench_inyear" -c "CREATE DATABASE jixiao_bench_inyear TEMPLATE jixiao_bench_t"
    psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-55999}" -U "${PGUSER:-postgres}" -d jixiao_bench_inyear \
      -c "UPDATE \"PerformanceTargets\" SET \"State\" = 'Approved', \"ApprovedAtUtc\" = \"UpdatedAtUtc\" + interval '3 days',
            \"UpdatedAtUtc\" = \"UpdatedAtUtc\" + interval '3 days' WHERE \"State\" = 'DivisionApproved'" -c 'VACUUM ANALYZE'
    exit 0 ;;
  *) echo "mode: county, province or inyear-db" >&2; exit 2 ;;
esac
: "${BENCH_APP:=/tmp/jx-app-monitoring}" "${BENCH_PORT:=5082}"
export BENCH_DB BENCH_APP BENCH_PORT
. "$(dirname "$0")/env.sh"
[[ -f "$BENCH_APP/Jixiao.Web.dll" && -z "${REBUILD:-}" ]] || build_app
URL="http://127.0.0.1:$BENCH_PORT"
OUT="$RESULTS/monitoring-$MODE.txt"
DEADLINE=$(date -u -d '+8 hours +14 days' +%F)   # Beijing today + 14 days

if [[ "$MODE" == county ]]; then
  psql -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB" -c "CREATE DATABASE $BENCH_DB" >/dev/null
  echo "######## run $(date -u +%FT%TZ) county db=$BENCH_DB app=$BENCH_APP" | tee -a "$OUT"
  { echo "== seed (demo county with its July round)"; timed "${JX_PG[@]}" seed 2>&1 | grep -a "Seeded the demo county\|wall"; } | tee -a "$OUT"
  psql -d "$BENCH_DB" -c 'VACUUM ANALYZE' >/dev/null
fi

env -C "$BENCH_APP" Database__Provider=Postgres "ConnectionStrings__Jixiao=$PG_EF" "Urls=$URL" Demo__PrintAccounts=false \
  ASPNETCORE_WEBROOT="$REPO/src/Jixiao.Web/wwwroot" dotnet Jixiao.Web.dll > "$BENCH_TMP/server-monitoring.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
# the app migrates the database on start
for _ in $(seq 1800); do curl -sf "$URL/health" >/dev/null && break; sleep 1; done
token() { curl -sf -X POST "$URL/api/auth/tokens" -H 'Content-Type: application/json' \
  -d "{\"userName\":\"$1\",\"password\":\"Jixiao@2026\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'; }
# post TOKEN PATH BODY → "HTTP-status seconds" on stdout, the answer in $ANSWER; answer '["field"]' reads it
ANSWER="$BENCH_TMP/answer-$MODE.json"
post() { curl -s -o "$ANSWER" -w '%{http_code} %{time_total}' -X POST -H "Authorization: Bearer $1" \
  -H 'Content-Type: application/json' -d "$3" "$URL$2"; }
answer() { python3 -c "import json,sys; print(json.load(open('$ANSWER'))$1)"; }
open_body="{\"year\":$BENCH_YEAR,\"month\":7,\"deadline\":\"$DEADLINE\"}"

if [[ "$MODE" == county ]]; then
  PERF=$(token perf)
  ROUND=$(curl -sf -H "Authorization: Bearer $PERF" "$URL/api/monitoring/rounds?year=$BENCH_YEAR" \
    | python3 -c 'import json,sys; print([r["id"] for r in json.load(sys.stdin) if r["month"] == 7 and r["state"] == "Open"][0])')
  { load_note
    # the first calls after start include JIT compilation (tiered: two calls to settle); they are shown, marked
    for i in 1 2; do echo "refigure seeded round $ROUND (returns filled), warm-up call $i: $(post "$PERF" "/api/monitoring/rounds/$ROUND/refigure" '{}') s"; done
    for i in $(seq "${2:-3}"); do echo "refigure seeded round $ROUND (returns filled): $(post "$PERF" "/api/monitoring/rounds/$ROUND/refigure" '{}') s"; done
    for i in $(seq "${2:-3}"); do
      post "$PERF" "/api/monitoring/rounds/$ROUND/close" '{}' >/dev/null
      r=$(post "$PERF" /api/monitoring/rounds "$open_body")
      ROUND=$(answer '["roundId"]')
      echo "open July round $ROUND: $r s ($(answer '["projectTasks"]') project tasks, $(answer '["departmentTasks"]') department tasks)"
      echo "refigure new round $ROUND: $(post "$PERF" "/api/monitoring/rounds/$ROUND/refigure" '{}') s"
    done
    load_note; } | tee -a "$OUT"
  exit 0
fi

# province — driven by one Python process (no process start per request), tokens taken before the clock starts
psql -d "$BENCH_DB" -c "DELETE FROM \"MonitoringRounds\" WHERE \"FiscalYear\" = $BENCH_YEAR AND \"Month\" = 7" >/dev/null
psql -d "$BENCH_DB" -Atc "SELECT \"Code\" FROM \"Regions\" WHERE \"Code\" LIKE '99%' AND \"Code\" NOT LIKE '%00' ORDER BY 1" > "$BENCH_TMP/regions.txt"
echo "######## run $(date -u +%FT%TZ) province db=$BENCH_DB regions=$(wc -l < "$BENCH_TMP/regions.txt") parallel=${2:-1} app=$BENCH_APP" | tee -a "$OUT"
load_note | tee -a "$OUT"
python3 - "$URL" "$BENCH_TMP/regions.txt" "${2:-1}" "$open_body" "$SERVER" <<'PY' | tee -a "$OUT"
import json, os, sys, time, urllib.request
from concurrent.futures import ThreadPoolExecutor
url, regions_file, parallel, open_body, server = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]

def post(path, body, token=None):
    request = urllib.request.Request(url + path, data=body.encode(), method="POST", headers={"Content-Type": "application/json"})
    if token: request.add_header("Authorization", "Bearer " + token)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            status, answer = response.status, json.load(response)
    except urllib.error.HTTPError as e:
        status, answer = e.code, e.read().decode()
    return status, time.perf_counter() - started, answer

def cpu():   # the app's user + system CPU seconds
    fields = open(f"/proc/{server}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def region(code, token):
    s1, t1, opened = post("/api/monitoring/rounds", open_body, token)
    if s1 != 201: return f"{code} open failed {s1}: {opened}", 0, t1, 0.0, False
    s2, t2, _ = post(f"/api/monitoring/rounds/{opened['roundId']}/refigure", "{}", token)
    line = f"{code} round={opened['roundId']} tasks={opened['projectTasks']}+{opened['departmentTasks']} open={t1:.3f}s refigure={t2:.3f}s"
    return line, opened["projectTasks"] + opened["departmentTasks"], t1, t2, s2 == 200

codes = open(regions_file).read().split()
tokens = {c: post("/api/auth/tokens", json.dumps({"userName": f"perf.{c}", "password": "Jixiao@2026"}))[2]["token"] for c in codes}
cpu_before, started = cpu(), time.perf_counter()
with ThreadPoolExecutor(parallel) as pool:
    results = list(pool.map(lambda c: region(c, tokens[c]), codes))
wall, app_cpu = time.perf_counter() - started, cpu() - cpu_before
for line, *_ in results: print(line)
opens = sorted(r[2] for r in results); refigures = sorted(r[3] for r in results)
print(f"regions {len(results)}, tasks {sum(r[1] for r in results)}, failures {sum(not r[4] for r in results)}")
print(f"open: sum {sum(opens):.1f} s, per region median {opens[len(opens) // 2]:.2f} s, max {opens[-1]:.2f} s")
print(f"refigure: sum {sum(refigures):.1f} s, per region median {refigures[len(refigures) // 2]:.2f} s, max {refigures[-1]:.2f} s")
print(f"wall for every region (open + refigure), {parallel} at a time: {wall:.1f} s; app CPU {app_cpu:.1f} s")
PY
load_note | tee -a "$OUT"
