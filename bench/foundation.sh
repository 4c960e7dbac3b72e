#!/usr/bin/env bash
# Benchmarks for the foundation (issue 2): start-up to first served request, `items` with a bbox
# returning 1,000 features (wrk), and heap after start. A command, not a test: results go in
# docs/BENCHMARKS.md by hand, with the machine notes this prints.
#   bench/foundation.sh [runs=5] [wrk-seconds=20]
# BENCH_STORE=jdbc:postgresql://... measures the server on that (empty) PostGIS database instead of
# a GeoPackage in a temp directory; bench/stores.sh runs both side by side.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=${1:-5}
seconds=${2:-20}
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 1; }
# LILONG_JAR measures a given jar; otherwise the launcher builds ours when stale.
if [ -z "${LILONG_JAR:-}" ]; then "$root/lilong" --version >/dev/null; fi
jar="${LILONG_JAR:-$root/server/target/lilong.jar}"
work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"

echo "== machine"; nproc; grep -m1 'model name' /proc/cpuinfo || true; free -g | head -2; java -version 2>&1 | head -1
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; date -u

store_args=(--data "$work/data")
[ -n "${BENCH_STORE:-}" ] && store_args=(--store "$BENCH_STORE")
echo "== demo data"; java -jar "$jar" demo "${store_args[@]}"

now_ms() { date +%s%3N; }
echo "== start-up to first served request (ms), $runs runs, demo already in the store"
startups=()
for _ in $(seq "$runs"); do
  t0=$(now_ms)
  java -jar "$jar" serve --port "$port" "${store_args[@]}" >"$work/server.log" 2>&1 &
  pid=$!
  # Polling the port is the measurement here: the first 200 marks the end of start-up.
  until curl -sf -o /dev/null "$base/collections/grids/items?limit=1"; do sleep 0.01; done
  startups+=($(( $(now_ms) - t0 )))
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
printf '%s\n' "${startups[@]}" | sort -n | awk '{a[NR]=$1} END {print "runs:", NR, " median:", a[int((NR+1)/2)], "ms  min:", a[1], " max:", a[NR]}'

echo "== serving"
java -jar "$jar" serve --port "$port" "${store_args[@]}" >"$work/server.log" 2>&1 &
pid=$!
until curl -sf -o /dev/null "$base/conformance"; do sleep 0.01; done
bbox=$(curl -sf "$base/collections/grids" | python3 -c 'import json,sys; b=json.load(sys.stdin)["extent"]["spatial"]["bbox"][0]; print(",".join(map(str,b)))')
items="$base/collections/grids/items?bbox=$bbox&limit=1000"
returned=$(curl -sf "$items" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["numberReturned"], "features,", d["numberMatched"], "matched")')
echo "items request: $items -> $returned, $(curl -sf "$items" | wc -c) bytes"
echo "== heap after start (after a full GC)"
jcmd "$pid" GC.run >/dev/null
jcmd "$pid" GC.heap_info | head -3
echo "RSS: $(ps -o rss= -p "$pid") KiB"

for url in "$base/conformance" "$items"; do
  wrk -t1 -c8 -d5s "$url" >/dev/null   # warm-up
  for connections in 1 8; do
    echo "== wrk -t1 -c$connections -d${seconds}s $url"
    wrk -t1 -c"$connections" -d"${seconds}s" --latency "$url" | grep -E '50%|90%|99%|Requests/sec|Transfer/sec'
  done
done
echo "== sequential: one client, 200 requests of the items page"
python3 - "$items" <<'PY'
import sys, time, urllib.request, statistics
url = sys.argv[1]
for _ in range(20): urllib.request.urlopen(url).read()
samples = []
for _ in range(200):
    t = time.perf_counter(); urllib.request.urlopen(url).read(); samples.append((time.perf_counter() - t) * 1000)
samples.sort()
print(f"median {statistics.median(samples):.2f} ms  p95 {samples[int(len(samples)*0.95)]:.2f} ms")
PY
