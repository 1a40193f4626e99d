#!/usr/bin/env bash
# Session 33: the C1-only JIT (-XX:TieredStopAtLevel=1) with and without PREWARM=10000, beside Node ws.
# Usage: SIGNALHUB_DIR=<checkout with target/signal-hub.war> bash c1.sh N R ROUNDS
set -u
here=$(cd "$(dirname "$0")" && pwd)
bench=$(cd "$here/../.." && pwd)
n=$1 r=$2 rounds=${3:-3}
c1="-Xms1g -Xmn128m -XX:TieredStopAtLevel=1"
for i in $(seq 1 "$rounds"); do
  RESULTS=$here/${n}x$r/c1-$i SIGNALHUB_JAVA_OPTS=$c1 WARMUP=60 DURATION=30 "$bench/run.sh" signalhub "$n" "$r"
  RESULTS=$here/${n}x$r/c1-prewarm-$i SIGNALHUB_JAVA_OPTS=$c1 PREWARM=10000 WARMUP=60 DURATION=30 "$bench/run.sh" signalhub "$n" "$r"
done
