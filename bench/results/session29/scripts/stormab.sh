#!/bin/bash
# stormab.sh CHECKOUT OUTDIR: bench/run.sh storm signalhub 10000 2000 against the build in CHECKOUT,
# with 16 closed-loop HTTP publishers (storm_pub.py, on the tool's core) for 60 s from the moment
# the server is up, i.e. through the storm.
HERE=$(cd "$(dirname "$0")" && pwd)
arm=$1 out=$2; mkdir -p "$out"
cd "$HERE/../../../.." || exit 1
( SIGNALHUB_DIR=$arm RESULTS=$out bench/run.sh storm signalhub 10000 2000 > "$out/run.log" 2>&1 ) &
runner=$!
port=""
for i in $(seq 300); do port=$(grep -o 'signalhub listening on 127.0.0.1:[0-9]*' "$out/run.log" 2>/dev/null | grep -o '[0-9]*$'); [ -n "$port" ] && break; sleep 0.5; done
taskset -c 1 python3 "$HERE/storm_pub.py" "$port" 16 60 "$out/publishers.json" > "$out/pub.log" 2>&1
wait $runner
