#!/usr/bin/env bash
# In-process coverage-gap benchmark (issue 5): the all-categories summary on the demo district
# (target < 200 ms), and on a generated city of over a million street edges (a perturbed 80 m grid),
# 24,000 building groups with residents and 5,200 facilities over the profile's categories: the
# all-categories summary (target < 3 s) and site suggestions for k = 5 among the street nodes
# (target < 5 s). Several JVM forks; prints machine notes and the median over forks. A command, not
# a test: figures go in docs/BENCHMARKS.md by hand. About 3–6 minutes with 3 forks.
#   bench/coverage.sh [forks=3] [grid side=710] [units=24000] [facilities=5200]
# Environment: BENCH_TARGET (default target-bench) names the build directory.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
forks=${1:-3}
side=${2:-710}
units=${3:-24000}
facilities=${4:-5200}
target=${BENCH_TARGET:-target-bench}

echo "== machine"; echo "nproc $(nproc)"; grep -m1 'model name' /proc/cpuinfo || true
free -g | head -2; java -version 2>&1 | head -1
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; date -u

echo "== build (offline, into */$target)"
(cd "$root" && mvn -q -B -o -Dlilong.target="$target" -pl geodata -am test-compile \
  && mvn -q -B -o -Dlilong.target="$target" -pl geodata dependency:build-classpath \
       -Dmdep.outputFile="$root/geodata/$target/bench.classpath" -Dmdep.includeScope=test >/dev/null)
cp="$root/geodata/$target/test-classes:$root/geodata/$target/classes:$root/layers/$target/classes:$(cat "$root/geodata/$target/bench.classpath")"

echo "== run"
java -Xmx256m -cp "$cp" org.lilong.geodata.bench.CoverageBench "$forks" "$side" "$units" "$facilities"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"; date -u
