#!/usr/bin/env bash
# The load benchmark (issue 16): N runners with years of training each, made through the public API only, then a mixed
# read/write load (dashboard, prediction trend, activities, the log, logging a set, importing a file) at 100 connections
# with wrk, beside the same server's static file as the baseline, in one run. Prints a Markdown table per run.
#
#   bench/load.sh                                    SQLite, one node, 1 runner, 10 years
#   bench/load.sh --engine postgres --nodes 2        PostgreSQL, two web nodes on one port (RunStrong:SharedPort: the
#                                                    kernel spreads the connections, no proxy)
#   bench/load.sh --engine postgres --nodes 2 --front haproxy   the same two nodes behind haproxy (round robin), as
#                                                    nodes on several machines would be
#   bench/load.sh --runners 10 --years 10 --seconds 30 --connections 100
#   bench/load.sh --runners 100 --by-entry            every runner logs entry by entry (default: the first one does, and
#                                                    the others import its export zip through POST /api/import)
#
# Installs wrk (and haproxy for --front haproxy) from Debian when missing. Uses the released build (dotnet publish -c Release).
# Everything runs on loopback in a throw-away folder; nothing of yours is touched.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1m[load.sh]\033[0m %s\n' "$*" >&2; }
engine=sqlite nodes=1 runners=1 years=10 seconds=20 connections=100 files=20 by_entry=() front=shared-port
while [ $# -gt 0 ]; do
  case "$1" in
    --engine) engine="$2"; shift 2 ;;
    --nodes) nodes="$2"; shift 2 ;;
    --runners) runners="$2"; shift 2 ;;
    --years) years="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --files) files="$2"; shift 2 ;;
    --by-entry) by_entry=(--by-entry); shift ;;
    --front) front="$2"; shift 2 ;;
    *) log "unknown option $1"; exit 64 ;;
  esac
done
case "$front" in shared-port|haproxy) ;; *) log "--front is shared-port or haproxy"; exit 64 ;; esac
[ "$engine" = sqlite ] && [ "$nodes" -gt 1 ] && { log "SQLite is for one node; several nodes share a PostgreSQL database (--engine postgres)"; exit 64; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
need=()
command -v wrk >/dev/null || need+=(wrk)
[ "$nodes" -gt 1 ] && [ "$front" = haproxy ] && ! command -v haproxy >/dev/null && need+=(haproxy)
if [ "$engine" = postgres ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then need+=(postgresql); fi
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]} (apt-get)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

work="$(mktemp -d /tmp/runstrong-load.XXXXXX)"
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${PG_BIN:-}" ] && run_pg "$PG_BIN/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  # The nodes' (and PostgreSQL's) logs of the last run stay for reading; the rest goes.
  rm -rf /tmp/runstrong-load-logs && mkdir -p /tmp/runstrong-load-logs && cp "$work"/*.log /tmp/runstrong-load-logs/ 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

log "building the released web app and the benchmark driver"
dotnet publish src/RunStrong.Web -c Release -o "$work/web" --nologo -v q >/dev/null
dotnet build bench/RunStrong.Benchmarks -c Release --nologo -v q >/dev/null
driver() { dotnet run --no-build -c Release --project bench/RunStrong.Benchmarks -- "$@"; }

run_pg() {
  if [ "$(id -u)" -eq 0 ]; then id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres; runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$engine" = postgres ]; then
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  pg_port=$((40000 + RANDOM % 20000))
  mkdir -p "$work/pg" && [ "$(id -u)" -eq 0 ] && chown postgres "$work" "$work/pg"
  run_pg "$PG_BIN/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 >/dev/null
  run_pg "$PG_BIN/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work -c max_connections=300" start >/dev/null
  export RUNSTRONG_DB="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Maximum Pool Size=100"
else
  export RUNSTRONG_DB="$work/runstrong.db"
fi
log "database: $engine"

# All the benchmark's clients come from 127.0.0.1: lift the per-address limits on uploads and sign-ins (30 and 10 a minute
# by default, docs/running-on-the-internet.md), which would otherwise answer 429 to the imports and the registrations.
export ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=1 RunStrong__Registration=open \
  RunStrong__UploadRateLimit__PermitLimit=1000000 RunStrong__SignInRateLimit__PermitLimit=1000000
base_port=$((20000 + RANDOM % 10000))
# With --front shared-port every node listens on the one port (SO_REUSEPORT); with haproxy each has its own.
front_kind=none
[ "$nodes" -gt 1 ] && front_kind=$front
[ "$front_kind" = shared-port ] && export RunStrong__SharedPort=true
for i in $(seq 1 "$nodes"); do
  port=$((base_port + i))
  [ "$front_kind" = shared-port ] && port=$base_port
  (cd "$work/web" && exec dotnet RunStrong.Web.dll --urls "http://127.0.0.1:$port" >"$work/node$i.log" 2>&1) &
  pids+=($!)
  # Its own banner first: on a shared port an earlier node answers before this one listens.
  for _ in $(seq 1 120); do grep -q 'RunStrong is running' "$work/node$i.log" 2>/dev/null && curl -fs "http://127.0.0.1:$port/css/site.css" >/dev/null 2>&1 && break; sleep 0.5; done
  log "node $i on 127.0.0.1:$port"
done
front_url="http://127.0.0.1:$port"
[ "$front_kind" = shared-port ] && log "$nodes nodes share 127.0.0.1:$base_port"
if [ "$front_kind" = haproxy ]; then
  front_port=$base_port
  {
    # Layer 4 (each connection to the next node in turn) with one thread: the nodes keep no state, so the proxy need not
    # read HTTP, and on two shared cores that left it half the CPU it took in HTTP mode (docs/benchmarks.md).
    printf 'global\n  maxconn 4000\n  nbthread 1\ndefaults\n  mode tcp\n  timeout connect 5s\n  timeout client 60s\n  timeout server 60s\n'
    printf 'frontend runstrong\n  bind 127.0.0.1:%s\n  default_backend nodes\nbackend nodes\n  balance roundrobin\n' "$front_port"
    for i in $(seq 1 "$nodes"); do printf '  server node%s 127.0.0.1:%s\n' "$i" $((base_port + i)); done
  } >"$work/haproxy.cfg"
  haproxy -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
  pids+=($!)
  sleep 1
  front_url="http://127.0.0.1:$front_port"
  log "haproxy on $front_url, round robin over $nodes nodes"
fi

setup="$(grep -o 'http://[^ ]*/account/setup?token=[^ ]*' "$work/node1.log" | head -n 1)"
[ -n "$setup" ] || { log "no setup link in the first node's output"; cat "$work/node1.log" >&2; exit 1; }
setup="$front_url/account/setup?${setup#*\?}"

gpx_dir="$work/gpx"; mkdir -p "$gpx_dir"
find tests/fixtures/gpx -name '*.gpx' -size -400k | sort | head -n "$files" | xargs -r cp -t "$gpx_dir"
log "seeding $runners runner(s) x $years years through the API (and $(ls "$gpx_dir" | wc -l) GPX uploads each; the others import the first's export unless --by-entry)"
driver load-seed --server "$front_url" --setup-url "$setup" --runners "$runners" --years "$years" --files "$gpx_dir" --file-count "$files" --out "$work/tokens.txt" "${by_entry[@]}"

one_gpx=tests/fixtures/gpx/sports-alliance__sports-lib__src__specs__fixtures__runs__gpx__2067489619.gpx
log "load: $connections connections, $seconds s per run"
driver load-run --server "$front_url" --tokens "$work/tokens.txt" --seconds "$seconds" --connections "$connections" --gpx "$one_gpx" \
  --label "$engine, $nodes node(s)$([ "$front_kind" != none ] && echo ", $front")"
