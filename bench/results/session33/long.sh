#!/usr/bin/env bash
# Session 33: 5,000 x 5 after a 7-minute warm-up, the README's flags (C2) and C1 only, one run each.
# Usage: SIGNALHUB_DIR=<checkout with target/signal-hub.war> bash long.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
bench=$(cd "$here/../.." && pwd)
RESULTS=$here/5000x5/long-c2 WARMUP=420 DURATION=30 "$bench/run.sh" signalhub 5000 5
RESULTS=$here/5000x5/long-c1 SIGNALHUB_JAVA_OPTS="-Xms1g -Xmn128m -XX:TieredStopAtLevel=1" \
  WARMUP=420 DURATION=30 "$bench/run.sh" signalhub 5000 5
