#!/usr/bin/env bash
# Builds the benchmark jar and runs every benchmark, writing the outputs to bench/results/<date>/.
#
#   bench/run.sh           the full set: JMH (-f 1 -wi 3 -i 5, with -prof gc), throughput with its
#                          defaults (1M accounts, 10M transfers, durable, then in memory), memory mode
#                          (10M accounts in -Xmx4g). About 10 minutes on 2 cores.
#   bench/run.sh --quick   a smoke run of the same (JMH -wi 1 -i 1, 100k accounts, 1M transfers, 1M
#                          accounts), to check that everything works end to end. About 2 minutes.
#   bench/run.sh --http [options]   the node's HTTP API instead (the http command: a real node in-process,
#                          signed payments closed and open loop over a sweep of rates, batches in JSON and
#                          binary), with ZGC and the minimal socket client; options are added to the http
#                          command's (--jfr DIR for a profile by code). About 4 minutes. The
#                          node's own log lines (Helidon's INFO lines, stack frames of failed requests)
#                          are left out of the outputs; the failures themselves are kept.
#   bench/run.sh --compare [options]   dtenge side by side with PostgreSQL (the compare command, what
#                          `bin/dtenge bench` runs) with its defaults or the options given; the table goes to
#                          compare.txt beside results.json and the plots. About 4 minutes.
#
# Numbers from a machine that other work shares are noisy: run on a quiet one for figures to publish.
set -euo pipefail

export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
JAVA="$JAVA_HOME/bin/java"
root="$(cd "$(dirname "$0")/.." && pwd)"
quick=false
http=false
compare=false
if [[ "${1:-}" == "--quick" ]]; then
  quick=true
elif [[ "${1:-}" == "--http" ]]; then
  http=true
  shift
elif [[ "${1:-}" == "--compare" ]]; then
  compare=true
  shift
fi

cd "$root"
./mvnw -q -pl bench -am package -DskipTests
jar="$root/bench/target/dtenge-bench.jar"

out="$root/bench/results/$(date +%Y-%m-%d-%H%M%S)$($quick && echo -quick || true)$($http && echo -http || true)$($compare && echo -compare || true)"
mkdir -p "$out"
echo "writing to $out"

{
  echo "date: $(date -Is)"
  echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "nproc: $(nproc)"
  echo "load: $(cat /proc/loadavg) (1, 5, 15 min; runnable/total; last pid): other work on the machine"
  lscpu | head -20
  echo
  free -h
  echo
  df -h "${TMPDIR:-/tmp}"
  echo
  lsblk -d -o NAME,ROTA,SIZE,MODEL 2>/dev/null || true
  echo
  "$JAVA" -version 2>&1
} > "$out/machine.txt"

if $compare; then
  "$JAVA" -XX:+UseZGC --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar "$jar" compare --out "$out" "$@" \
    2>&1 | tee "$out/compare.txt"
  echo "results in $out"
  exit 0
fi

if $http; then
  # ZGC with the heap taken and touched at start, as bin/dtenge start runs the node; the minimal socket
  # client, so that the load generator takes little of the two cores (java.net.http.HttpClient: add
  # --client jdk by hand). 128 clients in the closed loop: at 64 it waited on latency with the cores
  # 86% busy. No JFR recording: it took about a tenth of the throughput; add --jfr DIR for the
  # profile by code (the CPU by thread is printed either way).
  "$JAVA" -XX:+UseZGC -Xms6g -Xmx6g -XX:+AlwaysPreTouch --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED -jar "$jar" http \
    --client socket --clients 128 --warmup 60 --duration 10 --rate 1000,2000,4000,6000,8000,10000 --batch-requests 500 \
    "$@" 2>&1 | grep -v '^INFO: \|^[A-Z][a-z][a-z] [0-9]*, 20\|^\s*at ' | tee "$out/http-socket.txt"
  echo "results in $out"
  exit 0
fi

if $quick; then
  jmh_args=(-f 1 -wi 1 -i 1)
  throughput_args=(--accounts 100000 --transfers 1000000)
  memory_args=(--accounts 1000000)
else
  jmh_args=(-f 1 -wi 3 -i 5)
  throughput_args=()
  memory_args=()
fi

# JMH with allocation per operation: in-memory apply over 100k and 1M wallets (the second shows what
# cache misses on the account table cost), then durable group commit and the raw journal.
"$JAVA" --sun-misc-unsafe-memory-access=allow -jar "$jar" jmh ApplyBenchmark "${jmh_args[@]}" -prof gc \
  -p accounts=100000,1000000 -rff "$out/jmh-apply.csv" 2>&1 | tee "$out/jmh-apply.txt"
"$JAVA" --sun-misc-unsafe-memory-access=allow -jar "$jar" jmh DurableBenchmark "${jmh_args[@]}" -prof gc \
  -rff "$out/jmh-durable.csv" 2>&1 | tee "$out/jmh-durable.txt"

# End to end through the sequencer and the journal (fsync per batch), then the same in memory.
"$JAVA" -Xms12g -Xmx12g -jar "$jar" throughput "${throughput_args[@]}" 2>&1 | tee "$out/throughput-durable.txt"
"$JAVA" -Xms12g -Xmx12g -jar "$jar" throughput --in-memory "${throughput_args[@]}" 2>&1 | tee "$out/throughput-in-memory.txt"

# 10 million accounts in a 4 GiB heap.
"$JAVA" -Xmx4g -jar "$jar" memory "${memory_args[@]}" 2>&1 | tee "$out/memory.txt"

echo "results in $out"
