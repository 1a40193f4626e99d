#!/usr/bin/env bash
# Session 33: 5,000 x 5 (and 1,000 x 10) with and without PREWARM=10000, beside Node ws, alternating.
# Usage: SIGNALHUB_DIR=<checkout with target/signal-hub.war> bash p5k.sh N R ROUNDS
set -u
here=$(cd "$(dirname "$0")" && pwd)
bench=$(cd "$here/../.." && pwd)
n=$1 r=$2 rounds=${3:-3}
for i in $(seq 1 "$rounds"); do
  RESULTS=$here/${n}x$r/std-$i WARMUP=60 DURATION=30 "$bench/run.sh" signalhub "$n" "$r"
  RESULTS=$here/${n}x$r/prewarm-$i PREWARM=10000 WARMUP=60 DURATION=30 "$bench/run.sh" signalhub "$n" "$r"
  RESULTS=$here/${n}x$r/node-$i WARMUP=60 DURATION=30 "$bench/run.sh" node-ws "$n" "$r"
done
