#!/usr/bin/env bash
# ab.sh <rounds> <jar> <phase: open|closed> "<name>|<env assignments>|<jvm props>"... : alternating runs
rounds=$1; jar=$2; phase=$3; shift 3
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
out=/tmp/eps/ab-$phase-$(date +%H%M%S); mkdir -p $out; printf '%s\n' "$@" > $out/summary.txt
if [ $phase = open ]; then args="--phases open --rate 10000 --duration 15 --warmup 30"; else args="--phases closed --duration 15 --warmup 30 ${CLIENTS:+--clients $CLIENTS}"; fi
for i in $(seq 1 $rounds); do for v in "$@"; do
  IFS='|' read -r name envs props extra <<< "$v"
  env $envs $J -XX:+UseZGC -Xms6g -Xmx6g -XX:+AlwaysPreTouch $props --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar $jar http --client socket $args $extra > $out/$name-$i.txt 2>&1
  echo "$name-$i thr=$(grep -m1 THROUGHPUT $out/$name-$i.txt | awk '{print $2}') p99=$(grep -m1 -A1 "INTENDED\|latency (send" $out/$name-$i.txt | tail -1 | awk "{print \$8}") cpu=$(grep -E '^   CPU' $out/$name-$i.txt | sed 's/.*per payment: //' | cut -d, -f1,2) $(grep -o 'over 10 ms *[0-9,]* answers ([0-9.]*%)' $out/$name-$i.txt | grep -o '(.*)') sig=$(grep -m1 'signatures  ' $out/$name-$i.txt | grep -o '[0-9.]* each')" | tee -a $out/summary.txt
done; done
echo $out
