#!/usr/bin/env bash
# usage: jarab.sh <pairs> <jar A> <jar B> [http options]; alternates two bench jars
pairs=$1; A=$2; B=$3; shift 3
opts=("$@"); [[ ${#opts[@]} -eq 0 ]] && opts=(--phases open --rate 10000 --duration 15 --warmup 40)
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
out=/tmp/jarab-$(date +%H%M%S); mkdir -p $out
for i in $(seq 1 $pairs); do for v in A B; do
  jar=$([[ $v == A ]] && echo "$A" || echo "$B")
  $J -XX:+UseZGC -Xms6g -Xmx6g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar $jar http --client socket "${opts[@]}" > $out/$v-$i.txt 2>&1
  echo "$v-$i [$jar] $(grep -E '^   THROUGHPUT' $out/$v-$i.txt | awk '{print $2}') p99 $(grep -m1 -A1 'INTENDED\|send to answer' $out/$v-$i.txt | tail -1 | awk "{print \$8}") $(grep -E '^   CPU' $out/$v-$i.txt | sed 's/.*per payment: //') over10: $(grep -o 'over 10 ms *[0-9,]* answers ([0-9.]*%)' $out/$v-$i.txt)" | tee -a $out/summary.txt
done; done
echo $out
