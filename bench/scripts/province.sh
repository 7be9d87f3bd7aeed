#!/usr/bin/env bash
# Province dataset: creates the bench database and runs `generate --regions N --projects-per-region M`.
#   bench/scripts/province.sh [REGIONS=100] [PROJECTS=4000]
# Skips the build when $BENCH_APP exists (set REBUILD=1 to force). Leaves the database in place.
set -euo pipefail
. "$(dirname "$0")/env.sh"
REGIONS="${1:-100}" PROJECTS="${2:-4000}"
[[ -f "$BENCH_APP/Jixiao.Web.dll" && -z "${REBUILD:-}" ]] || build_app
psql -d postgres -c "CREATE DATABASE $BENCH_DB"
echo "######## run $(date -u +%FT%TZ) db=$BENCH_DB regions=$REGIONS projects=$PROJECTS app=$BENCH_APP" | tee -a "$RESULTS/generate.txt"
load_note | tee -a "$RESULTS/generate.txt"
# each step's start (a timestamped line) and the monitoring and self-evaluation steps' totals
timed "${JX_PG[@]}" generate --regions "$REGIONS" --projects-per-region "$PROJECTS" --year "$BENCH_YEAR" 2>&1 \
  | while IFS= read -r line; do
      case "$line" in *Generating*|*" regions in "*|*"已生成"*|wall*) echo "$(date -u +%T) $line" ;; esac
    done | tee -a "$RESULTS/generate.txt"
load_note | tee -a "$RESULTS/generate.txt"
psql -d "$BENCH_DB" -c 'VACUUM ANALYZE' >/dev/null
psql -d "$BENCH_DB" -c 'select (select count(*) from "Regions") regions, (select count(*) from "OrgUnits") orgs,
  (select count(*) from "Users") users, (select count(*) from "Projects") projects,
  (select count(*) from "LedgerMovements") movements, (select count(*) from "Payments") payments,
  (select count(*) from "SelfEvaluations") self_evaluations, (select count(*) from "SelfEvaluationRows") self_evaluation_rows,
  (select count(*) from "AuditEntries") audit' | tee -a "$RESULTS/generate.txt"
