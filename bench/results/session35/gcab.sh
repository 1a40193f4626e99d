#!/usr/bin/env bash
for i in 1 2 3; do
  FLAGS="" bash /tmp/stormcpu.sh /tmp/gc/base-$i
  FLAGS="-XX:MetaspaceSize=256m" bash /tmp/stormcpu.sh /tmp/gc/meta-$i
  FLAGS="-XX:MetaspaceSize=256m -XX:MaxTenuringThreshold=0" bash /tmp/stormcpu.sh /tmp/gc/tenure0-$i
  FLAGS="-XX:MetaspaceSize=256m -XX:+UseParallelGC" bash /tmp/stormcpu.sh /tmp/gc/parallel-$i
done
