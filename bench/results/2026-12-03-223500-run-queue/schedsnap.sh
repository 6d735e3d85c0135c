#!/usr/bin/env bash
# schedsnap.sh <rate> <out>: run the open loop and snapshot every thread's schedstat 5 s and 15 s into the measured phase
rate=$1; out=$2; J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
$J -XX:+UseZGC -Xms6g -Xmx6g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar /tmp/s9/cur.jar http --client socket --phases open --rate $rate --duration 20 --warmup 40 > $out.run.txt 2>&1 &
for i in $(seq 1 300); do grep -q "pre-signed" $out.run.txt && break; sleep 1; done
sleep 5; PID=$(pgrep -f "cur.jar http")
snap() { for t in /proc/$PID/task/*; do echo "$(basename $t) $(cat $t/schedstat) $(cat $t/comm | tr ' ' '_')"; done; }
snap > $out.s1; sleep 10; snap > $out.s2
wait
