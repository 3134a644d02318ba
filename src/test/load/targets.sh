#!/usr/bin/env bash
# The four-target table of docs/benchmarks.md: the dev server and the packaged WAR on Payara Micro, WildFly and
# Tomcat (the servers the build fetches into target/), each in a process of its own on 127.0.0.1, every bot moving
# in every tick (load.motion=every-tick), compact snapshots, bots on plain sockets (LeanBots) offering permessage-deflate.
# Per target, each scenario on a freshly started server:
#   one-room  a ramp in one room (RAMP), on through unhealthy steps up to 1,000 bots (the worst-case row), then
#             up to the first unhealthy step (capacity: the last healthy one)
#   rooms     100 rooms of 10 (1,000 bots)
#   floor     the one-room ramp on the container floor (-Dload.floor=true: the same traffic, none of Arena's work;
#             dev.arena.load.floor.Floor), so that each target's own cost per client sits next to Arena's
#   walk      (only when listed in SCENARIOS) one room of 1,000 on the random walk (a direction held ~500 ms)
# Results: target/load/targets.md (all rows) and target/load/<target>-<scenario>.md.
#
# Usage: bash src/test/load/targets.sh [target...]        (default: dev payara wildfly tomcat)
# Settings (environment): PORTS="-Dpayara.http.port=... -Dtomcat.http.port=..." (the pom's -D port flags; the
#   defaults are the pom's), DEV_PORT (18090), RAMP (250,500,1000,1500,2000), WARMUP (5 s), WINDOW (15 s),
#   SCENARIOS ("floor one-room rooms"), DEV_MEMORY (the dev server's memory flags, default the README's
#   "-Xmx160m -XX:+UseSerialGC"), APP_MEMORY (the app servers' memory flags, e.g. the README's
#   "-Xmx320m -XX:+UseSerialGC"; default -Xmx1g), LOCK (a lock file: each target's runs are made under `flock $LOCK`), WAR (another
#   WAR for the app servers), LABEL (a name prefix for the runs, e.g. before/after), EXTRA (more -D options for the
#   generator, e.g. -Dload.client=jdk or "-Dload.serverJvm=-XX:StartFlightRecording=...").
# Before/after side by side: BEFORE=/path/to/an/older/checkout (built: its target/arena.war, target/classes and
#   target/test-classes) runs every scenario twice in a row, first on the older code (its WAR on the app servers,
#   its classes for the dev server; the generator is this checkout's), then on this one; rows are labelled
#   before-<target>-<scenario> and after-<target>-<scenario>, in target/load/before-after.md. REPEATS=N (default 1)
#   makes N such pairs per target and scenario, older code first in odd ones and newer first in even ones (rows
#   before<i>-... and after<i>-...), and adds the medians (src/test/load/medians.py): on a noisy machine one pair
#   can be 10 % apart either way.
# Takes about 15 minutes for the four targets with the defaults (a run stops at its first unhealthy step past 1,000).
set -euo pipefail
cd "$(dirname "$0")/../../.."
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(dev payara wildfly tomcat)
RAMP=${RAMP:-250,500,1000,1500,2000}
WARMUP=${WARMUP:-5}
WINDOW=${WINDOW:-15}
SCENARIOS=${SCENARIOS:-floor one-room rooms}
REPEATS=${REPEATS:-1}
DEV_PORT=${DEV_PORT:-18090}
LABEL=${LABEL:-}
OUT=target/load
mkdir -p "$OUT"
[ -f target/arena.war ] || [ -n "${WAR:-}" ] || { echo "target/arena.war is missing: mvn -DskipTests verify first" >&2; exit 1; }
[ -f target/payara-micro.jar ] || { echo "the servers are missing in target/: mvn -DskipTests verify first" >&2; exit 1; }
mvn -q -o test-compile 2>/dev/null || mvn -q test-compile

run() { # target scenario
  local t=$1 sc=$2 name=${LABEL:+$LABEL-}$1-$2 opts=()
  case $sc in
    one-room) opts=(-Dload.steps="$RAMP" -Dload.keepGoingTo=1000 -Dload.motion=every-tick) ;;
    rooms) opts=(-Dload.steps=1000 -Dload.rooms=100 -Dload.motion=every-tick) ;;
    floor) opts=(-Dload.steps="$RAMP" -Dload.keepGoingTo=1000 -Dload.motion=every-tick -Dload.floor=true) ;;
    walk) opts=(-Dload.steps=1000 -Dload.motion=walk) ;;
    *) echo "unknown scenario $sc" >&2; return 1 ;;
  esac
  [ -n "${WAR:-}" ] && opts+=(-Dload.war="$WAR")
  if [ "$t" = dev ]; then
    opts+=("-Dload.serverMemory=${DEV_MEMORY:--Xmx160m -XX:+UseSerialGC}") # the README's flags
  elif [ -n "${APP_MEMORY:-}" ]; then
    opts+=("-Dload.serverMemory=$APP_MEMORY") # e.g. the README's flags for an app server
  fi
  echo "== $name ($(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M:%S) UTC)"
  # shellcheck disable=SC2086
  timeout 900 mvn -q -o -Pload exec:exec ${PORTS:-} -Dload.port="$DEV_PORT" -Dload.target="$t" -Dload.name="$name" \
    -Dload.warmup="$WARMUP" -Dload.window="$WINDOW" "${opts[@]}" ${EXTRA:-} | grep -E '^(\||#|idle|negotiated)' || true
}

before_run() { # target scenario label
  WAR="$BEFORE/target/arena.war" LABEL=$3 EXTRA="${EXTRA:-} -Dload.serverClasses=$BEFORE/target/classes:$BEFORE/target/test-classes" run "$1" "$2"
}

per_target() { # target
  for sc in $SCENARIOS; do
    if [ -n "${BEFORE:-}" ] && [ "$sc" = floor ]; then
      WAR="" LABEL=after run "$1" "$sc" # the floor has no Arena code: once is enough
    elif [ -n "${BEFORE:-}" ]; then
      for r in $(seq 1 "$REPEATS"); do
        local b="before" a="after"
        [ "$REPEATS" -gt 1 ] && b="before$r" a="after$r"
        if [ $((r % 2)) -eq 1 ]; then # odd repetitions run the older code first, even ones the newer: drift cancels
          before_run "$1" "$sc" "$b"; WAR="" LABEL=$a run "$1" "$sc"
        else
          WAR="" LABEL=$a run "$1" "$sc"; before_run "$1" "$sc" "$b"
        fi
      done
    else
      run "$1" "$sc"
    fi
  done
}

for t in "${TARGETS[@]}"; do
  if [ -n "${LOCK:-}" ]; then
    export -f run before_run per_target; export REPEATS RAMP WARMUP WINDOW SCENARIOS DEV_PORT LABEL PORTS WAR EXTRA BEFORE 2>/dev/null || true
    flock "$LOCK" bash -c "per_target $t"
  else
    per_target "$t"
  fi
done

LABELS=("${LABEL:-}")
[ -n "${BEFORE:-}" ] && LABELS=(before after)
if [ -n "${BEFORE:-}" ] && [ "$REPEATS" -gt 1 ]; then
  LABELS=(); for r in $(seq 1 "$REPEATS"); do LABELS+=("before$r" "after$r"); done
fi
RESULT="$OUT/${LABEL:+$LABEL-}targets.md"
[ -n "${BEFORE:-}" ] && RESULT="$OUT/before-after.md"
{
  echo "# Arena on four targets — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  for t in "${TARGETS[@]}"; do for sc in $SCENARIOS; do for l in "${LABELS[@]}"; do
    f="$OUT/${l:+$l-}$t-$sc.md"
    [ -f "$f" ] && grep -E '^(#|idle|negotiated)' "$f" | sed 's/^# /- /; s/^idle/  idle/; s/^negotiated/  negotiated/'
  done; done; done
  echo
  sed -n 1p <(grep -h '^| target' "$OUT"/*.md)
  echo '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'
  for t in "${TARGETS[@]}"; do for sc in $SCENARIOS; do for l in "${LABELS[@]}"; do
    f="$OUT/${l:+$l-}$t-$sc.md"
    [ -f "$f" ] && grep -E '^\| [a-z]' "$f" | grep -v '^| target' || true
  done; done; done
} > "$RESULT"
if [ -n "${BEFORE:-}" ]; then
  { echo; echo "Medians over the repetitions (src/test/load/medians.py):"; echo; python3 src/test/load/medians.py "$RESULT"; } >> "$RESULT"
fi
echo "written to $RESULT"
cat "$RESULT"
