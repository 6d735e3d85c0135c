#!/usr/bin/env bash
# schedab.sh <rounds> <jar>: the disk's I/O scheduler mq-deadline (D) against none (N), open loop at 10k/s
rounds=$1; jar=$2
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
out=/tmp/eps/schedab-$(date +%H%M%S); mkdir -p $out
for i in $(seq 1 $rounds); do for v in D N; do
  echo $([[ $v == D ]] && echo mq-deadline || echo none) > /sys/block/vda/queue/scheduler
  s0=$(cat /sys/block/vda/stat)
  $J -XX:+UseZGC -Xms6g -Xmx6g -XX:+AlwaysPreTouch --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar $jar http --client socket --phases open --rate 10000 --duration 15 --warmup 30 > $out/$v-$i.txt 2>&1
  s1=$(cat /sys/block/vda/stat)
  echo "$v-$i $(cat /sys/block/vda/queue/scheduler) $(grep -m1 -A1 'INTENDED' $out/$v-$i.txt | tail -1 | awk "{print \$8}") $(grep -E '^   CPU' $out/$v-$i.txt | sed 's/.*per payment: //' | cut -d, -f1,2) over10: $(grep -o 'over 10 ms *[0-9,]* answers ([0-9.]*%)' $out/$v-$i.txt | grep -o '(.*)') $(grep -m1 speed $out/$v-$i.txt | awk '{print $2}') io(w,flush): $(python3 -c "a='$s0'.split();b='$s1'.split();print(int(b[4])-int(a[4]), int(b[14])-int(a[14]))")" | tee -a $out/summary.txt
done; done
echo mq-deadline > /sys/block/vda/queue/scheduler
echo $out
