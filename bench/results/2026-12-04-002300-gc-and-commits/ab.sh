#!/usr/bin/env bash
# ab.sh <pairs> <jarA> <jarB> [extra JVM opts for both]: open loop at 10k/s, alternating, with gc logs
pairs=$1; A=$2; B=$3; X=${4:-}
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
out=/tmp/eps/ab-$(date +%H%M%S); mkdir -p $out
for i in $(seq 1 $pairs); do for v in A B; do
  jar=$([[ $v == A ]] && echo "$A" || echo "$B")
  $J -XX:+UseZGC -Xms6g -Xmx6g $X -Xlog:gc*:file=$out/$v-$i-gc.log --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar $jar http --client socket --phases open --rate 10000 --duration 15 --warmup 30 > $out/$v-$i.txt 2>&1
  echo "$v-$i $(basename $jar) $(grep -m1 -A1 'INTENDED' $out/$v-$i.txt | tail -1 | awk "{print \$8}") $(grep -E '^   CPU' $out/$v-$i.txt | sed 's/.*per payment: //' | cut -d, -f1,2) over10: $(grep -o 'over 10 ms *[0-9,]* answers ([0-9.]*%)' $out/$v-$i.txt | grep -o '(.*)') young: $(grep -c 'Y: Young Generation' $out/$v-$i-gc.log)" | tee -a $out/summary.txt
done; done
echo $out
