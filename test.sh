#!/usr/bin/env bash
# Builds the Jixiao solution and runs all test projects.
#
# - installs missing apt packages (PostgreSQL, Chromium, CJK fonts, poppler-utils)
# - starts a throw-away PostgreSQL on 127.0.0.1 (stopped and deleted on exit)
# - builds once (the build generates tests/Jixiao.Client.Tests' API client with Kiota from the repository's tool manifest),
#   runs each test project with a TRX logger, sums the TRX counters
# - the very last line of output is "N passed, N failed[, N skipped]"
#
# Under CI=true a failing PostgreSQL start is fatal and skipped tests count as failures.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
repo="$(pwd)"

is_ci=false
if [[ "${CI:-}" == "true" ]]; then
  is_ci=true
fi

# ---------------------------------------------------------------------------
# a. apt packages
# ---------------------------------------------------------------------------
apt_packages=(postgresql chromium fonts-noto-cjk fonts-wqy-zenhei poppler-utils libreoffice-calc-nogui libreoffice-writer-nogui)
missing=()
for pkg in "${apt_packages[@]}"; do
  if ! dpkg -s "$pkg" >/dev/null 2>&1; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]} > 0)); then
  echo "Installing missing apt packages: ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: dotnet SDK not found on PATH" >&2
  exit 1
fi

# ---------------------------------------------------------------------------
# b. throw-away PostgreSQL
# ---------------------------------------------------------------------------
pg_user=postgres
pg_bin=""
pg_dir=""
pg_started=false

cleanup() {
  trap - EXIT INT TERM HUP
  if [[ "$pg_started" == true ]]; then
    # No builtin `cd` here: after e.g. a broken stdout pipe bash builtins can fail spuriously.
    runuser -u "$pg_user" -- env -C / "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop \
      >/dev/null 2>&1 || true
    # Fallback: the postmaster we started is still running -> stop it by its pid.
    local pid="" i
    if [[ -f "$pg_dir/data/postmaster.pid" ]]; then
      pid="$(head -n 1 "$pg_dir/data/postmaster.pid" 2>/dev/null || true)"
    fi
    if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
      kill -QUIT "$pid" 2>/dev/null || true
      for i in 1 2 3 4 5 6 7 8 9 10; do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
      done
      if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
    fi
  fi
  if [[ -n "$pg_dir" && -d "$pg_dir" ]]; then
    rm -rf "$pg_dir" || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Runs a command as the unprivileged PostgreSQL user, from a directory it can read.
as_pg() {
  runuser -u "$pg_user" -- env -C "$pg_dir" "$@"
}

start_postgres() {
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  if [[ -z "$pg_bin" || ! -x "$pg_bin/initdb" || ! -x "$pg_bin/pg_ctl" ]]; then
    echo "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin" >&2
    return 1
  fi
  if ! id -u "$pg_user" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$pg_user" || return 1
  fi

  pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/jixiao-pg.XXXXXX")" || return 1
  chown "$pg_user:" "$pg_dir" || return 1
  chmod 700 "$pg_dir"
  : >"$pg_dir/pg.log"
  chown "$pg_user:" "$pg_dir/pg.log"

  if ! as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
      >>"$pg_dir/pg.log" 2>&1; then
    echo "initdb with --locale=C.UTF-8 failed, retrying with --locale=C" >>"$pg_dir/pg.log"
    rm -rf "$pg_dir/data"
    as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C \
      >>"$pg_dir/pg.log" 2>&1 || return 1
  fi

  PORT=55432
  while port_in_use "$PORT"; do
    PORT=$((PORT + 1))
    if ((PORT > 56432)); then
      echo "no free TCP port found in 55432..56432" >>"$pg_dir/pg.log"
      return 1
    fi
  done

  pg_started=true # from here on, cleanup must try to stop the server (even if start times out)
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    -l "$pg_dir/pg.log" -w start >/dev/null || return 1
}

postgres_ok=false
if start_postgres; then
  postgres_ok=true
  echo "PostgreSQL started on 127.0.0.1:$PORT ($pg_bin)"
else
  echo "PostgreSQL failed to start." >&2
  if [[ -n "$pg_dir" && -f "$pg_dir/pg.log" ]]; then
    echo "----- PostgreSQL log -----" >&2
    cat "$pg_dir/pg.log" >&2 || true
    echo "--------------------------" >&2
  fi
  if [[ "$is_ci" == true ]]; then
    echo "CI=true: PostgreSQL is required, aborting." >&2
    exit 1
  fi
  echo "Continuing without PostgreSQL (PostgreSQL tests will be skipped)." >&2
fi

# ---------------------------------------------------------------------------
# c. environment for the tests
# ---------------------------------------------------------------------------
if [[ "$postgres_ok" == true ]]; then
  export JIXIAO_TEST_POSTGRES="Host=127.0.0.1;Port=$PORT;Username=postgres;Password=postgres"
else
  unset JIXIAO_TEST_POSTGRES
fi
export JIXIAO_CHROMIUM=/usr/bin/chromium
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

# ---------------------------------------------------------------------------
# d. build once
# ---------------------------------------------------------------------------
results="$repo/TestResults"
rm -rf "$results"
mkdir -p "$results"

test_projects=(
  tests/Jixiao.Domain.Tests/Jixiao.Domain.Tests.csproj
  tests/Jixiao.Web.Tests/Jixiao.Web.Tests.csproj
  tests/Jixiao.Browser.Tests/Jixiao.Browser.Tests.csproj
  tests/Jixiao.Client.Tests/Jixiao.Client.Tests.csproj
)

build_ok=true
echo "Building Jixiao.slnx (Release)..."
if ! dotnet build Jixiao.slnx -c Release --nologo -v q; then
  build_ok=false
  echo "BUILD FAILED" >&2
fi

# ---------------------------------------------------------------------------
# e. run the test projects (all of them, even if one fails)
# ---------------------------------------------------------------------------
declare -A test_rc=()
if [[ "$build_ok" == true ]]; then
  for proj in "${test_projects[@]}"; do
    name="$(basename "$proj" .csproj)"
    echo
    echo "=== $name ==="
    rc=0
    dotnet test "$proj" -c Release --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" \
      --results-directory "$results" || rc=$?
    test_rc[$name]=$rc
  done
fi

# ---------------------------------------------------------------------------
# f. summarise the TRX files
# ---------------------------------------------------------------------------
# Prints the value of attribute $2 of the <Counters .../> element in TRX file $1 (0 if absent).
trx_counter() {
  local counters value
  counters="$(tr '\r\n\t' '   ' <"$1" | grep -o '<Counters[[:space:]][^>]*>' | head -1 || true)"
  value="$(printf '%s\n' "$counters" | sed -n "s/.*[[:space:]]$2=\"\([0-9][0-9]*\)\".*/\1/p" | head -1)"
  echo "${value:-0}"
}

total_passed=0
total_failed=0
total_skipped=0
all_results=true

echo
echo "=== Summary ==="
if [[ "$build_ok" != true ]]; then
  echo "build failed: no tests were run"
fi
for proj in "${test_projects[@]}"; do
  name="$(basename "$proj" .csproj)"
  trx="$results/$name.trx"
  if [[ "$build_ok" != true || ! -f "$trx" ]]; then
    all_results=false
    total_failed=$((total_failed + 1))
    echo "$name: no test results produced (counted as 1 failed)"
    continue
  fi
  p="$(trx_counter "$trx" passed)"
  f="$(trx_counter "$trx" failed)"
  s="$(trx_counter "$trx" notExecuted)"
  rc="${test_rc[$name]:-0}"
  note=""
  if ((rc != 0 && f == 0)); then
    # dotnet test reported a failure the TRX counters do not show (e.g. aborted test run).
    f=1
    note=" (dotnet test exited with code $rc)"
  fi
  total_passed=$((total_passed + p))
  total_failed=$((total_failed + f))
  total_skipped=$((total_skipped + s))
  echo "$name: $p passed, $f failed, $s skipped$note"
done

if [[ "$is_ci" == true && $total_skipped -gt 0 ]]; then
  echo "CI=true: $total_skipped skipped test(s) are counted as failures."
  total_failed=$((total_failed + total_skipped))
fi

status=0
if ((total_failed != 0)) || [[ "$all_results" != true ]]; then
  status=1
fi

if ((total_skipped > 0)); then
  echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
else
  echo "$total_passed passed, $total_failed failed"
fi
exit "$status"
