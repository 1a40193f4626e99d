#!/usr/bin/env bash
# 5,000 x 5, 60 s warm-up: Signal Hub (WAR in $WAR_DIR) and Node ws, alternating, 3 runs each
cd /work/main
for i in 1 2 3; do
  SIGNALHUB_DIR=$WAR_DIR RESULTS=${OUT:-/tmp/r34}/$ARM-$i WARMUP=60 DURATION=30 bash bench/run.sh signalhub 5000 5
  [ "${NODE:-1}" = 1 ] && RESULTS=${OUT:-/tmp/r34}/node-$i WARMUP=60 DURATION=30 bash bench/run.sh node-ws 5000 5
done
