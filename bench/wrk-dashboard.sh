#!/usr/bin/env bash
# Issue 16: the dashboard and the prediction trend under load, before (a git revision, default main's 4c2552b) and
# after (this working tree), in one run on the same ten-years SQLite database.
#   bench/wrk-dashboard.sh [BASELINE_REV]      (needs wrk: apt-get install wrk)
# Each build is published in Release and started alone on a copy of the database; the first request of each endpoint
# (which builds the rollups on the new build) is made before wrk starts. Output: bench/out/wrk-*.txt and a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE_REV="${1:-4c2552b}"
WORK="${RS_BENCH_DIR:-/tmp/rs-bench}"
OUT=bench/out
DURATION="${RS_BENCH_DURATION:-20s}"
mkdir -p "$WORK" "$OUT"

echo "== building the baseline ($BASE_REV) and this tree in Release" >&2
rm -rf "$WORK/baseline-src" && mkdir -p "$WORK/baseline-src"
git archive "$BASE_REV" | tar -x -C "$WORK/baseline-src"
dotnet publish "$WORK/baseline-src/src/RunStrong.Web" -c Release -o "$WORK/baseline-web" --artifacts-path "$WORK/baseline-art" >/dev/null
dotnet publish src/RunStrong.Web -c Release -o "$WORK/target-web" --artifacts-path "$WORK/target-art" >/dev/null

echo "== seeding ten years of one runner" >&2
rm -f "$WORK"/ten-years.db*
TOKEN=$(dotnet run -c Release --project bench/RunStrong.Benchmarks --artifacts-path "$WORK/bench-art" -- ten-years --db "$WORK/ten-years.db" --fit tests/fixtures/fit)

run_one() { # name dir
  local name=$1 dir=$2 port=5099
  cp "$WORK/ten-years.db" "$WORK/$name.db"
  (cd "$dir" && RUNSTRONG_DB="$WORK/$name.db" exec dotnet RunStrong.Web.dll --urls "http://127.0.0.1:$port" >"$WORK/$name-server.log" 2>&1) &
  local pid=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/css/site.css" >/dev/null && break; sleep 0.5; done
  for path in /api/dashboard /api/predictions/trend; do
    curl -fs -o /dev/null -w "$name first $path: %{http_code} %{time_total}s\n" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port$path" >&2
  done
  for path in /css/site.css /api/dashboard /api/predictions/trend; do
    local file="$OUT/wrk-$name-$(echo "$path" | tr '/.' '__').txt"
    wrk -t2 -c100 -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port$path" >"$file"
    printf '%-8s %-24s %s req/s  p50 %s  p99 %s  %s\n' "$name" "$path" \
      "$(awk '/Requests\/sec/ {print $2}' "$file")" "$(awk '$1=="50%" {print $2}' "$file")" "$(awk '$1=="99%" {print $2}' "$file")" \
      "$(grep -E 'Non-2xx|Socket errors' "$file" | tr '\n' ' ')"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "== wrk -t2 -c100 -d$DURATION (load average before: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
run_one baseline "$WORK/baseline-web"
run_one target "$WORK/target-web"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
