#!/usr/bin/env bash
# Benchmarks (issue 9), one command: bash bench/run.sh
#
# Builds the app in Release, generates databases of 10 thousand and 1 million jobs, and for each
# starts the real app as a process on loopback, signs in, runs every page scenario with wrk
# (warm-up, then BENCH_DURATION seconds at BENCH_CONNECTIONS connections), runs the background
# scenarios (Claims360 import, re-import, CAPS relay), reads the app's resident memory and stops it.
# Writes bench/results/<date>.md and the summary in docs/benchmarks.md. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

SIZES=${BENCH_SIZES:-"10000 1000000"}
DURATION=${BENCH_DURATION:-20}
WARMUP=${BENCH_WARMUP:-5}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
THREADS=${BENCH_THREADS:-2}
PORT=${BENCH_PORT:-5099}
WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/planmanager-bench}
FRESH_DATA=${BENCH_FRESH_DATA:-0}
RESULT_DATE=$(date -u +%Y-%m-%d-%H%M)
RESULT_FILE=${BENCH_RESULT_FILE:-$ROOT/bench/results/$RESULT_DATE.md}
BENCH_USER="bench@planmanager.local"
BENCH_PASSWORD="Bench-password-$RANDOM$RANDOM"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "== installing $2 (Debian)"
    sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "$2" >/dev/null
  fi
}
need wrk wrk
need sqlite3 sqlite3
need curl curl
need python3 python3

mkdir -p "$WORK" "$ROOT/bench/results"
RAW="$WORK/raw-$RESULT_DATE.tsv"
: > "$RAW"
started_at=$(date -u +%s)

echo "== build (Release) into $WORK/app and $WORK/bench"
dotnet publish src/PlanManager.Web -c Release -o "$WORK/app" -nologo -v quiet
# The data generator and the background scenarios: a tool of their own, not part of the shipped app.
dotnet publish bench/PlanManager.Bench -c Release -o "$WORK/bench" -nologo -v quiet
APP_DLL="$WORK/app/PlanManager.Web.dll"
BENCH_DLL="$WORK/bench/PlanManager.Bench.dll"

# The app's configuration for every bench process: Staging (demo and sandbox are refused in
# Production), the sandbox inside the app with 10,000 Claims360 assignments per bodyshop, no
# Hangfire server (nothing runs behind the measured pages), no log file, warnings only on the console.
app_env() {
  local db=$1
  # APP_EXEC=1 (the served app, started in the background): exec, so $! is the app's own process id.
  ${APP_EXEC:+exec} env ASPNETCORE_ENVIRONMENT=Staging \
    Urls="$BASE" \
    Database__Provider=Sqlite \
    Database__ConnectionString="Data Source=$db" \
    Database__MigrateOnStart=true \
    Demo__Seed=false \
    Sandbox__Enabled=true \
    Security__AllowPlainHttp=true \
    Security__SignInsPerClient=100000 \
    Sandbox__Claims360AssignmentsPerBodyshop=10000 \
    BackgroundJobs__RunServer=false \
    Connectors__Caps__BaseUrl="$BASE/sandbox/caps" \
    Connectors__AudatexUk__BaseUrl="$BASE/sandbox/audatex-uk" \
    Connectors__Claims360__BaseUrl="$BASE/sandbox/claims360" \
    Connectors__Informex__BaseUrl="$BASE/sandbox/informex" \
    Photos__Folder="$WORK/photos" \
    LogOutput__File= \
    Serilog__MinimumLevel__Default=Warning \
    "${@:2}"
}

declare -A APP_PIDS BASES COOKIES URLS
stop_apps() {
  local pid
  for pid in "${APP_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
}
trap stop_apps EXIT

record() { # size scenario key=value...
  local size=$1 scenario=$2; shift 2
  printf '%s\t%s\t%s\n' "$size" "$scenario" "$*" >> "$RAW"
}

# One page scenario on one app: check it answers 200, warm up, then measure.
page() { # size name path [anonymous] [connections]
  local size=$1 name=$2 path=$3 cookie=${COOKIES[$1]} base=${BASES[$1]} connections=${5:-$CONNECTIONS}
  [ "${4:-}" = anonymous ] && cookie=""
  local threads=$THREADS
  [ "$connections" -lt "$threads" ] && threads=$connections
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$path")
  if [ "$status" != 200 ]; then
    echo "!! $name ($path) answered $status, not 200" >&2
  fi
  BENCH_COOKIE=$cookie wrk -t"$threads" -c"$connections" -d"${WARMUP}s" -s bench/wrk-report.lua "$base$path" >/dev/null
  local out line
  out=$(BENCH_COOKIE=$cookie wrk -t"$threads" -c"$connections" -d"${DURATION}s" --timeout 10s --latency -s bench/wrk-report.lua "$base$path")
  line=$(grep '^BENCHRESULT' <<<"$out" | sed 's/^BENCHRESULT //')
  echo "   $(printf '%-8s' "$size") $name: $line"
  record "$size" "$name" "path=$path $line"
}

# 1. Data, a migrated copy and a bench user per size; every app started side by side (one port each).
index=0
for size in $SIZES; do
  pristine="$WORK/jobs-$size.db"
  db="$WORK/run-$size.db"
  if [ "$FRESH_DATA" = 1 ] || [ ! -s "$pristine" ]; then
    echo "== generating $size jobs into $pristine"
    rm -f "$pristine" "$pristine-wal" "$pristine-shm"
    t0=$(date +%s.%N)
    BASE=http://127.0.0.1:$PORT app_env "$pristine" dotnet "$BENCH_DLL" generate-data "$size"
    t1=$(date +%s.%N)
    echo "$t0 $t1" | awk '{printf "%.1f\n", $2-$1}' > "$pristine.seconds"
  fi
  gen_seconds=$(cat "$pristine.seconds" 2>/dev/null || echo "?")
  record "$size" "generate" "seconds=$gen_seconds bytes=$(stat -c %s "$pristine")"

  BASE="http://127.0.0.1:$(( PORT + index ))"
  BASES[$size]=$BASE
  index=$(( index + 1 ))
  echo "== $size jobs: fresh copy, migrations, bench user"
  rm -f "$db" "$db-wal" "$db-shm"
  cp "$pristine" "$db"
  app_env "$db" dotnet "$APP_DLL" --migrate-only >/dev/null
  app_env "$db" PLANMANAGER_NEW_USER_PASSWORD="$BENCH_PASSWORD" dotnet "$APP_DLL" --create-user "$BENCH_USER" Staff >/dev/null

  if curl -s -o /dev/null "$BASE/healthz"; then
    echo "!! something already listens on $BASE; stop it or set BENCH_PORT" >&2; exit 1
  fi
  echo "== $size jobs: starting the app on $BASE"
  APP_EXEC=1 app_env "$db" dotnet "$APP_DLL" > "$WORK/app-$size.log" 2>&1 &
  APP_PIDS[$size]=$!
  for _ in $(seq 1 120); do
    curl -sf "$BASE/healthz" >/dev/null 2>&1 && break
    kill -0 "${APP_PIDS[$size]}" 2>/dev/null || { echo "!! the app stopped; see $WORK/app-$size.log" >&2; exit 1; }
    sleep 0.5
  done

  # Sign in once: the form's antiforgery token, then the cookie wrk sends with every request.
  jar="$WORK/cookies-$size.txt"; rm -f "$jar"
  token=$(curl -s -c "$jar" -b "$jar" "$BASE/account/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"\|name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" -X POST "$BASE/account/sign-in" \
    --data-urlencode "Email=$BENCH_USER" --data-urlencode "Password=$BENCH_PASSWORD" --data-urlencode "__RequestVerificationToken=$token")
  COOKIES[$size]=$(awk '$6 ~ /^PlanManager/ || $6 ~ /Antiforgery/ {printf "%s=%s; ", $6, $7}' "$jar" | sed 's/; $//')
  if ! grep -q 'PlanManager.Auth' <<<"${COOKIES[$size]}"; then
    echo "!! sign-in failed (HTTP $status)" >&2; exit 1
  fi

  # Real values from the data: a plate, a claim number, a job in the middle, a repairer and a busy status.
  mid=$(( size / 2 ))
  plate=$(sqlite3 "$db" "SELECT RegistrationKey FROM Jobs WHERE Id = $mid;")
  claim=$(sqlite3 "$db" "SELECT ClaimNumberKey FROM Jobs WHERE Id >= $mid AND ClaimNumberKey IS NOT NULL ORDER BY Id LIMIT 1;")
  repairer=$(sqlite3 "$db" "SELECT RepairerId FROM Jobs WHERE Id = $mid;")
  status_value=8 # Closed: the status most of the history is in
  URLS[$size,filtered]="/jobs?status=$status_value&repairer=$repairer&sort=created&dir=desc"
  URLS[$size,plate]="/jobs?q=$plate"
  URLS[$size,claim]="/jobs?q=$claim"
  URLS[$size,job]="/jobs/$mid"
  URLS[$size,repairer]=$repairer
done

# 2. Page scenarios, each on every size back to back, so noise from other work on the machine
#    falls on both sizes alike and the comparison stays fair.
# The apps were just started: the runtime compiles its hot code in stages over the first minute of load. One warm-up pass
# over every page first, so the page measured first (the sign-in page, the yardstick) is not measured colder than the rest.
echo "== warm-up: every page ${WARMUP}s on every size"
for size in $SIZES; do
  for path in /account/sign-in /jobs "${URLS[$size,filtered]}" "/jobs?page=400" "${URLS[$size,plate]}" "${URLS[$size,job]}" \
    /workshop/vehicles-inside / /reports; do
    cookie=${COOKIES[$size]}; [ "$path" = /account/sign-in ] && cookie=""
    BENCH_COOKIE=$cookie wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/wrk-report.lua "${BASES[$size]}$path" >/dev/null
  done
done
echo "== page scenarios (${DURATION}s each at $CONNECTIONS connections after ${WARMUP}s warm-up; sizes side by side)"
for size in $SIZES; do page "$size" "sign-in page" "/account/sign-in" anonymous; done
for size in $SIZES; do page "$size" "job list, first page" "/jobs"; done
for size in $SIZES; do page "$size" "job list, status + repairer, by date" "${URLS[$size,filtered]}"; done
for size in $SIZES; do page "$size" "job list, page 400" "/jobs?page=400"; done
for size in $SIZES; do page "$size" "job list, last page" "/jobs?page=999999"; done
for size in $SIZES; do page "$size" "search by plate" "${URLS[$size,plate]}"; done
for size in $SIZES; do page "$size" "search by claim number" "${URLS[$size,claim]}"; done
for size in $SIZES; do page "$size" "job screen" "${URLS[$size,job]}"; done
for size in $SIZES; do page "$size" "vehicles inside" "/workshop/vehicles-inside"; done
# R1: the staff home page and the reports, for all repairers and for one; each figure is one indexed query (decision 0015).
for size in $SIZES; do page "$size" "dashboard" "/"; done
for size in $SIZES; do page "$size" "dashboard, one repairer" "/?repairer=${URLS[$size,repairer]}"; done
for size in $SIZES; do page "$size" "reports, 12 months" "/reports"; done
for size in $SIZES; do page "$size" "reports, one repairer, 24 months" "/reports?repairer=${URLS[$size,repairer]}&months=24"; done
# The job list's exports are background work (POST, then a download; decision 0022): measured at full size by the
# background command below, not as pages.
# The search again for one user alone: the time a search takes, without queueing behind seven others on two cores.
for size in $SIZES; do page "$size" "search by plate, 1 connection" "${URLS[$size,plate]}" "" 1; done
for size in $SIZES; do page "$size" "search by claim number, 1 connection" "${URLS[$size,claim]}" "" 1; done

# The whole office at nine in the morning (issue 18): 64 connections on the list and the job screen; zero errors, p99 under 1 s.
for size in $SIZES; do page "$size" "job list, first page, 64 connections" "/jobs" "" 64; done
for size in $SIZES; do page "$size" "job screen, 64 connections" "${URLS[$size,job]}" "" 64; done

# HTML weight on the wire (issue 18): the job list's first page as a browser asks for it (Brotli or gzip), and uncompressed.
for size in $SIZES; do
  for encoding in br gzip identity; do
    bytes=$(curl -s -o /dev/null -w '%{size_download}' -H "Cookie: ${COOKIES[$size]}" -H "Accept-Encoding: $encoding" "${BASES[$size]}/jobs")
    echo "   $(printf '%-8s' "$size") job list weight ($encoding): $bytes bytes"
    record "$size" "weight" "encoding=$encoding bytes=$bytes"
  done
done

# 3. Background scenarios, one size after the other (each writes its own database), then memory.
for size in $SIZES; do
  BASE=${BASES[$size]}
  db="$WORK/run-$size.db"
  echo "== $size jobs: background scenarios"
  bg="$WORK/background-$size.tsv"; rm -f "$bg"
  bg_args=(background "$bg")
  app_env "$db" dotnet "$BENCH_DLL" "${bg_args[@]}" > "$WORK/background-$size.log" 2>&1 \
    || { echo "!! background scenarios failed; see $WORK/background-$size.log" >&2; }
  if [ -s "$bg" ]; then
    while IFS=$'\t' read -r scenario seconds rows detail; do
      echo "   $scenario: ${seconds}s, $rows rows written ($detail)"
      record "$size" "bg:$scenario" "seconds=$seconds rows=$rows detail=$detail"
    done < "$bg"
  fi
done

for size in $SIZES; do
  pid=${APP_PIDS[$size]}
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
  hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
  echo "   $size jobs: resident memory $(( rss / 1024 )) MB (peak $(( hwm / 1024 )) MB)"
  record "$size" "memory" "rss_kb=$rss hwm_kb=$hwm"
done
stop_apps

total=$(( $(date -u +%s) - started_at ))
echo "== writing $RESULT_FILE and docs/benchmarks.md (run took ${total}s)"
python3 bench/report.py "$RAW" "$RESULT_FILE" "$ROOT/docs/benchmarks.md" \
  --duration "$DURATION" --warmup "$WARMUP" --connections "$CONNECTIONS" --threads "$THREADS" --total-seconds "$total"
echo "== done: $RESULT_FILE"
