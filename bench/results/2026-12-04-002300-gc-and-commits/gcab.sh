#!/usr/bin/env bash
# gcab.sh <pairs> <jar>: Epsilon (no collection at all) against ZGC, alternating, open loop at 10k/s
pairs=$1; jar=$2
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
out=/tmp/eps/gcab-$(date +%H%M%S); mkdir -p $out
for i in $(seq 1 $pairs); do for v in E Z; do
  if [ $v = E ]; then G="-XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC -Xms19g -Xmx19g -XX:+AlwaysPreTouch"; else G="-XX:+UseZGC -Xms6g -Xmx6g"; fi
  $J $G --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar $jar http --client socket --phases open --rate 10000 --duration 12 --warmup 25 > $out/$v-$i.txt 2>&1
  echo "$v-$i $(grep -m1 -A1 'INTENDED' $out/$v-$i.txt | tail -1 | awk "{print \$8}") $(grep -E '^   CPU' $out/$v-$i.txt | sed 's/.*per payment: //' | cut -d, -f1,2) over10: $(grep -o 'over 10 ms *[0-9,]* answers ([0-9.]*%)' $out/$v-$i.txt | grep -o '(.*)')" | tee -a $out/summary.txt
done; done
