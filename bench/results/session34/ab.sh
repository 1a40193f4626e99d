#!/usr/bin/env bash
# after (09b0da0) vs before (5c29dc3), alternating, 5,000 x 5, 60 s warm-up, 3 runs each; then one profiled after-run
cd /work/main
for i in 1 2 3; do
  SIGNALHUB_DIR=/tmp/afterwar RESULTS=${OUT:-/tmp/r34}/after-$i WARMUP=60 DURATION=30 bash bench/run.sh signalhub 5000 5
  SIGNALHUB_DIR=/tmp/benchwar RESULTS=${OUT:-/tmp/r34}/before-$((i+3)) WARMUP=60 DURATION=30 bash bench/run.sh signalhub 5000 5
done
SIGNALHUB_DIR=/tmp/afterwar RESULTS=${OUT:-/tmp/r34}/prof-after PROFILE=1 WARMUP=60 DURATION=30 bash bench/run.sh signalhub 5000 5
