#!/usr/bin/env bash
# Vector-tile benchmarks (issue 7). A command, not a test: figures go in docs/BENCHMARKS.md by hand,
# with the machine notes it prints. About 12 minutes.
#   bench/tiles.sh [wrk-seconds=30] [city-side=100]
# 1. The anchors' workload (../shared/anchors, RESULTS.md "Vector tiles"): their streets, buildings
#    and POIs imported with `lilong import` into a temporary GeoPackage (streets → streets with
#    highway as class; buildings → residential-areas with population as residents and kind as name;
#    pois → service-stations), then their 48 z14–z16 tiles: in process (uncached and cached), and
#    over HTTP with their wrk script (-t1 -c8, 15 s warm-up), `serve --tile-cache-mb 0` and cached.
# 2. A generated city (side² blocks of 100 m: 20,200 streets, 300,000 building groups, 10,000
#    grids, 2,500 stations at side 100): median and p95 per zoom z12–z16, in process and over HTTP
#    (wrk -c8 over 40 sampled tiles per zoom), uncached and cached, with the server's RSS.
# Environment: ANCHORS_DATA (default /tmp/anchors-data), LILONG_JAR (default: built here into
# server/target-bench), BENCH_JAVA_OPTS for the served JVM (default -Xmx2g), BENCH_TARGET (build dir, default target-bench).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds=${1:-30}
side=${2:-100}
anchors="$(cd "$root/../shared/anchors" && pwd)"
data="${ANCHORS_DATA:-/tmp/anchors-data}"
target=${BENCH_TARGET:-target-bench}
java_opts=${BENCH_JAVA_OPTS:--Xmx2g}
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 1; }
[ -f "$data/layers/tiles.txt" ] || { echo "the anchors' layers are not in $data/layers (run their scripts/data.sh)" >&2; exit 1; }
work=$(mktemp -d -t lilong-tiles.XXXXXX)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "== machine"; echo "nproc $(nproc)"; grep -m1 'model name' /proc/cpuinfo || true
free -g | head -2; java -version 2>&1 | head -1; wrk --version 2>&1 | head -1 || true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; date -u
echo "busiest processes:"; ps -eo pcpu,rss,comm --sort=-pcpu | head -6

echo "== build (offline, into */$target)"
(cd "$root" && mvn -q -B -o -Dlilong.target=$target -pl layers -am test-compile \
  && mvn -q -B -o -Dlilong.target=$target -pl layers dependency:build-classpath \
       -Dmdep.outputFile="$root/layers/$target/bench.classpath" -Dmdep.includeScope=test >/dev/null)
jar="${LILONG_JAR:-$root/server/$target/lilong.jar}"
if [ -z "${LILONG_JAR:-}" ]; then
  (cd "$root" && mvn -q -B -o -Dlilong.target=$target -pl server -am package -DskipTests)
fi
cp="$root/layers/$target/test-classes:$root/layers/$target/classes:$(cat "$root/layers/$target/bench.classpath")"
bench() { java -Xmx2g -cp "$cp" org.lilong.layers.tiles.bench.TileBench "$@"; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
serve() {  # data dir, cache MB
  java $java_opts -jar "$jar" serve --port "$port" --data "$1" --tile-cache-mb "$2" >"$work/server.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "$base/conformance"; do sleep 0.1; done
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
rss() { echo "server RSS after the run: $(( $(ps -o rss= -p "$pid") / 1024 )) MiB"; }
tiles_wrk() {  # tile list, seconds, warm-up seconds
  wrk -t1 -c8 -d"$3s" -s "$anchors/config/tiles.lua" "$base" -- "$1" '/tiles/{z}/{x}/{y}.mvt' >/dev/null
  wrk -t1 -c8 -d"$2s" --latency -s "$anchors/config/tiles.lua" "$base" -- "$1" '/tiles/{z}/{x}/{y}.mvt' | grep '^wrk'
}

echo; echo "== 1. the anchors' tiles: import"
anchors_dir="$work/anchors"
java -jar "$jar" import "$data/layers/streets.geojson" --layer streets --map highway=class --data "$anchors_dir" | head -1
java -jar "$jar" import "$data/layers/buildings.geojson" --layer residential-areas --map population=residents --map kind=name --data "$anchors_dir" | head -1
java -jar "$jar" import "$data/layers/pois.geojson" --layer service-stations --data "$anchors_dir" | head -1

echo "== 1a. in process (one thread; 5 warm-up passes, 20 measured)"
bench tiles "$anchors_dir" "$data/layers/tiles.txt" 5 20 | grep -v '^\['
for mb in 0 256; do
  echo "== 1b. HTTP, serve --tile-cache-mb $mb: wrk -t1 -c8 -d${seconds}s after a 15 s warm-up"
  serve "$anchors_dir" "$mb"
  tiles_wrk "$data/layers/tiles.txt" "$seconds" 15
  rss; stop
done
echo "peers (anchors RESULTS.md, same script): PostGIS via Node 248 req/s, geojson-vt 187 req/s;"
echo "  bytes per 48 tiles: PostGIS 2,619,022, geojson-vt 3,280,036; targets: uncached >= 744 req/s, cached >= 10,000"

echo; echo "== 2. generated city (side $side)"
city="$work/city"; mkdir -p "$city"
bench city "$city" "$side" | grep -v '^\['
echo "== 2a. in process per zoom (40 sampled tiles per zoom, 2 warm-up passes, 5 measured)"
bench zooms "$city" 40 2 5 | grep -v '^\['
for z in 12 13 14 15 16; do bench list "$city" "$z" 40 | grep -v '^\[' >"$work/z$z.txt"; done
for mb in 0 256; do
  echo "== 2b. HTTP per zoom, serve --tile-cache-mb $mb: wrk -t1 -c8, 10 s each after 5 s warm-up"
  serve "$city" "$mb"
  for z in 12 13 14 15 16; do echo "z$z:"; tiles_wrk "$work/z$z.txt" 10 5; done
  rss; stop
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"; date -u
