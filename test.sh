#!/usr/bin/env bash
# Runs every RunStrong test on a fresh machine that has the .NET SDK.
# Installs what the tests need when it is missing (Debian's postgresql, chromium and nodejs, and Garmin's FIT SDK from npm), starts a throw-away
# PostgreSQL server on loopback, runs `dotnet test` over the whole solution, and stops the server again.
# Extra arguments go to `dotnet test` (for example: ./test.sh --filter "FullyQualifiedName~Catalogue").
#
# The suite runs on a clock of its own (tests/RunStrong.TestSupport/TestClock.cs), never the wall clock. Two options,
# given first, move it to a day that stresses calendars and set the machine's time zone, to prove it passes anywhere:
#   ./test.sh --date 2028-02-29                                   a leap day (a day, taken at 10:00 UTC)
#   ./test.sh --date 2027-03-28T01:30:00Z --tz Europe/Berlin      an instant, in a zone (here: half an hour after the
#                                                                 clocks went forward in Berlin)
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\033[1m[test.sh]\033[0m %s\n' "$*"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --date) [ $# -ge 2 ] || { log "--date needs a day (2028-02-29) or an instant (2028-02-29T10:00:00Z)"; exit 64; }
            export RUNSTRONG_TEST_NOW="$2"; shift 2 ;;
    --tz)   [ $# -ge 2 ] || { log "--tz needs an IANA zone (Europe/Berlin)"; exit 64; }
            [ -f "/usr/share/zoneinfo/$2" ] || { log "--tz: no zone '$2' in /usr/share/zoneinfo"; exit 64; }
            export TZ="$2"; shift 2 ;;
    *) break ;;
  esac
done

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to install packages: $*"; return 1; fi
}

# --- 1. What the tests need from Debian -----------------------------------------------------------------------
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
missing=()
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} (apt-get)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
PG_BIN="$(pg_bin)"

# Garmin's JavaScript FIT SDK, which the workout tests run (node tests/fitsdk/decode-workout.mjs) to decode what
# RunStrong writes; from the npm registry, at the version in tests/fitsdk/version, into a cache outside the repository.
FITSDK_VERSION="$(cat tests/fitsdk/version)"
export RUNSTRONG_FITSDK="${RUNSTRONG_FITSDK:-${XDG_CACHE_HOME:-$HOME/.cache}/runstrong/fitsdk-$FITSDK_VERSION}"
command -v node >/dev/null || { log "node is missing after installing it: the FIT workout tests decode with Garmin's JavaScript SDK (install Node.js)"; exit 1; }
if [ ! -f "$RUNSTRONG_FITSDK/node_modules/@garmin/fitsdk/package.json" ]; then
  log "installing @garmin/fitsdk@$FITSDK_VERSION into $RUNSTRONG_FITSDK (npm)"
  npm install --silent --no-audit --no-fund --prefix "$RUNSTRONG_FITSDK" "@garmin/fitsdk@$FITSDK_VERSION" >/dev/null
fi

# --- 2. A PostgreSQL server of our own on loopback --------------------------------------------------------------
PG_ROOT="$(mktemp -d /tmp/runstrong-pg.XXXXXX)"
PG_PORT="${RUNSTRONG_TEST_PG_PORT:-$((40000 + RANDOM % 20000))}"
run_pg() {
  # PostgreSQL refuses to run as root: use the postgres account Debian's package creates.
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown -R postgres "$PG_ROOT"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
stop_pg() { run_pg "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PG_ROOT"; }
trap stop_pg EXIT
chmod 755 "$PG_ROOT"
run_pg "$PG_BIN/initdb" -D "$PG_ROOT/data" -U postgres -A trust --no-sync -E UTF8 >/dev/null
run_pg "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/server.log" -w -o \
  "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_ROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
clock_note="${RUNSTRONG_TEST_NOW:-its default day}"; zone_note="${TZ:-$(date +%Z), the machine zone}"
log "the tests run on their own clock: $clock_note; time zone: $zone_note"
export RUNSTRONG_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
export RUNSTRONG_CHROMIUM=/usr/bin/chromium
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# --- 3. The tests -------------------------------------------------------------------------------------------------
results="$PG_ROOT/results"
set +e
dotnet test RunStrong.slnx --logger "trx" --results-directory "$results" "$@" 2>&1 | tee "$PG_ROOT/test.log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line over every test project: "N passed, N failed".
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed))); failed=$((failed + $(get failed) + $(get error) + $(get timeout)))
  skipped=$((skipped + $(get notExecuted)))
done
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
