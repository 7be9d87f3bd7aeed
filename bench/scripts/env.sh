# Shared settings for the issue-3 benchmarks. Source it: . bench/scripts/env.sh
# Override any of these in the environment before sourcing.
: "${PGHOST:=127.0.0.1}" "${PGPORT:=55999}" "${PGUSER:=postgres}" "${BENCH_DB:=jixiao_bench}"
: "${BENCH_YEAR:=2026}"                       # generate's default year is the current year
: "${BENCH_PORT:=5090}"
: "${BENCH_TMP:=/tmp/jx-bench}"               # CSV files, outputs, token
: "${BENCH_APP:=/tmp/jx-app}"                 # snapshot of the Release build (so a rebuild by someone else can't change it mid-run)
: "${BENCH_SQLITE:=/tmp/bench.db}"
export PGHOST PGPORT PGUSER BENCH_DB BENCH_YEAR BENCH_PORT BENCH_TMP BENCH_APP BENCH_SQLITE
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RESULTS="$REPO/bench/results"
PG_CONNINFO="host=$PGHOST port=$PGPORT user=$PGUSER dbname=$BENCH_DB"
PG_EF="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=postgres;Database=$BENCH_DB"
mkdir -p "$BENCH_TMP" "$RESULTS"

# Release build copied to $BENCH_APP. Run from there so appsettings.json is the content root's.
build_app() {
  (cd "$REPO" && dotnet build src/Jixiao.Web -c Release -v q -nologo) || return 1
  rm -rf "$BENCH_APP" && cp -r "$REPO/src/Jixiao.Web/bin/Release/net10.0" "$BENCH_APP"
  (cd "$REPO" && echo "commit $(git rev-parse HEAD)" && git status --short src) > "$RESULTS/build-state.txt"
}

# "${JX_PG[@]}" VERB ARGS… / "${JX_SQLITE[@]}" VERB ARGS… : the app's CLI against the bench databases
# (arrays, not functions, so that /usr/bin/time can run them; env -C makes $BENCH_APP the content root)
JX_PG=(env -C "$BENCH_APP" Database__Provider=Postgres "ConnectionStrings__Jixiao=$PG_EF" dotnet Jixiao.Web.dll)
JX_SQLITE=(env -C "$BENCH_APP" Database__Provider=Sqlite "ConnectionStrings__Jixiao=Data Source=$BENCH_SQLITE" dotnet Jixiao.Web.dll)

# timed CMD… : GNU time, wall time and max RSS on one line (also: /usr/bin/time -v for everything)
timed() { /usr/bin/time -f 'wall %e s  maxrss %M KiB  user %U s  sys %S s  cpu %P' "$@"; }

load_note() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores) at $(date -u +%FT%TZ)"; }
