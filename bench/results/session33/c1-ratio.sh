#!/usr/bin/env bash
# Session 33: the publish ratio (10,000 clients vs none, 10 signals/s) with C1 only, no pre-warm.
# Usage: SIGNALHUB_DIR=<checkout with target/signal-hub.war> bash c1-ratio.sh ROUNDS
set -u
here=$(cd "$(dirname "$0")" && pwd)
bench=$(cd "$here/../.." && pwd)
c1="-Xms1g -Xmn128m -XX:TieredStopAtLevel=1"
for i in $(seq 1 "${1:-3}"); do
  RESULTS=$here/ratio/c1-$i SIGNALHUB_JAVA_OPTS=$c1 WARMUP=60 DURATION=30 "$bench/run.sh" signalhub 1 10
  RESULTS=$here/ratio/c1-$i SIGNALHUB_JAVA_OPTS=$c1 WARMUP=60 DURATION=30 "$bench/run.sh" signalhub 10000 10
done
