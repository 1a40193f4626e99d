#!/usr/bin/env bash
# connect storm, 10,000 connects offered at 2,000/s: after (09b0da0) and before (5c29dc3), alternating, 3 runs each
cd /work/main
for i in 1 2 3; do
  SIGNALHUB_DIR=/tmp/afterwar RESULTS=${OUT:-/tmp/r34}/storm-after-$i WARMUP=5 DURATION=10 bash bench/run.sh storm signalhub 10000 2000
  SIGNALHUB_DIR=/tmp/benchwar RESULTS=${OUT:-/tmp/r34}/storm-before-$i WARMUP=5 DURATION=10 bash bench/run.sh storm signalhub 10000 2000
done
