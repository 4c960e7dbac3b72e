#!/usr/bin/env bash
# In-process isochrone benchmark (issue 4): walking search alone, and search + polygon, from the
# anchors' 50 fixed origins on the real Huangpu extract (read in place) and the anchors' synthetic
# grid, plus searches on a generated network of over a million edges; 3 JVM forks; prints the
# ratios against ../shared/anchors/RESULTS.md. A command, not a test: figures go in
# docs/BENCHMARKS.md by hand, with the machine notes it prints. About 3–5 minutes.
#   bench/isochrones.sh [forks=3] [grid side=710]
# Environment: ANCHORS_DATA (default /tmp/anchors-data) for synth.osm and the origin files, made
# here with the anchors' own generator when missing; REAL_OSM for the Huangpu extract.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
forks=${1:-3}
side=${2:-710}
anchors="$(cd "$root/../shared/anchors" && pwd)"
data="${ANCHORS_DATA:-/tmp/anchors-data}"
real="${REAL_OSM:-$root/../shared/geodata/huangpu-central.osm}"
target=target-bench
[ -f "$real" ] || { echo "the Huangpu extract is not at $real (set REAL_OSM)" >&2; exit 1; }

echo "== machine"; echo "nproc $(nproc)"; grep -m1 'model name' /proc/cpuinfo || true
free -g | head -2; java -version 2>&1 | head -1
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; date -u

# The anchors' data, generated as their scripts/data.sh does (no osmium here: the .osm XML is read).
mkdir -p "$data"
acp="$anchors/java/target/classes:$anchors/java/target/lib/*"
if [ ! -f "$data/synth.osm" ] || [ ! -f "$data/origins-synth.csv" ] || [ ! -f "$data/origins-huangpu.csv" ]; then
  [ -f "$anchors/java/target/classes/anchors/SynthGrid.class" ] || (cd "$anchors/java" && mvn -q -B package -DskipTests)
  [ -f "$data/synth.osm" ] || java -cp "$acp" anchors.SynthGrid "$data/synth.osm" 400 20240615 80
  [ -f "$data/origins-synth.csv" ] || java -cp "$acp" anchors.Origins "$data/synth.osm" "$data/origins-synth.csv" 50 42
  [ -f "$data/origins-huangpu.csv" ] || java -cp "$acp" anchors.Origins "$real" "$data/origins-huangpu.csv" 50 42
fi

echo "== build (offline, into */$target)"
(cd "$root" && mvn -q -B -o -Dlilong.target=$target -pl geodata -am test-compile \
  && mvn -q -B -o -Dlilong.target=$target -pl geodata dependency:build-classpath \
       -Dmdep.outputFile="$root/geodata/$target/bench.classpath" -Dmdep.includeScope=test >/dev/null)
cp="$root/geodata/$target/test-classes:$root/geodata/$target/classes:$root/layers/$target/classes:$(cat "$root/geodata/$target/bench.classpath")"

echo "== run"
java -Xmx256m -cp "$cp" org.lilong.geodata.bench.IsochroneBench \
  "$real" "$data/origins-huangpu.csv" "$data/synth.osm" "$data/origins-synth.csv" "$forks" "$side"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"; date -u
