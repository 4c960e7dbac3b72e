#!/usr/bin/env bash
# Benchmarks for the life circle (issue 4) over HTTP, driven the way the anchors drive their peers
# (../shared/anchors/config/isochrones.lua: wrk -t1 -c8 cycling 50 fixed origins, a warm-up first):
#   huangpu  the real OSM extract, imported with `lilong import-osm`, 1000 m isochrones
#   synth    the anchors' 306,725-edge synthetic grid, same
#   demo     the demo district: 5/10/15-minute isochrones and the life-circle report
# A command, not a test: results go in docs/BENCHMARKS.md by hand, with the machine notes it prints.
#   bench/life-circle.sh [seconds=30] [warm-up seconds=30]
# Needs the anchors' data (../shared/anchors/scripts/setup.sh and data.sh write /tmp/anchors-data) and wrk.
# The peers' side of the comparison is bench/life-circle-peers.sh, run right before or after this.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds=${1:-30}
warm=${2:-30}
anchors="$root/../shared/anchors"
data="${ANCHORS_DATA:-/tmp/anchors-data}"
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 1; }
for f in huangpu.osm synth.osm origins-huangpu.csv origins-synth.csv; do
  [ -f "$data/$f" ] || { echo "missing $data/$f: run $anchors/scripts/setup.sh and $anchors/scripts/data.sh first" >&2; exit 1; }
done
if [ -z "${LILONG_JAR:-}" ]; then "$root/lilong" --version >/dev/null; fi
jar="${LILONG_JAR:-$root/server/target/lilong.jar}"
work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
hz=$(getconf CLK_TCK)
cpu_seconds() { awk -v hz="$hz" '{printf "%.2f", ($14+$15)/hz}' "/proc/$1/stat"; }

echo "== machine"; nproc; grep -m1 'model name' /proc/cpuinfo || true; free -g | head -2; java -version 2>&1 | head -1
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; date -u

serve() { # serve DATA_DIR [extra args]: starts the server, waits for it
  java ${BENCH_JAVA_OPTS:-} -jar "$jar" serve --port "$port" --data "$@" >"$work/server.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "$base/conformance"; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.05
  done
}

load() { # load ORIGINS PATH_TEMPLATE: warm-up, then the measured run with CPU and memory
  local origins=$1 template=$2
  wrk -t1 -c8 -d"${warm}s" -s "$anchors/config/isochrones.lua" "$base" -- "$origins" "$template" | grep '^wrk' | sed 's/^/# warm-up /'
  local before; before=$(cpu_seconds "$pid")
  echo "# measured: wrk -t1 -c8 -d${seconds}s, $template"
  local result; result=$(wrk -t1 -c8 -d"${seconds}s" -s "$anchors/config/isochrones.lua" "$base" -- "$origins" "$template" | grep '^wrk')
  local used; used=$(echo "$(cpu_seconds "$pid") - $before" | bc)
  echo "$result"
  # CPU per request is what a busy machine distorts least (req/s also depends on what else runs).
  local requests; requests=$(echo "$result" | sed -n 's/.*requests=\([0-9]*\).*/\1/p')
  echo "server CPU during the measured run: $used s, $(awk -v u="$used" -v r="$requests" 'BEGIN { printf "%.3f", 1000 * u / r }') ms per request"
  echo "server memory: $(grep -E 'VmRSS|VmHWM' "/proc/$pid/status" | tr -s ' \t' ' ' | tr '\n' ' ')"
  jcmd "$pid" GC.run >/dev/null 2>&1 || true
  echo "heap after a full GC: $(jcmd "$pid" GC.heap_info 2>/dev/null | grep -Eo 'used [0-9]+K' | head -1)"
}

sample() { # sample URL: what one answer holds, so the figures can be compared with the peers'
  curl -sf "$1" | python3 -c '
import json, sys
d = json.load(sys.stdin)
for f in d["features"]:
    g = f["geometry"]; p = f["properties"]
    parts = len(g["coordinates"]) if g["type"] == "MultiPolygon" else 1
    print("  %s min: %.0f m, area %.3f km², reached street %.1f km, %s of %d part(s)" % (p["minutes"], p["distanceMetres"], p["areaSquareMetres"] / 1e6, p["reachedStreetMetres"] / 1000, g["type"], parts))'
}

# 1000 m, as the anchors' peers: 15 minutes at 1000/900 m/s.
thousand="minutes=15&speed=1.1111111111"
for net in huangpu synth; do
  echo "== $net: import-osm"
  t0=$(date +%s%N)
  java -jar "$jar" import-osm "$data/$net.osm" --data "$work/$net" | tail -2
  echo "import: $(( ($(date +%s%N) - t0) / 1000000 )) ms"
  serve "$work/$net"
  first=$(sed -n 2p "$data/origins-$net.csv" | cut -d, -f3,4)
  echo "first origin ($first):"; sample "$base/analysis/isochrones?lat=${first%,*}&lon=${first#*,}&$thousand"
  load "$data/origins-$net.csv" "/analysis/isochrones?lat={lat}&lon={lon}&$thousand"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done

echo "== demo district: 50 points on its streets (fixed seed)"
java -jar "$jar" demo --data "$work/demo" >/dev/null
serve "$work/demo"
curl -sf "$base/collections/streets/items?limit=10000" | python3 -c '
import json, random, sys
random.seed(42)
lines = [f["geometry"]["coordinates"] for f in json.load(sys.stdin)["features"] if f["geometry"]["type"] == "LineString"]
print("idx,osm_id,lat,lon")
for i in range(50):
    line = random.choice(lines); a, b = line[0], line[-1]; t = random.random()
    print(f"{i},0,{a[1] + t * (b[1] - a[1]):.7f},{a[0] + t * (b[0] - a[0]):.7f}")' >"$work/origins-demo.csv"
first=$(sed -n 2p "$work/origins-demo.csv" | cut -d, -f3,4)
echo "first point ($first):"; sample "$base/analysis/isochrones?lat=${first%,*}&lon=${first#*,}"
echo "-- isochrones 5, 10 and 15 minutes, adult speed"
load "$work/origins-demo.csv" "/analysis/isochrones?lat={lat}&lon={lon}"
echo "-- life-circle report, adult speed"
load "$work/origins-demo.csv" "/analysis/life-circle?lat={lat}&lon={lon}"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
