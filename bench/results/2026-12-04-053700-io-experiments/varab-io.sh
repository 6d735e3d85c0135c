#!/usr/bin/env bash
# varab.sh <rounds> <jar> <name=props>... : rounds of each variant in turn, open loop at 10k/s
rounds=$1; jar=$2; shift 2
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
out=/tmp/eps/varab-$(date +%H%M%S); mkdir -p $out; printf '%s\n' "$@" > $out/summary.txt
for i in $(seq 1 $rounds); do for v in "$@"; do
  name=${v%%=*}; P=${v#*=}
  s0=$(cat /sys/block/vda/stat); $J -XX:+UseZGC -Xms6g -Xmx6g -XX:+AlwaysPreTouch $P --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar $jar http --client socket --phases open --rate 10000 --duration 15 --warmup 30 > $out/$name-$i.txt 2>&1; s1=$(cat /sys/block/vda/stat)
  echo "$name-$i $(grep -m1 -A1 'INTENDED' $out/$name-$i.txt | tail -1 | awk "{print \$8}") $(grep -E '^   CPU' $out/$name-$i.txt | sed 's/.*per payment: //' | cut -d, -f1,2) over10: $(grep -o 'over 10 ms *[0-9,]* answers ([0-9.]*%)' $out/$name-$i.txt | grep -o '(.*)') $(grep -m1 speed $out/$name-$i.txt | awk "{print \$2}") io-writes: $(python3 -c "a='$s0'.split();b='$s1'.split();print(int(b[4])-int(a[4]))")" | tee -a $out/summary.txt
done; done
echo $out
