#!/usr/bin/env bash
# The foundation benchmark on both stores in one run (issue 3): start-up and `items` latency on a
# GeoPackage and on PostGIS (a throwaway cluster), same demo data, same requests.
#   bench/stores.sh [runs=3] [wrk-seconds=15]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/pg-cluster.sh"
pg_cluster_start
trap pg_cluster_stop EXIT
command psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -d postgres -c "CREATE DATABASE lilong_bench"
echo "######## GeoPackage"
"$root/bench/foundation.sh" "${1:-3}" "${2:-15}"
echo "######## PostGIS"
BENCH_STORE="jdbc:postgresql://127.0.0.1:$PG_PORT/lilong_bench?user=postgres" "$root/bench/foundation.sh" "${1:-3}" "${2:-15}"
