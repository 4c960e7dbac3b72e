#!/usr/bin/env bash
# Import benchmark (issue 3): 100,000 polygons from one GeoJSON file into each store, side by side with
# GDAL's ogr2ogr loading the same file into the same kind of target in the same run.
#   bench/import.sh [count=100000]
# Needs: gdal-bin, postgresql-15-postgis-3 (a throwaway cluster is started), hyperfine not required.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count=${1:-100000}
if [ -z "${LILONG_JAR:-}" ]; then "$root/lilong" --version >/dev/null; fi
jar="${LILONG_JAR:-$root/server/target/lilong.jar}"
work=$(mktemp -d)
source "$root/scripts/pg-cluster.sh"
pg_cluster_start
trap 'pg_cluster_stop; rm -rf "$work"' EXIT
psql() { command psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
psql -d postgres -c "CREATE DATABASE lilong_bench" -c "CREATE DATABASE ogr_bench"
psql -d ogr_bench -c "CREATE EXTENSION postgis"
url="jdbc:postgresql://127.0.0.1:$PG_PORT/lilong_bench?user=postgres"

echo "== machine"; nproc; grep -m1 'model name' /proc/cpuinfo || true; java -version 2>&1 | head -1; ogr2ogr --version
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; date -u
python3 "$root/bench/make-polygons.py" "$count" > "$work/polygons.geojson"
echo "input: $count polygons, $(du -h "$work/polygons.geojson" | cut -f1)"

timed() { local label=$1; shift; local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; t1=$(date +%s%N)
  awk -v l="$label" -v n="$count" -v ns=$((t1 - t0)) 'BEGIN { s = ns / 1e9; printf "%-40s %7.2f s  %9.0f features/s\n", l, s, n / s }'; }

echo "== runs (each into an empty target)"
for round in 1 2; do
  rm -rf "$work/gpkg" "$work/ogr.gpkg"
  psql -d lilong_bench -c "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public" 2>/dev/null
  psql -d ogr_bench -c "DROP TABLE IF EXISTS polygons"
  timed "round $round lilong import -> GeoPackage" java -jar "$jar" import "$work/polygons.geojson" --layer residential-areas --data "$work/gpkg"
  timed "round $round ogr2ogr -> GeoPackage" ogr2ogr -f GPKG "$work/ogr.gpkg" "$work/polygons.geojson" -nln polygons
  timed "round $round lilong import -> PostGIS" java -jar "$jar" import "$work/polygons.geojson" --layer residential-areas --store "$url"
  timed "round $round ogr2ogr -> PostGIS" ogr2ogr -f PostgreSQL "PG:host=127.0.0.1 port=$PG_PORT user=postgres dbname=ogr_bench" "$work/polygons.geojson" -nln polygons --config PG_USE_COPY YES
done
echo "== counts"
psql -d lilong_bench -At -c "SELECT 'lilong PostGIS rows', count(*) FROM residential_areas"
psql -d ogr_bench -At -c "SELECT 'ogr2ogr PostGIS rows', count(*) FROM polygons"
