#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of every statement of one list request (page 7: OFFSET 300) and of the
# slowest shape seen through wrk (sort=Rate, page 80: OFFSET 3950); once with the server's settings and
# once with jit = off for comparison.
#   bench/scripts/explain.sh                          — project-list.sql (correlated subqueries, 36972cb)
#   bench/scripts/explain.sh project-list-grouped.sql — grouped joins (1e59f59)
# Output: bench/results/<name>-explain.txt
set -euo pipefail
. "$(dirname "$0")/env.sh"
SQL="${1:-project-list.sql}"
OUT="$RESULTS/${SQL%.sql}-explain.txt"
python3 - "$REPO/bench/scripts/$SQL" > "$BENCH_TMP/explain.sql" <<'PY'
import sys, re
text = open(sys.argv[1]).read()
text = "\n".join(l for l in text.splitlines() if not l.startswith("--") and not l.startswith("\\"))
stmts = [s.strip() for s in text.split(";") if s.strip()]
labels = ["count", "total adjusted", "total executed", "page: sort=Adjusted desc, page 7 (OFFSET 300)"]
for label, stmt in zip(labels, stmts):
    print("\\echo ========== " + label)
    print("EXPLAIN (ANALYZE, BUFFERS) " + stmt.replace(":offset", "300") + ";")
page = stmts[3]
m = re.search(r'ORDER BY \((.*?)\) DESC, p\."Id"', page, re.S)
if m:   # correlated subqueries: rate = executed subquery * 10000 / adjusted subquery, as EF orders it
    adjusted = m.group(1)
    executed = re.search(r'\(\s*SELECT COALESCE\(sum\(p0\."Amount"\), 0\).*?\) AS "Executed"', page, re.S).group(0)[:-len(' AS "Executed"')]
    rate = f'CASE WHEN ({adjusted}) > 0 THEN {executed} * 10000 / ({adjusted}) ELSE -1 END'
    page = re.sub(r'ORDER BY \(.*?\) DESC, p\."Id"', lambda _: f'ORDER BY {rate}, p."Id"', page, flags=re.S)
else:   # grouped joins
    page = page.replace('ORDER BY COALESCE(l0."Adjusted", 0) DESC, p."Id"',
        'ORDER BY CASE WHEN COALESCE(l0."Adjusted", 0) > 0 THEN COALESCE(p1."Executed", 0) * 10000 / COALESCE(l0."Adjusted", 0) ELSE -1 END, p."Id"')
print("\\echo ========== page: sort=Rate, page 80 (OFFSET 3950)")
print("EXPLAIN (ANALYZE, BUFFERS) " + page.replace(":offset", "3950") + ";")
PY
{ load_note; echo "### $SQL — server defaults ($(psql -d "$BENCH_DB" -XAtc "select string_agg(name || '=' || setting, ' ') from pg_settings where name in ('jit','jit_above_cost','jit_inline_above_cost','jit_optimize_above_cost','work_mem','shared_buffers')"))"
  psql -d "$BENCH_DB" -X -f "$BENCH_TMP/explain.sql"
  echo; echo "### the same with SET jit = off (for comparison; not the server's setting)"
  PGOPTIONS="-c jit=off" psql -d "$BENCH_DB" -X -f "$BENCH_TMP/explain.sql"; } > "$OUT" 2>&1
grep -E '^###|^==|Execution Time|Timing: Generation' "$OUT"
