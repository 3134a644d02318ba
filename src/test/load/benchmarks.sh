#!/usr/bin/env bash
# The capacity benchmarks of docs/benchmarks.md, one after the other, each on a freshly started server process.
# Before each run it waits (up to 10 minutes) until the 1-minute load average is under $QUIET (default 1.0), so
# that another build on the same machine does not skew it; the load average is printed in each result's header.
# Results: target/load/*.md. Takes about 20 minutes. Usage: bash src/test/load/benchmarks.sh [name...]
set -euo pipefail
cd "$(dirname "$0")/../../.."
QUIET=${QUIET:-1.0}
mvn -q -o test-compile 2>/dev/null || mvn -q test-compile

quiet() {
  for _ in $(seq 1 120); do
    if awk -v q="$QUIET" '{ exit !($1 < q) }' /proc/loadavg; then return 0; fi
    sleep 5
  done
  echo "load average still $(cut -d' ' -f1 /proc/loadavg) after 10 minutes: running anyway" >&2
}

load() { # name, then -D options
  local name=$1; shift
  quiet
  echo "== $name ($(cut -d' ' -f1-3 /proc/loadavg))"
  mvn -q -o -Pload exec:exec -Dload.name="$name" "$@" | grep -E '^(\||#)'
}

ALL=("$@")
run() { local n=$1; shift; if [ ${#ALL[@]} -eq 0 ] || [[ " ${ALL[*]} " == *" $n "* ]]; then load "$n" "$@"; fi; }

# one room of 500 x 500, everyone visible, ramp until unhealthy
run one-room -Dload.steps=250,500,1000,1500,1750,2000,2500,3000 -Dload.warmup=10 -Dload.window=15
# bytes per client side by side: half the bots compact, half JSON, in the same room at the same time
run formats -Dload.format=mixed -Dload.steps=100,250 -Dload.keepGoing=true -Dload.warmup=10 -Dload.window=15
# 100 rooms of 10
run rooms -Dload.rooms=100 -Dload.steps=1000 -Dload.warmup=10 -Dload.window=15
# a large map with interest management
run big-map -Dload.steps=250,1000,1500,2000,3000 -Dload.warmup=10 -Dload.window=15 \
  "-Dload.server=-Darena.mapWidth=8000 -Darena.mapHeight=8000 -Darena.viewDistance=250"
# the server alone on one core (CPU 0), the generator on the other (CPU 1)
if [ ${#ALL[@]} -eq 0 ] || [[ " ${ALL[*]} " == *" one-core "* ]]; then
  quiet
  echo "== one-core ($(cut -d' ' -f1-3 /proc/loadavg))"
  taskset -c 1 mvn -q -o -Pload exec:exec -Dload.name=one-core -Dload.serverCpus=0 \
    -Dload.steps=250,500,1000,1500,1750,2000 -Dload.warmup=10 -Dload.window=15 | grep -E '^(\||#)'
fi
