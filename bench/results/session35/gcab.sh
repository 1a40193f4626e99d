#!/usr/bin/env bash
# connect storm A/B of JVM flags, 3 alternating runs per arm (bench/RESULTS.md, session 35)
for i in 1 2 3; do
  FLAGS="" bash "$(dirname "$0")/stormcpu.sh" ${OUT:-/tmp/gc}/base-$i
  FLAGS="-XX:MetaspaceSize=256m" bash "$(dirname "$0")/stormcpu.sh" ${OUT:-/tmp/gc}/meta-$i
  FLAGS="-XX:MetaspaceSize=256m -XX:MaxTenuringThreshold=0" bash "$(dirname "$0")/stormcpu.sh" ${OUT:-/tmp/gc}/tenure0-$i
  FLAGS="-XX:MetaspaceSize=256m -XX:+UseParallelGC" bash "$(dirname "$0")/stormcpu.sh" ${OUT:-/tmp/gc}/parallel-$i
done
