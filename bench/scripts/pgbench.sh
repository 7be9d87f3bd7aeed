#!/usr/bin/env bash
# (b) The project list as raw SQL: pgbench at 16 clients, 30 s, with a per-transaction log from which
# p50/p90/p95/p99 are computed. project-list.sql = all four statements of one list request (count,
# two totals, the page); project-list-page.sql = the page query alone. Each with jit on (the server's
# default) and off (PGOPTIONS), then the first script at one client.
#   bench/scripts/pgbench.sh [DURATION_SECONDS=30] [SCRIPT.sql …]
#   bench/scripts/pgbench.sh 30 project-list-grouped.sql   — the grouped-join version (1e59f59)
set -euo pipefail
. "$(dirname "$0")/env.sh"
T="${1:-30}"; shift || true
SCRIPTS=("${@:-project-list.sql}"); [[ $# -eq 0 ]] && SCRIPTS=(project-list.sql project-list-page.sql)
OUT="${OUT:-$RESULTS/project-list-pgbench.txt}"   # appended: one block per run
echo "######## run $(date -u +%FT%TZ)" >> "$OUT"
cd "$REPO/bench/scripts"
percentiles() {  # pgbench -l lines: client_id transaction_no latency_us script_no epoch epoch_us
  cat "$@" | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {
    n=NR; split("50 90 95 99", q, " ");
    printf "transactions=%d", n;
    for (i=1;i<=4;i++) { k=int(n*q[i]/100+0.999999); if (k<1) k=1; printf " p%s=%.1fms", q[i], a[k]/1000 }
    printf " max=%.1fms\n", a[n]/1000 }'
}
for script in "${SCRIPTS[@]}"; do
  for jit in on off; do
    rm -f "$BENCH_TMP"/pgbench_log.*
    { echo "== $script clients=16 jit=$jit"; load_note
      PGOPTIONS="-c jit=$jit" pgbench -n -M simple -c 16 -j 2 -T "$T" -f "$script" -l --log-prefix="$BENCH_TMP/pgbench_log" "$BENCH_DB" 2>&1 \
        | grep -E 'number of transactions actually processed|latency average|tps ='
      percentiles "$BENCH_TMP"/pgbench_log.*
      load_note; } | tee -a "$OUT"
  done
done
# one client: the raw cost of one list request's SQL without queueing
for jit in on off; do
  rm -f "$BENCH_TMP"/pgbench_log.*
  { echo "== ${SCRIPTS[0]} clients=1 jit=$jit"; load_note
    PGOPTIONS="-c jit=$jit" pgbench -n -M simple -c 1 -j 1 -T "$T" -f "${SCRIPTS[0]}" -l --log-prefix="$BENCH_TMP/pgbench_log" "$BENCH_DB" 2>&1 \
      | grep -E 'number of transactions actually processed|latency average|tps ='
    percentiles "$BENCH_TMP"/pgbench_log.*
    load_note; } | tee -a "$OUT"
done
