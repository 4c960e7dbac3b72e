#!/usr/bin/env bash
# The peers' side of the life-circle benchmarks, measured in the same session as ours: runs the
# anchors' own scripts (../shared/anchors) from a copy in /tmp, so that their results files in
# ../shared stay as they were; prints where the fresh results are.
#   bench/life-circle-peers.sh [pgrouting] [graphhopper] [http]     (default: all three)
# pgrouting    pgr_drivingDistance 1000 m, in-database (anchors scripts/bench-pgrouting.sh)
# graphhopper  GraphHopper 11 in-process: search and isochrones, 3 JVM forks (bench-graphhopper.sh)
# http         GraphHopper web and pgRouting behind Node under wrk -c8 (bench-isochrone-http.sh)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source_anchors="$root/../shared/anchors"
run="${ANCHORS_RUN:-/tmp/anchors-run}"
parts=("$@"); [ ${#parts[@]} -eq 0 ] && parts=(pgrouting graphhopper http)
[ -d "$source_anchors" ] || { echo "the anchors are not at $source_anchors" >&2; exit 1; }
mkdir -p "$run"
# Scripts, sources and their builds; not the results.
(cd "$source_anchors" && tar --exclude=./results -cf - .) | (cd "$run" && tar -xf -)
mkdir -p "$run/results"
# The copy is not beside ../shared/geodata: point the anchors at the real extract in place.
export REAL_OSM="${REAL_OSM:-$(cd "$source_anchors/.." && pwd)/geodata/huangpu-central.osm}"
"$run/scripts/setup.sh"
"$run/scripts/data.sh" >/dev/null
trap '"$run/scripts/pg.sh" stop >/dev/null 2>&1 || true' EXIT
for part in "${parts[@]}"; do
  case "$part" in
    pgrouting) "$run/scripts/bench-pgrouting.sh" ;;
    graphhopper) "$run/scripts/bench-graphhopper.sh" ;;
    http) "$run/scripts/bench-isochrone-http.sh" ;;
    *) echo "unknown part '$part': pgrouting, graphhopper or http" >&2; exit 2 ;;
  esac
done
echo "== fresh peer results in $run/results:"; ls -1 "$run/results"
