#!/usr/bin/env bash
# Alternating runs of the node's HTTP bench on two builds, a base commit and the working tree, so that
# a change is judged against its base on the same machine minutes apart: a shared VM's speed drifts by
# the hour (docs/benchmarks.md, 2026-12-03), and runs of one build spread by several percent.
#
#   bench/ab.sh <commit> [pairs] [http options]
#
# pairs defaults to 2; the http options default to a closed loop and open loops at 8,000 and 10,000/s
# (--phases closed,open --rate 8000,10000 --duration 15 --warmup 60). Each run's output goes to
# bench/results/<date>-ab/, and one line per phase and run to summary.txt there: the CPU yardstick,
# throughput, p99 and CPU per payment. About 2.5 minutes a run with the defaults.
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: bench/ab.sh <commit> [pairs] [http options]" >&2
  exit 2
fi
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
root="$(cd "$(dirname "$0")/.." && pwd)"
ref="$1"
shift
pairs=2
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  pairs="$1"
  shift
fi
options=("$@")
if [[ ${#options[@]} -eq 0 ]]; then
  options=(--phases closed,open --rate 8000,10000 --duration 15 --warmup 60)
fi

work="$(mktemp -d)"
git -C "$root" worktree add --detach "$work/base" "$ref" >/dev/null
trap 'git -C "$root" worktree remove --force "$work/base"; rm -rf "$work"' EXIT
(cd "$work/base" && ./mvnw -q -B -pl bench -am package -DskipTests)
cp "$work/base/bench/target/dtenge-bench.jar" "$work/base.jar"
(cd "$root" && ./mvnw -q -B -pl bench -am package -DskipTests)
cp "$root/bench/target/dtenge-bench.jar" "$work/new.jar"

out="$root/bench/results/$(date +%Y-%m-%d-%H%M%S)-ab"
mkdir -p "$out"
{
  echo "base $(git -C "$root" rev-parse --short "$ref") against the working tree at $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD || echo ' with changes')"
  echo "http options: ${options[*]}"
} | tee "$out/summary.txt"

summarize() { # run label, output file
  awk -v run="$1" '
    /^speed/ { speed = $2 }
    /^== CLOSED LOOP/ { phase = "closed loop" }
    /^== OPEN LOOP/ { match($0, /offered at [0-9,]+\/s/); phase = "open " substr($0, RSTART + 11, RLENGTH - 11) }
    /^== BATCH \(json\)/ { phase = "batch json" }
    /^== BATCH \(binary\)/ { phase = "batch binary" }
    /THROUGHPUT/ { throughput = $2; p99 = "" }
    /^      p50 / && p99 == "" { p99 = $8 }
    /^   CPU .*per (payment|transfer): / {
      match($0, /per (payment|transfer): [0-9.]+ us/)
      cpu = substr($0, RSTART, RLENGTH)
      printf "%-7s %-14s yardstick %5s us  %9s/s  p99 %8s ms  %s\n", run, phase, speed, throughput, p99, cpu
    }' "$2"
}

for ((i = 1; i <= pairs; i++)); do
  for side in base new; do
    "$JAVA_HOME/bin/java" -XX:+UseZGC -Xms6g -Xmx6g --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED \
      -jar "$work/$side.jar" http --client socket "${options[@]}" 2>&1 \
      | grep -v '^INFO: \|^[A-Z][a-z][a-z] [0-9]*, 20\|^\s*at ' > "$out/$side-$i.txt"
    summarize "$side-$i" "$out/$side-$i.txt" | tee -a "$out/summary.txt"
  done
done
echo "results in $out"
