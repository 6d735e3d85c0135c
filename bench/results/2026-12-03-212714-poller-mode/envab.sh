#!/usr/bin/env bash
# usage: envab.sh <pairs> "<env A>" "<env B>" [http options]; alternates A and B with the current bench jar
pairs=$1; A=$2; B=$3; shift 3
opts=("$@"); [[ ${#opts[@]} -eq 0 ]] && opts=(--phases open --rate 10000 --duration 15 --warmup 40)
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
out=/tmp/envab-$(date +%H%M%S); mkdir -p $out; cp /work/main/bench/target/dtenge-bench.jar $out/b.jar
for i in $(seq 1 $pairs); do for v in A B; do
  e=$([[ $v == A ]] && echo "$A" || echo "$B")
  env $e $J -XX:+UseZGC -Xms6g -Xmx6g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar $out/b.jar http --client socket "${opts[@]}" > $out/$v-$i.txt 2>&1
  echo "$v-$i [$e] $(grep -E '^   THROUGHPUT' $out/$v-$i.txt | awk '{print $2}') p99 $(grep -m1 -A1 'INTENDED\|send to answer' $out/$v-$i.txt | tail -1 | awk "{print \$8}") $(grep -E '^   CPU' $out/$v-$i.txt | sed 's/.*per payment: //') over10: $(grep -o 'over 10 ms *[0-9,]* answers ([0-9.]*%)' $out/$v-$i.txt)" | tee -a $out/summary.txt
done; done
