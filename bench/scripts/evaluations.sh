#!/usr/bin/env bash
# Issue 6 benchmark: reference scoring of every self-evaluation of the province dataset, through the app's API as
# each region's performance division, region by region (PARALLEL at a time):
#   refigure  POST /api/evaluations/refigure {year}: every form not yet approved is read with its rows and findings,
#             gets the ledger's year-end A and B and is scored again (rows, execution, total, grade, findings);
#             only changed forms are written (none when nothing changed).
#   weights   PUT /api/evaluations/weights?year= with other 分值 (执行率 15, 产出 45): the same, and every form changes
#             and is written. Then the national defaults again (a second, timed pass).
#   every     the same two passes with every form in scope: forms approved by finance (frozen by design, so left out of
#             a refigure) are set back to 待财政审核 by SQL for the run and restored after it.
#     bench/scripts/evaluations.sh [PARALLEL=1]
#     PASSES=refigure bench/scripts/evaluations.sh [PARALLEL]   — only the two refigure passes of each set (the weight
#                                                                 passes write and audit every form: minutes each)
# The database (BENCH_DB, default jixiao_bench_e) is made by `BENCH_DB=jixiao_bench_e bench/scripts/province.sh`
# (`generate` now adds the closed previous year with its self-evaluations). Results are appended to
# bench/results/evaluations-province.txt. The app is started with SignIn__PerAddressPerMinute=1000: the script signs in the
# 100 regions' divisions from one address within a minute, above the sign-in throttle's default of 60 (issue 12). The app is a snapshot in BENCH_APP (default /tmp/jx-app-evaluations).
set -euo pipefail
: "${BENCH_DB:=jixiao_bench_e}" "${BENCH_APP:=/tmp/jx-app-evaluations}" "${BENCH_PORT:=5083}"
export BENCH_DB BENCH_APP BENCH_PORT
. "$(dirname "$0")/env.sh"
[[ -f "$BENCH_APP/Jixiao.Web.dll" && -z "${REBUILD:-}" ]] || build_app
PARALLEL="${1:-1}"
YEAR=$((BENCH_YEAR - 1))
URL="http://127.0.0.1:$BENCH_PORT"
OUT="${OUT:-$RESULTS/evaluations-province.txt}"

env -C "$BENCH_APP" Database__Provider=Postgres "ConnectionStrings__Jixiao=$PG_EF" "Urls=$URL" Demo__PrintAccounts=false \
  SignIn__PerAddressPerMinute=1000 \
  ASPNETCORE_WEBROOT="$REPO/src/Jixiao.Web/wwwroot" dotnet Jixiao.Web.dll > "$BENCH_TMP/server-evaluations.log" 2>&1 &
SERVER=$!
restore() {
  psql -d "$BENCH_DB" -qc "UPDATE \"SelfEvaluations\" SET \"State\" = 'Approved' WHERE \"Id\" IN (SELECT \"Id\" FROM bench_frozen)" \
    -c "DROP TABLE IF EXISTS bench_frozen" >/dev/null 2>&1 || true
}
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; restore' EXIT
for _ in $(seq 1800); do curl -sf "$URL/health" >/dev/null && break; sleep 1; done
psql -d "$BENCH_DB" -Atc "SELECT \"Code\" FROM \"Regions\" WHERE \"Code\" LIKE '99%' AND \"Code\" NOT LIKE '%00' ORDER BY 1" > "$BENCH_TMP/regions.txt"
counts() { psql -d "$BENCH_DB" -Atc "SELECT count(*) || ' forms (' || count(*) FILTER (WHERE \"State\" <> 'Approved') || ' not approved), '
  || (SELECT count(*) FROM \"SelfEvaluationRows\" r JOIN \"SelfEvaluations\" e ON e.\"Id\" = r.\"EvaluationId\" WHERE e.\"FiscalYear\" = $YEAR) || ' indicator rows'
  FROM \"SelfEvaluations\" WHERE \"FiscalYear\" = $YEAR"; }
echo "######## run $(date -u +%FT%TZ) db=$BENCH_DB year=$YEAR regions=$(wc -l < "$BENCH_TMP/regions.txt") parallel=$PARALLEL app=$BENCH_APP" | tee -a "$OUT"

pass() {   # pass NAME: the four timed passes over every region
  python3 - "$URL" "$BENCH_TMP/regions.txt" "$PARALLEL" "$YEAR" "$SERVER" "$1" "${PASSES:-all}" <<'PY'
import json, os, sys, time, urllib.request
from concurrent.futures import ThreadPoolExecutor
url, regions_file, parallel, year, server, name, which = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7]

def call(method, path, body, token=None):
    request = urllib.request.Request(url + path, data=json.dumps(body).encode(), method=method, headers={"Content-Type": "application/json"})
    if token: request.add_header("Authorization", "Bearer " + token)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=900) as response:
            status, answer = response.status, json.load(response)
    except urllib.error.HTTPError as e:
        status, answer = e.code, e.read().decode()
    return status, time.perf_counter() - started, answer

def cpu():   # the app's user + system CPU seconds
    fields = open(f"/proc/{server}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

codes = open(regions_file).read().split()
tokens = {c: call("POST", "/api/auth/tokens", {"userName": f"perf.{c}", "password": "Jixiao@2026", "name": "bench"})[2]["token"] for c in codes}
passes = [
    ("refigure, nothing changed", "POST", "/api/evaluations/refigure", {"year": year}),
    ("weights 15/45/30/10, every form rescored and written", "PUT", f"/api/evaluations/weights?year={year}", {"execution": 15, "output": 45}),
    ("weights back to 10/50/30/10", "PUT", f"/api/evaluations/weights?year={year}", {}),
    ("refigure, nothing changed", "POST", "/api/evaluations/refigure", {"year": year}),
]
if which == "refigure": passes = [p for p in passes if p[0].startswith("refigure")][:1]
for title, method, path, body in passes:
    def region(code):
        status, seconds, answer = call(method, path, body, tokens[code])
        r = answer.get("refigured", answer) if isinstance(answer, dict) else {}
        return code, status, seconds, r.get("forms", 0), r.get("changed", 0), r.get("approved", 0), answer if status != 200 else ""
    cpu_before, started = cpu(), time.perf_counter()
    with ThreadPoolExecutor(parallel) as pool:
        results = list(pool.map(region, codes))
    wall, app_cpu = time.perf_counter() - started, cpu() - cpu_before
    failures = [r for r in results if r[1] != 200]
    for f in failures[:5]: print("  failed", f)
    times = sorted(r[2] for r in results)
    print(f"[{name}] {title}: {len(results)} regions, {sum(r[3] for r in results)} forms scored, {sum(r[4] for r in results)} changed, "
          f"{sum(r[5] for r in results)} approved left alone, failures {len(failures)}; wall {wall:.1f} s "
          f"(per region median {times[len(times) // 2]:.2f} s, max {times[-1]:.2f} s); app CPU {app_cpu:.1f} s", flush=True)
PY
}

{ load_note; echo "dataset: $(counts)"; } | tee -a "$OUT"
pass api | tee -a "$OUT"
psql -d "$BENCH_DB" -qc "DROP TABLE IF EXISTS bench_frozen" \
  -c "CREATE TABLE bench_frozen AS SELECT \"Id\" FROM \"SelfEvaluations\" WHERE \"FiscalYear\" = $YEAR AND \"State\" = 'Approved'" \
  -c "UPDATE \"SelfEvaluations\" SET \"State\" = 'Submitted' WHERE \"Id\" IN (SELECT \"Id\" FROM bench_frozen)" >/dev/null
{ load_note; echo "approved forms reopened for the run: $(counts)"; } | tee -a "$OUT"
pass every | tee -a "$OUT"
restore
load_note | tee -a "$OUT"
