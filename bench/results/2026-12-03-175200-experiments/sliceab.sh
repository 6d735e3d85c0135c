#!/usr/bin/env bash
# usage: sliceab.sh <pairs> <slice_us> <prefixes...>: A plain, B with the custom slice on those threads
pairs=$1; us=$2; shift 2; prefixes=("$@")
opts=(--phases open --rate 10000 --duration 15 --warmup 40)
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
out=/tmp/sliceab-$(date +%H%M%S); mkdir -p $out; cp /work/main/bench/target/dtenge-bench.jar $out/b.jar
for i in $(seq 1 $pairs); do for v in A B; do
  f=$out/$v-$i.txt
  $J -XX:+UseZGC -Xms6g -Xmx6g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar $out/b.jar http --client socket "${opts[@]}" > $f 2>&1 &
  pid=$!
  if [[ $v == B ]]; then until grep -q "^pre-signed" $f 2>/dev/null; do sleep 0.5; done; python3 /tmp/slice.py $pid $us "${prefixes[@]}" > $out/$v-$i.slice; fi
  wait $pid
  echo "$v-$i $(grep -E '^   THROUGHPUT' $f | awk '{print $2}') p99 $(grep -m1 -A1 'INTENDED' $f | tail -1 | awk '{print $8}') $(grep -E '^   CPU' $f | sed 's/.*per payment: //') $(grep -o 'over 10 ms *[0-9,]* answers ([0-9.]*%)' $f)" | tee -a $out/summary.txt
done; done
