#!/usr/bin/env bash
# propab.sh <pairs> <jar> "<props A>" "<props B>": alternating runs, open loop at 10k/s, with traces
pairs=$1; jar=$2; PA=$3; PB=$4
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
out=/tmp/eps/propab-$(date +%H%M%S); mkdir -p $out; echo "A: $PA / B: $PB" > $out/summary.txt
for i in $(seq 1 $pairs); do for v in A B; do
  P=$([[ $v == A ]] && echo "$PA" || echo "$PB")
  $J -XX:+UseZGC -Xms6g -Xmx6g $P -Ddtenge.trace=$out/$v-$i.trace -Xlog:gc:file=$out/$v-$i-gc.log:uptimenanos --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar $jar http --client socket --phases open --rate 10000 --duration 15 --warmup 30 > $out/$v-$i.txt 2>&1
  echo "$v-$i $(grep -m1 -A1 'INTENDED' $out/$v-$i.txt | tail -1 | awk "{print \$8}") $(grep -E '^   CPU' $out/$v-$i.txt | sed 's/.*per payment: //' | cut -d, -f1,2) over10: $(grep -o 'over 10 ms *[0-9,]* answers ([0-9.]*%)' $out/$v-$i.txt | grep -o '(.*)') | $(python3 /tmp/eps/share.py $out/$v-$i.trace 100 | cut -d: -f2- | cut -c1-90)" | tee -a $out/summary.txt
done; done
